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

  init(model: any LanguageModel, prompt: [Int], settings: SamplerSettings, seed: UInt64) {
    machine = StepMachine(
      model: model, prompt: prompt, settings: settings, seed: seed,
      historyCapacity: Self.historyCapacity)
  }

  /// The model (for its name, vocabulary and shape).
  var model: any LanguageModel { machine.model }

  /// The same model, prompt and settings on a new seed, from the prompt again.
  func restarted(prompt: [Int]? = nil, seed: UInt64? = nil) -> JourneyEngine {
    JourneyEngine(
      model: machine.model, prompt: prompt ?? machine.prompt, settings: machine.settings,
      seed: seed ?? machine.seed)
  }

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

  static func == (a: JourneyEngine, b: JourneyEngine) -> Bool {
    a.machine.model === b.machine.model && a.machine.prompt == b.machine.prompt
      && a.machine.seed == b.machine.seed && a.machine.settings == b.machine.settings
      && a.machine.random == b.machine.random && a.machine.history == b.machine.history
      && a.machine.stageIndex == b.machine.stageIndex && a.machine.pending == b.machine.pending
      && a.machine.lastSampled == b.machine.lastSampled
  }
}
