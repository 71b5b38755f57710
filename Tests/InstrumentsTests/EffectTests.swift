import JourneyCore
import TerminalUI
import Testing

@testable import Instruments

/// `update` does no I/O and reads no clock: loading a model and the timed forward pass leave
/// it as effects, and only their results (fed back by the runner) change what is shown.
@MainActor
struct EffectTests {
  static let size = Size(width: 80, height: 24)
  static let area = ShellLayout(size: size).body
  static let app = AppState(size: size)

  @Test func buildingTheStateLoadsNothingTheRunnerAsksForTheModel() {
    let s = AppState(screen: .journey, size: Self.size)
    #expect(s.journey.engine == nil)
    #expect(App.start(s) == [.loadModel(ModelCatalog.defaultName)])
    let started = s.started()
    #expect(started.journey.engine?.model.name == ModelCatalog.defaultName)
    #expect(App.start(started).isEmpty)
  }

  @Test func aModelThatCannotLoadIsSaidInOneLine() {
    var s = JourneyState(requesting: "no-such-model")
    s.perform(s.startEffects)
    #expect(s.engine == nil)
    #expect(s.message?.isProblem == true)
    #expect(s.message?.text.contains("no-such-model") == true)
  }

  @Test func mAsksForTheNextModelAndSwitchesOnlyWhenItArrives() {
    var s = JourneyState.loaded("corpus")
    let before = s
    let result = s.update(.key(.char("m")), area: Self.area, app: Self.app)
    guard case .done(let effects) = result else {
      Issue.record("m did not ask for a model: \(result)")
      return
    }
    #expect(effects == [.loadModel("tiny-gpt")])
    #expect(s.engine == before.engine, "the model changed before the runner loaded it")
    s.perform(effects)
    #expect(s.engine?.model.name == "tiny-gpt")
  }

  @Test func aModelNobodyAskedForIsDropped() {
    var s = JourneyState.loaded("corpus")
    let before = s
    s.receive(model: "tiny-gpt", .success(try! ModelCatalog().load("seed-toy")))
    #expect(s == before)
  }

  /// The forward pass behind `append` is the runner's work: the screen asks for it, and the
  /// step time it shows is what the runner's clock measured around the model's pass.
  @Test func theStepTimeIsWhatTheRunnersClockMeasured() {
    var s = AppState(screen: .journey, size: Self.size).started()
    var effects: [Effect] = []
    _ = App.update(&s, .key(.char("n")), effects: &effects)
    var asked: [Effect] = []
    for _ in 0..<40 {
      asked = []
      _ = App.update(&s, .key(.char("n")), effects: &asked)
      if asked.first?.description.hasPrefix("forward pass") == true { break }
      // The draw (the sample stage) is the runner's work too, and reads no clock.
      App.perform(
        asked, on: &s,
        clock: {
          Issue.record("only the model's pass is timed")
          return 0
        })
    }
    #expect(effects.isEmpty)
    #expect(asked.count == 1 && asked.first?.description.hasPrefix("forward pass") == true)
    let history = s.journey.engine?.machine.history
    #expect(s.journey.stepSeconds == nil)
    var readings = [10.0, 10.25]
    App.perform(asked, on: &s, clock: { readings.removeFirst() })
    #expect(s.journey.stepSeconds == 0.25)
    #expect(s.journey.engine?.machine.history != history)
    #expect(s.journey.engine?.machine.stage == .append)
  }

  @Test func aPassForAnEngineNoLongerOnShowIsDropped() {
    var s = JourneyState.loaded("corpus")
    var driver = JourneyDriver()
    driver.next(until: .sample)
    let stale = driver.state.engine!
    let before = s
    s.receive(stale.perform(.advance, clock: { 1 }))
    #expect(s == before)
  }
}
