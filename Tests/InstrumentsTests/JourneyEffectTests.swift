import JourneyCore
import TerminalUI
import Testing

@testable import Instruments

/// A catalog model that writes down what the engine asks of it (and when the clock is read), so
/// tests can tell where a forward pass ran and what the step time brackets.
final class RecordingModel: LanguageModel {
  let inner: any LanguageModel
  /// "forward" for each pass, "contextLimit" for each time the window is worked out, "clock"
  /// for each reading of `clock`.
  var log: [String] = []
  var forwardCalls: Int { log.filter { $0 == "forward" }.count }

  init(_ name: String = "corpus") throws {
    inner = try ModelCatalog().load(name)
  }

  var name: String { inner.name }
  var summary: String { inner.summary }
  var vocabulary: Vocabulary { inner.vocabulary }
  var layerCount: Int { inner.layerCount }
  var headCount: Int { inner.headCount }
  var contextLimit: Int? {
    log.append("contextLimit")
    return inner.contextLimit
  }
  func forward(context: [Int]) -> ForwardPass {
    log.append("forward")
    return inner.forward(context: context)
  }

  /// A clock that logs its readings and moves a quarter second each time.
  func clock(from start: Double = 10) -> () -> Double {
    var now = start - 0.25
    return {
      self.log.append("clock")
      now += 0.25
      return now
    }
  }
}

/// `update` never runs the model: a reset, a new seed, a new prompt, new sampler settings and
/// the STEP animation's `sample` and `append` stages come back as effects, and the screen
/// changes only when the runner hands back what came of them.
struct JourneyEffectTests {
  /// A driver on a recording corpus model, two tokens into a run.
  static func started() throws -> (JourneyDriver, RecordingModel) {
    let model = try RecordingModel()
    var d = JourneyDriver()
    d.state = JourneyState(model: model, prompt: "the")
    for _ in 0..<2 {
      d.key(.char(" "))
      d.runUntilIdle()
    }
    #expect(d.machine.history.generatedCount == 2)
    return (d, model)
  }

