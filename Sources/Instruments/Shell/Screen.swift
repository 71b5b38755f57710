import TerminalUI

/// What a screen did with an event.
public enum ScreenResult: Equatable {
  /// The screen used the event.
  case handled
  /// The screen had no use for it.
  case ignored
  /// Open another screen (e.g. Lifecycle jumping to the Forge).
  case switchTo(ScreenID)
  /// The screen used the event and asks the runner for this work (loading a model, a timed
  /// forward pass); the results come back through `App.receive`.
  case done([Effect])
}

/// A screen of the panel: a value holding its own state, updated by events and drawn into
/// the body area between the tab bar and the hint bar. Screens are pure: no terminal, no
/// clock (time arrives as `.tick(now:)`), no files (work that needs them is returned as
/// `ScreenResult.done` effects for the runner), same state → same drawing.
///
/// Mouse hit-testing pattern: give the screen a pure `static func layout(_ area: Rect)` that
/// returns the rects of its parts; `view` draws into those rects and `update` hit-tests
/// `.mouse` coordinates against the very same rects, so the two can never disagree.
///
/// Keys: a screen declares its table once, as `keymap` for the state it is in (the rows that
/// apply now). `update` turns a key into an action only through `keymap.action(for:)` and
/// matches actions; the hint bar and the help overlay are made from the same table (`keys`).
public protocol Screen: Equatable {
  /// What the screen's keys do, as values `update` matches.
  associatedtype Action: Sendable
  /// The keys that work in this state, with their help (the shell adds its own).
  var keymap: Keymap<Action> { get }
  /// True while the screen is reading typed text: printable keys (q and ? too) then go to
  /// the screen instead of the shell. Ctrl-C still quits; Tab and F-keys still switch.
  var capturesText: Bool { get }
  /// Handles a key, a mouse event in screen coordinates, or a tick. `area` is the body
  /// rect the screen was drawn into; `app` is the whole state (read-only) for screens that
  /// show another screen's figures.
  mutating func update(_ event: Event, area: Rect, app: AppState) -> ScreenResult
  /// The keys for the hint bar and the help overlay when the screen fills `area` (a screen
  /// whose hints depend on what fits, such as a panel with more to scroll to).
  func keys(area: Rect, context: RenderContext) -> [KeyHelp]
  /// Draws the screen into `area`.
  func view(into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext)
  /// `view`, then `keys(area:context:)` for the same area: one call for a screen whose
  /// drawing and hints share work (the Forge lays its verdicts out once a frame, not twice).
  func viewAndKeys(into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext)
    -> [KeyHelp]
  /// When the screen next wants a `.tick` (monotonic seconds); nil when nothing animates,
  /// so the app blocks on input and idles at 0% CPU.
  var nextDeadline: Double? { get }
}

extension Screen {
  /// Keys for the hint bar and the help overlay, from `keymap`.
  public var keys: [KeyHelp] { keymap.help }
  public func keys(area: Rect, context: RenderContext) -> [KeyHelp] { keys }
  public func viewAndKeys(
    into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext
  ) -> [KeyHelp] {
    view(into: &canvas, area: area, app: app, context: context)
    return keys(area: area, context: context)
  }
  public var capturesText: Bool { false }
  public var nextDeadline: Double? { nil }
}
