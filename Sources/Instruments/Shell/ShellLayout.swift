import TerminalUI

/// Where the shell puts things, as a pure function of the terminal size. `App.view` draws
/// into these rects and `App.update` hit-tests mouse clicks against the same ones.
public struct ShellLayout: Equatable, Sendable {
  /// The smallest terminal the panel draws in; below it a message asks for more room.
  public static let minimum = Size(width: 80, height: 24)

  public var tabBar: Rect
  public var body: Rect
  public var hintBar: Rect
  /// False below `minimum`: only the too-small message is drawn.
  public var fits: Bool

  public init(size: Size) {
    let all = Rect(size: size)
    fits = size.width >= Self.minimum.width && size.height >= Self.minimum.height
    let rows = all.rows([.fixed(1), .fill, .fixed(1)])
    tabBar = rows[0]
    body = rows[1]
    hintBar = rows[2]
  }
}