  /// One engine-changing event: what it is, the job it must ask for, whether that job runs the
  /// model, and the engine the old inline code gave (what the result must equal).
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var keys: String
    var last: Key
    var runsPass: Bool
    var testDescription: String { name }
  }

  static let cases = [
    Case(name: "reset", keys: "", last: .char("r"), runsPass: true),
    Case(name: "new seed", keys: "", last: .char("S"), runsPass: true),
    Case(name: "new prompt", keys: "ethe robot", last: .enter, runsPass: true),
    Case(name: "temperature up", keys: "", last: .char("]"), runsPass: false),
    Case(name: "temperature down", keys: "", last: .left, runsPass: false),
    Case(name: "top-k", keys: "", last: .char("k"), runsPass: false),
    Case(name: "top-p", keys: "", last: .char("P"), runsPass: false),
  ]

  /// What the engine must be once the work is done (built here the way the screen used to,
  /// inline).
  static func expected(_ c: Case, from engine: JourneyEngine) -> JourneyEngine {
    var e = engine
    let m = engine.machine
    switch c.name {
    case "reset": e.reset()
    case "new seed":
      e = JourneyEngine(model: m.model, prompt: m.prompt, settings: m.settings, seed: m.seed + 1)
    case "new prompt":
      let ids = try! JourneyState.promptIDs("the robot", model: m.model).get()
      e = JourneyEngine(model: m.model, prompt: ids, settings: m.settings, seed: m.seed)
    case "temperature up": e.settings.temperature = 1.1
    case "temperature down": e.settings.temperature = 0.9
    case "top-k": e.settings.topK = 1
    case "top-p": e.settings.topP = 0.95
    default: Issue.record("no such case \(c.name)")
    }
    return e
  }

  @Test(arguments: cases)
  func theEventAsksForTheWorkAndComputesNothing(_ c: Case) throws {
    var (d, model) = try Self.started()
    d.keys(c.keys)
    let before = d.state
    let engine = try #require(before.engine)
    let calls = model.forwardCalls
    let result = d.state.update(.key(c.last), area: JourneyDriver.area, app: JourneyDriver.app)
    #expect(model.forwardCalls == calls, "update ran the model")
    #expect(d.state.engine == engine, "the engine changed before the runner did the work")
    #expect(d.state.awaiting != nil)
    guard case .done(let effects) = result, effects.count == 1,
      case .journey(let asked, _) = effects[0].work
    else {
      Issue.record("\(c.name) asked for no work: \(result)")
      return
    }
    #expect(asked == engine)
    #expect(effects[0].description.hasPrefix("forward pass") == c.runsPass)
    // What a key does while the work is out: nothing (the work replaces the engine).
    var waiting = d.state
    _ = waiting.update(.key(.char(" ")), area: JourneyDriver.area, app: JourneyDriver.app)
    #expect(waiting == d.state)

    d.settle(result)
    #expect(model.forwardCalls == calls + (c.runsPass ? 1 : 0))
    #expect(d.state.awaiting == nil)
    #expect(d.state.engine == Self.expected(c, from: engine))
  }

  /// The STEP animation's ticks ask for the draw and the pass; neither runs inside `update`.
  @Test func stepAsksForTheDrawAndThePass() throws {
    var (d, model) = try Self.started()
    d.key(.char(" "))
    var jobs: [String] = []
    while let deadline = d.state.nextDeadline {
      let before = d.state.engine
      let calls = model.forwardCalls
      d.now = max(d.now, deadline)
      let result = d.state.update(
        .tick(now: d.now), area: JourneyDriver.area, app: JourneyDriver.app)
      #expect(model.forwardCalls == calls)
      if case .done(let effects) = result {
        #expect(d.state.engine == before, "the stage was lit inside update")
        jobs += effects.map(\.description)
      }
      d.settle(result)
    }
    #expect(
      jobs == ["draw from the distribution of corpus", "forward pass of corpus"], "\(jobs)")
    #expect(d.machine.history.generatedCount == 3)
  }

  /// The step time is the model's `forward` alone: the clock's two readings bracket it and
  /// nothing else the engine asks of the model.
  @Test func theStepTimeIsTheModelsPassAlone() throws {
    var (d, model) = try Self.started()
    d.next(until: .sample)
    guard case .done(let effects) = d.state.nextStage() else {
      Issue.record("append asked for no pass")
      return
    }
    model.log = []
    for effect in effects {
      guard case .journey(let outcome) = effect.perform(clock: model.clock()).value else {
        continue
      }
      d.state.receive(outcome)
    }
    let first = try #require(model.log.firstIndex(of: "clock"))
    let last = try #require(model.log.lastIndex(of: "clock"))
    #expect(Array(model.log[first...last]) == ["clock", "forward", "clock"], "\(model.log)")
    #expect(d.state.stepSeconds == 0.25)
    #expect(d.machine.stage == .append)
  }
}

/// The runner performs the Journey's work and what came of it lands before the next frame,
/// timed by the runner's clock around the model's pass alone.
@MainActor
struct JourneyRunnerEffectTests {
  @Test func theResultsOfStepsAndOfAResetLandThroughTheRunner() throws {
    let model = try RecordingModel()
    var state = AppState(screen: .journey, size: Size(width: 80, height: 24))
    state.journey = JourneyState(model: model, prompt: "the")
    // Stages by hand, several tokens' worth, then a reset.
    let ns = Array(repeating: Event.key(.char("n")), count: 40)
    let backend = FakeBackend(
      size: Size(width: 80, height: 24), batches: [ns, [.key(.char("r"))], [.key(.char("q"))]])
    backend.onNow = {
      model.log.append("clock")
      backend.clock += 0.5
    }
    model.log = []
    let runner = AppRunner(backend: backend, state: state)
    #expect(runner.run() == .user)
    let j = runner.state.journey
    #expect(j.awaiting == nil)
    #expect(j.engine?.machine.history.generatedCount == 0)
    #expect(j.message?.text == "back to the prompt, seed 0")
    #expect(backend.frames.last?.text.contains("back to the prompt, seed 0") == true)
    // Every pass ran in the runner (one per token and one for the reset), each between two
    // readings of its clock with nothing else between them.
    let passes = model.log.indices.filter { model.log[$0] == "forward" }
    #expect(passes.count >= 3)
    for i in passes {
      #expect(model.log[i - 1] == "clock" && model.log[i + 1] == "clock", "\(model.log)")
    }
  }
}
