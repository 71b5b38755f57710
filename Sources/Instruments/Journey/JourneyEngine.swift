import JourneyCore

/// The Token Journey's engine as a screen-state value: a `StepMachine` over a model.
///
/// The machine holds its model, a class, so it is neither `Equatable` nor `Sendable` by
/// itself. Two engines are equal when they run the same model instance (identity) and every
/// value the machine carries is equal; the pass and distribution are derived from those.
///
/// Not `Sendable`, and so neither is the app's state: the model's key/value cache (tiny GPT,
/// Llama) is shared by every copy of the state, which is sound only while every copy stays on
/// one actor (the runner's). The compiler now holds the state to that instead of an
/// `@unchecked` promise. Copies may share the cache because it checks that the context it
/// holds still matches before reusing it.
struct JourneyEngine: Equatable {
  private(set) var machine: StepMachine

  /// How many tokens the context keeps (older ones scroll out of memory, not just view).
  static let historyCapacity = 512

  /// Runs the model over the prompt (timed by `clock`, when given: `machine.passSeconds`).
  init(
    model: any LanguageModel, prompt: [Int], settings: SamplerSettings, seed: UInt64,
    clock: (() -> Double)? = nil
  ) {
    machine = StepMachine(
      model: model, prompt: prompt, settings: settings, seed: seed,
      historyCapacity: Self.historyCapacity, clock: clock)
  }

  /// The model (for its name, vocabulary and shape).
  var model: any LanguageModel { machine.model }

  var settings: SamplerSettings {
    get { machine.settings }
    set { machine.settings = newValue }
  }

  /// The stage the next `advanceStage()` lights, or nil at a dead end.
  var nextStage: Stage? {
    guard !machine.isAtDeadEnd else { return nil }
    let next = machine.stageIndex.map { $0 + 1 } ?? 0
    return machine.stages[next < machine.stages.count ? next : 0]
  }

  @discardableResult
  mutating func advanceStage() -> Bool { machine.advanceStage() }

  mutating func reset() { machine.reset() }

  /// Does work `update` asked of the runner (see `JourneyJob`). `clock` times the model's
  /// forward pass alone, when the job runs one.
  func perform(_ job: JourneyJob, clock: () -> Double) -> JourneyOutcome {
    withoutActuallyEscaping(clock) { clock in
      var after = self
      var ranPass = true
      switch job {
      case .advance:
        ranPass = nextStage == .append
        after.machine.advanceStage(clock: clock)
      case .reset:
        after.machine.reset(clock: clock)
      case .restart(let prompt, let seed):
        after = JourneyEngine(
          model: model, prompt: prompt, settings: settings, seed: seed, clock: clock)
      case .settings(let settings):
        ranPass = false
        after.settings = settings
      }
      let draw =
        job == .advance && after.machine.stage == .sample
        ? Draw(machine: after.machine, count: JourneyState.maxBars) : nil
      return JourneyOutcome(
        before: self, job: job, after: after,
        passSeconds: ranPass ? after.machine.passSeconds : nil, draw: draw)
    }
  }

  static func == (a: JourneyEngine, b: JourneyEngine) -> Bool {
    a.machine.model === b.machine.model && a.machine.prompt == b.machine.prompt
      && a.machine.seed == b.machine.seed && a.machine.settings == b.machine.settings
      && a.machine.random == b.machine.random && a.machine.history == b.machine.history
      && a.machine.stageIndex == b.machine.stageIndex && a.machine.pending == b.machine.pending
      && a.machine.lastSampled == b.machine.lastSampled
  }
}

/// Work on the Token Journey's engine that costs more than `update` may spend: the model's
/// forward pass, or the sampler over the whole vocabulary. `update` asks for it as an effect
/// (`Effect.journey`); the runner performs it and hands the `JourneyOutcome` back.
enum JourneyJob: Equatable, Sendable {
  /// Light the next stage: `sample` draws the token and ranks the bars over the whole
  /// vocabulary; `append` adds it to the context and runs the model on the new context.
  case advance
  /// Back to the prompt, the stream restarted from the seed (a pass over the prompt).
  case reset
  /// The same model and settings on this prompt and seed, from the prompt (a pass over it).
  case restart(prompt: [Int], seed: UInt64)
  /// New sampler settings: the distribution re-derived from the same logits (no pass).
  case settings(SamplerSettings)
}

/// What came of a `JourneyJob`: the engine it was asked for and the engine after it, the
/// seconds the model's forward pass took by the runner's clock (nil when the job ran none),
/// and, when it lit `sample`, the draw with its bars.
struct JourneyOutcome: Equatable {
  var before: JourneyEngine
  var job: JourneyJob
  var after: JourneyEngine
  var passSeconds: Double?
  var draw: Draw?
}
