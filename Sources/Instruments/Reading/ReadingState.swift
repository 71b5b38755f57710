import TerminalUI

/// The Reading screen: where to go next, as a navigable table. Each entry names the screen of
/// this app it connects to, and Enter opens that screen.
public struct ReadingState: Screen {
  /// The row under the cursor.
  var selected = 0

  public init() {}

  /// What the Reading screen's keys do.
  public enum Action: Equatable, Sendable {
    /// Move the cursor this many rows (negative: up).
    case move(Int)
    case first, last, open
  }

  public var keymap: Keymap<Action> {
    Keymap([
      KeyBinding("Up/Down", "choose", [(.up, .move(-1)), (.down, .move(1))]),
      KeyBinding("Enter", "open its screen", keys: [.enter], .open),
      KeyBinding("Home/End", "first/last", label: .helpOnly, [(.home, .first), (.end, .last)]),
      KeyBinding(
        "k j", "up / down (as Up/Down)", label: .helpOnly,
        [(.char("k"), .move(-1)), (.char("j"), .move(1))]),
    ])
  }

  var entry: ReadingEntry { ReadingEntry.all[selected] }

  public mutating func update(_ event: Event, area: Rect, app: AppState) -> ScreenResult {
    let last = ReadingEntry.all.count - 1
    switch event {
    case .key(let key):
      switch keymap.action(for: key) {
      case .move(let rows)?: selected = min(last, max(0, selected + rows))
      case .first?: selected = 0
      case .last?: selected = last
      case .open?: return .switchTo(entry.screen)
      case nil: return .ignored
      }
    case .mouse(let mouse) where mouse.kind == .press:
      let layout = ReadingLayout(area, context: app.renderContext)
      guard layout.table.contains(x: mouse.x, y: mouse.y), let row = layout.row(atY: mouse.y)
      else { return .ignored }
      if row == selected { return .switchTo(entry.screen) }
      selected = row
    default: return .ignored
    }
    return .handled
  }
}
