import TerminalUI

/// Where the shell puts things, as a pure function of the terminal size. `App.view` draws
/// into these rects and `App.update` hit-tests mouse clicks against the same ones.
public struct ShellLayout: Equatable, Sendable {
  /// The smallest terminal the panel draws in; below it a message asks for more room.
  public static let minimum = Size(width: 80, height: 24)

  /// The tab bar (during the guided tour: the tour's title and keys).
  public var tabBar: Rect
  public var body: Rect
  /// The key hints; empty during the guided tour.
  public var hintBar: Rect
  /// The guided tour's two-line caption at the bottom; empty when no tour runs.
  public var caption: Rect
  /// False below `minimum`: only the too-small message is drawn.
  public var fits: Bool

  /// The layout of a terminal of `size`; `touring` gives the bottom two rows to the tour's
  /// caption in place of the hint bar (the body gives up one row for it).
  public init(size: Size, touring: Bool = false) {
    let all = Rect(size: size)
    fits = size.width >= Self.minimum.width && size.height >= Self.minimum.height
    if touring {
      let rows = all.rows([.fixed(1), .fill, .fixed(2)])
      tabBar = rows[0]
      body = rows[1]
      hintBar = Rect(x: rows[2].x, y: rows[2].maxY, width: rows[2].width, height: 0)
      caption = rows[2]
      return
    }
    let rows = all.rows([.fixed(1), .fill, .fixed(1)])
    tabBar = rows[0]
    body = rows[1]
    hintBar = rows[2]
    caption = Rect(x: rows[2].x, y: rows[2].maxY, width: rows[2].width, height: 0)
  }

  /// The layout for a state: its size, and whether the guided tour is on.
  public init(_ state: AppState) {
    self.init(size: state.size, touring: state.tour != nil)
  }
}
