import JourneyCore
import TerminalUI

@testable import Instruments

/// Drives a Journey screen the way the app does: keys through `update`, time by hand.
struct JourneyDriver {
  var state: JourneyState
  var now = 100.0
  static let area = Rect(x: 0, y: 1, width: 80, height: 22)
  /// The whole-app state handed to `update` (the Journey does not read it).
  static let app = AppState(size: Size(width: 80, height: 24))

  /// A prompt the tiny GPT knows whose next word depends on more than the last one.
  static let gptPrompt = "when the robot rolls home , the"

  init(model: String = "corpus", prompt: String = "the", seed: UInt64 = 0) {
    state = JourneyState(model: model, prompt: prompt, seed: seed)
  }

  var machine: StepMachine { state.engine!.machine }

  mutating func key(_ key: Key) {
    _ = state.update(.key(key), area: Self.area, app: Self.app)
  }

  mutating func keys(_ text: String) { for c in text { key(.char(c)) } }

  mutating func click(x: Int, y: Int) {
    _ = state.update(
      .mouse(MouseEvent(.press, x: x, y: y)), area: Self.area,
      app: Self.app)
  }

  /// Sends the tick the runner would send at the deadline; false when idle.
  @discardableResult
  mutating func tick() -> Bool {
    guard let deadline = state.nextDeadline else { return false }
    now = max(now, deadline)
    _ = state.update(.tick(now: now), area: Self.area, app: Self.app)
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
    var shown = state
    // The measured step time varies from run to run: snapshots show a fixed stand-in.
    shown.stepSeconds = shown.stepSeconds.map { _ in 0.000_42 }
    app.journey = shown
    return App.view(app)
  }
}
