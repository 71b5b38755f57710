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

  /// The last row of an explanation with more than its panel holds: Enter shows all of it.
  static let moreMark = "more: Enter shows it all"

  /// What the Lifecycle's keys do.
  public enum Action: Equatable, Sendable {
    /// Along the pipeline by boxes (negative: back), or by rows of boxes.
    case move(Int)
    case moveRows(Int)
    case first, last
    case toggleExplain, closeExplain
    /// Open the instrument that owns the box, or the Token Journey from the loop's boxes.
    case openInstrument, openJourney
  }

  public var keymap: Keymap<Action> {
    var rows: [KeyBinding<Action>] = [
      KeyBinding(
        "arrows", "move", label: .short("move"),
        [(.left, .move(-1)), (.right, .move(1)), (.up, .moveRows(-1)), (.down, .moveRows(1))]),
      KeyBinding("Enter", "explain", priority: 6, keys: [.enter], .toggleExplain),
      KeyBinding("g", "open instrument", priority: 5, keys: [.char("g")], .openInstrument),
      KeyBinding("j", "Token Journey (serve)", label: .helpOnly, keys: [.char("j")], .openJourney),
      KeyBinding("Home/End", "first/last box", label: .helpOnly, [(.home, .first), (.end, .last)]),
      KeyBinding(
        "h l", "move left / right (as arrows)", label: .helpOnly,
        [(.char("h"), .move(-1)), (.char("l"), .move(1))]),
    ]
    if explaining {
      rows.append(
        KeyBinding("Esc", "close explanation", label: .helpOnly, keys: [.escape], .closeExplain))
    }
    return Keymap(rows)
  }

  public mutating func update(_ event: Event, area: Rect, app: AppState) -> ScreenResult {
    switch event {
    case .key(let key):
      guard let action = keymap.action(for: key) else { return .ignored }
      return perform(action, layout: layout(area, app: app))
    case .mouse(let mouse): return handle(mouse, layout: layout(area, app: app))
    default: return .ignored
    }
  }

  /// The layout the view draws for the app's design (clicks hit the same boxes).
  private func layout(_ area: Rect, app: AppState) -> LifecycleLayout {
    LifecycleLayout(area, dossier: app.forge.dossier, context: app.renderContext)
  }

  private mutating func perform(_ action: Action, layout: LifecycleLayout) -> ScreenResult {
    note = nil
    let index = selected.rawValue
    switch action {
    case .move(let boxes): move(to: index + boxes)
    case .moveRows(let rows): move(to: index + rows * layout.perRow)
    case .first: move(to: 0)
    case .last: move(to: LifecycleStage.allCases.count - 1)
    case .toggleExplain: explaining.toggle()
    case .closeExplain: explaining = false
    case .openInstrument: return jump(to: selected.instrument)
    case .openJourney: return jump(to: selected.loopInstrument)
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

  private mutating func handle(_ mouse: MouseEvent, layout: LifecycleLayout) -> ScreenResult {
    guard mouse.kind == .press else { return .ignored }
    if explaining {
      explaining = false
      return .handled
    }
    guard let hit = layout.stage(atX: mouse.x, y: mouse.y) else { return .ignored }
    note = nil
    if hit == selected { explaining = true } else { selected = hit }
    return .handled
  }
}
