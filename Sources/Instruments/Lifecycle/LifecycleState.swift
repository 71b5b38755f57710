import TerminalUI

/// The Lifecycle screen: a model's life as a pipeline of boxes carrying the Forge design's
/// live figures, with the return path and the hardware substrate drawn under it.
public struct LifecycleState: Screen {
  /// The box under the cursor.
  var selected = LifecycleStage.data
  /// The explanation overlay is open.
  var explaining = false
  /// A one-line note shown in the caption until the next key (e.g. nothing to jump to).
  var note: String?

  public init() {}

  public var keys: [KeyHelp] {
    [
      KeyHelp("arrows", "move"), KeyHelp("Enter", "explain", priority: 6),
      KeyHelp("g", "open instrument", priority: 5),
      KeyHelp("j", "Token Journey (serve)", inHintBar: false),
      KeyHelp("Home/End", "first/last box", inHintBar: false),
      KeyHelp("Esc", "close explanation", inHintBar: false),
    ]
  }

  public mutating func update(_ event: Event, area: Rect, app: AppState) -> ScreenResult {
    switch event {
    case .key(let key): return handle(key, area: area)
    case .mouse(let mouse): return handle(mouse, area: area)
    default: return .ignored
    }
  }

  private mutating func handle(_ key: Key, area: Rect) -> ScreenResult {
    note = nil
    let count = LifecycleStage.allCases.count
    let perRow = LifecycleLayout(area).perRow
    let index = selected.rawValue
    switch key {
    case .left, .char("h"): move(to: index - 1)
    case .right, .char("l"): move(to: index + 1)
    case .up: move(to: index - perRow)
    case .down: move(to: index + perRow)
    case .home: move(to: 0)
    case .end: move(to: count - 1)
    case .enter: explaining.toggle()
    case .escape where explaining: explaining = false
    case .char("g"): return jump(to: selected.instrument)
    case .char("j"): return jump(to: selected.loopInstrument)
    default: return .ignored
    }
    return .handled
  }

  private mutating func move(to index: Int) {
    let clamped = min(max(index, 0), LifecycleStage.allCases.count - 1)
    selected = LifecycleStage(rawValue: clamped) ?? selected
  }

  private mutating func jump(to screen: ScreenID?) -> ScreenResult {
    guard let screen else {
      note =
        "No instrument in this app plays with \(selected.title(short: false)) yet; "
        + "F5 Reading says where to learn more."
      return .handled
    }
    explaining = false
    return .switchTo(screen)
  }

  private mutating func handle(_ mouse: MouseEvent, area: Rect) -> ScreenResult {
    guard mouse.kind == .press else { return .ignored }
    if explaining {
      explaining = false
      return .handled
    }
    guard let hit = LifecycleLayout(area).stage(atX: mouse.x, y: mouse.y) else { return .ignored }
    note = nil
    if hit == selected { explaining = true } else { selected = hit }
    return .handled
  }
}
