import JourneyCore

/// The Token Journey's engine as a screen-state value: a `StepMachine` over a timed model.
///
/// The machine holds its model, a class, so it is neither `Equatable` nor `Sendable` by
/// itself. Two engines are equal when they run the same model instance (identity) and every
/// value the machine carries is equal; the pass and distribution are derived from those.
///
/// `@unchecked Sendable` because `Screen` requires `Sendable`: the model is only ever called
/// from the app's update loop on the main actor, and the one mutable thing inside a model
/// (the tiny GPT's key/value cache) checks that the context it cached still matches before
/// reusing it, so sharing one instance between copies of the state gives the same results.
struct JourneyEngine: Equatable, @unchecked Sendable {
  private(set) var machine: StepMachine
  private let timed: TimedModel

  /// How many tokens the context keeps (older ones scroll out of memory, not just view).
  static let historyCapacity = 512

  init(model: any LanguageModel, prompt: [Int], settings: SamplerSettings, seed: UInt64) {
    timed = TimedModel(model)
    machine = StepMachine(
      model: timed, prompt: prompt, settings: settings, seed: seed,
      historyCapacity: Self.historyCapacity)
  }

  /// The model under the timer (for its name, vocabulary and shape).
  var model: any LanguageModel { timed.inner }

  /// Seconds the most recent forward pass took (the one behind the bars on show).
  var forwardSeconds: Double? { timed.lastSeconds }

  /// The same model, prompt and settings on a new seed, from the prompt again.
  func restarted(prompt: [Int]? = nil, seed: UInt64? = nil) -> JourneyEngine {
    JourneyEngine(
      model: timed.inner, prompt: prompt ?? machine.prompt, settings: machine.settings,
      seed: seed ?? machine.seed)
  }

  var settings: SamplerSettings {
    get { machine.settings }
    set { machine.settings = newValue }
  }

  @discardableResult
  mutating func advanceStage() -> Bool { machine.advanceStage() }

  mutating func reset() { machine.reset() }

  static func == (a: JourneyEngine, b: JourneyEngine) -> Bool {
    a.timed === b.timed && a.machine.prompt == b.machine.prompt
      && a.machine.seed == b.machine.seed && a.machine.settings == b.machine.settings
      && a.machine.random == b.machine.random && a.machine.history == b.machine.history
      && a.machine.stageIndex == b.machine.stageIndex && a.machine.pending == b.machine.pending
      && a.machine.lastSampled == b.machine.lastSampled
  }
}
