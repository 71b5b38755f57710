import JourneyCore
import TerminalUI

/// The guided tour (`fullstack tour`, or `T` in the panel): the seed's narrative in a dozen or
/// so steps. Each step sets the instruments itself, through the screens' own state and
/// actions, and shows a two-line caption computed from what is then on screen. Right or Space
/// goes on, Left goes back, Esc leaves with everything as the tour left it.
///
/// Every step sets what it shows from scratch (the preset, the trace, the Journey's model and
/// stage); going to a step applies the steps before it too, so Left gives back exactly what
/// Right gave.
public struct TourState: Equatable {
  /// The step on show, an index into `TourScript.steps`.
  public internal(set) var index: Int
  /// The Token Journey on the seed's toy model at its prompt, once the model has loaded (the
  /// tour asks for it when it starts); the Journey steps start from a copy of it.
  var toy: JourneyState?

  public init(index: Int = 0) {
    self.index = min(max(0, index), TourScript.steps.count - 1)
  }

  /// What the tour needs loaded: the seed's toy model, until it has arrived.
  var startEffects: [Effect] { toy == nil ? [.loadModel(TourScript.model)] : [] }

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
  /// Opens the tour on its first step (or on `step`), applying the steps up to it. Returns
  /// the work the tour needs done (loading the Journey's toy model, read once).
  @discardableResult
  public static func start(_ app: inout AppState, at step: Int = 0) -> [Effect] {
    app.showHelp = false
    var tour = TourState(index: 0)
    tour.toy = app.tour?.toy
    app.tour = tour
    go(&app, to: step, force: true)
    return tour.startEffects
  }

  /// The toy model the tour asked for has loaded: the Journey steps can show it (the step on
  /// show is applied again if it is one of them).
  static func receive(
    _ app: inout AppState, model name: String, _ result: Result<any LanguageModel, Refusal>
  ) {
    guard var tour = app.tour, tour.toy == nil, name == TourScript.model else { return }
    switch result {
    case .success(let model): tour.toy = JourneyState(model: model)
    case .failure(let why):
      var failed = JourneyState(requesting: name)
      failed.request = nil
      failed.message = .problem(why.text)
      tour.toy = failed
    }
    app.tour = tour
    go(&app, to: tour.index, force: true)
  }

  /// A key while the tour runs; false when the tour has no use for it.
  static func handle(_ app: inout AppState, key: Key, effects: inout [Effect]) -> Bool {
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
  private static func go(_ app: inout AppState, to index: Int, force: Bool = false) {
    guard var next = app.tour else { return }
    next.index = min(max(0, index), TourScript.steps.count - 1)
    guard force || next != app.tour else { return }
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
