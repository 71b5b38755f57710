import JourneyCore
import TerminalUI

@testable import Instruments

/// Drives a Journey screen the way the app does: keys through `update`, time by hand.
struct JourneyDriver {
  var state: JourneyState
  var now = 100.0
  static let area = Rect(x: 0, y: 1, width: 80, height: 22)
  /// The whole-app state handed to `update` (the Journey does not read it).
  static var app: AppState { AppState(size: Size(width: 80, height: 24)) }

  /// A prompt the tiny GPT knows whose next word depends on more than the last one.
  static let gptPrompt = "when the robot rolls home , the"

  init(model: String = "corpus", prompt: String = "the", seed: UInt64 = 0) {
    state = JourneyState.loaded(model, prompt: prompt, seed: seed)
  }

  var machine: StepMachine { state.engine!.machine }

  /// Each effect's step takes this long on the driver's clock.
  static let passSeconds = 0.000_42

  /// Performs the effects a result asks for, the way the runner does, on a fake clock.
  mutating func settle(_ result: ScreenResult) {
    if case .done(let effects) = result { state.perform(effects) }
  }

  mutating func key(_ key: Key) {
    settle(state.update(.key(key), area: Self.area, app: Self.app))
  }

  mutating func keys(_ text: String) { for c in text { key(.char(c)) } }

  mutating func click(x: Int, y: Int) {
    settle(state.update(.mouse(MouseEvent(.press, x: x, y: y)), area: Self.area, app: Self.app))
  }

  /// Sends the tick the runner would send at the deadline; false when idle.
  @discardableResult
  mutating func tick() -> Bool {
    guard let deadline = state.nextDeadline else { return false }
    now = max(now, deadline)
    settle(state.update(.tick(now: now), area: Self.area, app: Self.app))
    return true
  }

  /// Ticks until nothing animates (at most `limit` ticks); returns how many it took.
  @discardableResult
  mutating func runUntilIdle(limit: Int = 2000) -> Int {
    var n = 0
    while n < limit, tick() { n += 1 }
    return n
  }

  /// Lights stages with `n` until the given one is lit.
  mutating func next(until stage: JourneyCore.Stage) {
    repeat { key(.char("n")) } while machine.stage != stage
  }

  /// The whole app drawn with this screen on show.
  func render(
    _ size: Size = Size(width: 80, height: 24), theme: Theme = .dark,
    capabilities: Capabilities = .full
  ) -> Canvas {
    var app = AppState(screen: .journey, size: size, theme: theme, capabilities: capabilities)
    // The step time is the driver's fake clock (`passSeconds`), the same on every run.
    app.journey = state
    return App.view(app)
  }
}

extension JourneyState {
  /// A screen on a model of the catalog, loaded the way the runner loads it.
  static func loaded(
    _ model: String, prompt: String = JourneyState.defaultPrompt,
    settings: SamplerSettings = SamplerSettings(), seed: UInt64 = 0
  ) -> JourneyState {
    var state = JourneyState(requesting: model, prompt: prompt, settings: settings, seed: seed)
    state.perform(state.startEffects)
    return state
  }

  /// Performs effects and takes their results, as the runner does (each step takes
  /// `JourneyDriver.passSeconds` on a fake clock).
  mutating func perform(_ effects: [Effect]) {
    for effect in effects {
      var ticks = 0.0
      let result = effect.perform(clock: {
        defer { ticks += JourneyDriver.passSeconds }
        return ticks
      })
      switch result.value {
      case .model(let name, let model): receive(model: name, model)
      case .journey(let outcome): receive(outcome)
      }
    }
  }
}

extension App {
  /// One event as the runner applies it: `update`, then the effects it asked for, performed
  /// on a fake clock.
  static func update(_ state: inout AppState, _ event: Event) -> Outcome {
    var effects: [Effect] = []
    let outcome = update(&state, event, effects: &effects)
    var ticks = 0.0
    perform(
      effects, on: &state,
      clock: {
        defer { ticks += JourneyDriver.passSeconds }
        return ticks
      })
    return outcome
  }
}

extension AppState {
  /// The state after the runner performed the start effects (the Journey's model loaded).
  func started() -> AppState {
    var state = self
    var ticks = 0.0
    App.perform(
      App.start(state), on: &state,
      clock: {
        defer { ticks += 1e-4 }
        return ticks
      })
    return state
  }
}
