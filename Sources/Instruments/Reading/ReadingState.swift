import TerminalUI

/// The Reading screen: where to go next, as a navigable table. Each entry names the screen of
/// this app it connects to, and Enter opens that screen.
public struct ReadingState: Screen {
  /// The row under the cursor.
  var selected = 0

  public init() {}

  public var keys: [KeyHelp] {
    [
      KeyHelp("Up/Down", "choose"), KeyHelp("Enter", "open its screen"),
      KeyHelp("Home/End", "first/last", inHintBar: false),
    ]
  }

  var entry: ReadingEntry { ReadingEntry.all[selected] }

  public mutating func update(_ event: Event, area: Rect, app: AppState) -> ScreenResult {
    let last = ReadingEntry.all.count - 1
    switch event {
    case .key(.up), .key(.char("k")): selected = max(0, selected - 1)
    case .key(.down), .key(.char("j")): selected = min(last, selected + 1)
    case .key(.home): selected = 0
    case .key(.end): selected = last
    case .key(.enter): return .switchTo(entry.screen)
    case .mouse(let mouse) where mouse.kind == .press:
      let rect = ReadingLayout(area).table
      guard rect.contains(x: mouse.x, y: mouse.y),
        let row = table(RenderContext()).row(atY: mouse.y, in: rect)
      else { return .ignored }
      if row == selected { return .switchTo(entry.screen) }
      selected = row
    default: return .ignored
    }
    return .handled
  }
}
