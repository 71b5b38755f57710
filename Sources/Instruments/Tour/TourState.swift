import TerminalUI

/// The guided tour (`fullstack tour`, or `T` in the panel): the seed's narrative in a dozen or
/// so steps. Each step sets the instruments itself, through the screens' own state and
/// actions, and shows a two-line caption computed from what is then on screen. Right or Space
/// goes on, Left goes back, Esc leaves with everything as the tour left it.
///
/// Every step sets what it shows from scratch (the preset, the trace, the Journey's model and
/// stage); going to a step applies the steps before it too, so Left gives back exactly what
/// Right gave.
public struct TourState: Equatable, Sendable {
  /// The step on show, an index into `TourScript.steps`.
  public private(set) var index: Int

  public init(index: Int = 0) {
    self.index = min(max(0, index), TourScript.steps.count - 1)
  }

  /// The step on show.
  var step: TourStep { TourScript.steps[index] }

  /// `3/14`.
  var counter: String { "\(index + 1)/\(TourScript.steps.count)" }

  var isLast: Bool { index == TourScript.steps.count - 1 }

  /// The keys of the tour, for the title bar and the help overlay.
  static let keys: [KeyHelp] = [
    KeyHelp("→/Space", "next", priority: 3), KeyHelp("←", "back", priority: 2),
    KeyHelp("Esc", "leave", priority: 3),
  ]
}

/// Starting, moving through and leaving the tour.
public enum Tour {
  /// Opens the tour on its first step (or on `step`), applying it.
  public static func start(_ app: inout AppState, at step: Int = 0) {
    app.showHelp = false
    let tour = TourState(index: step)
    app.tour = tour
    tour.step.apply(&app)
  }

  /// A key while the tour runs; false when the tour has no use for it.
  static func handle(_ app: inout AppState, key: Key) -> Bool {
    guard let tour = app.tour else { return false }
    switch key {
    case .right, .char(" "), .enter:
      if tour.isLast {
        app.tour = nil
      } else {
        go(&app, to: tour.index + 1)
      }
    case .left, .backspace:
      go(&app, to: tour.index - 1)
    case .escape:
      app.tour = nil
    default:
      return false
    }
    return true
  }

  /// Step `index`, reached as Right presses reach it: every step from the first up to it is
  /// applied in order, so going back gives exactly the instruments going forward gave.
  private static func go(_ app: inout AppState, to index: Int) {
    let next = TourState(index: index)
    guard next != app.tour else { return }
    app.tour = next
    for step in TourScript.steps.prefix(next.index + 1) { step.apply(&app) }
  }
}

/// One step of the tour: a title for the top line, what it does to the instruments, and a
/// caption read from the state it leaves.
struct TourStep: Sendable {
  var title: String
  var apply: @Sendable (inout AppState) -> Void
  var caption: @Sendable (AppState) -> String
}
