import JourneyCore

/// Work `update` asks for instead of doing it (Bubble Tea's `Cmd`): reading files and the
/// clock, and computing that costs more than a frame may (the model's forward pass). `update`
/// stays a function of state and event; the runner performs each effect with
/// `Effect.perform(clock:)` and feeds the result back with `App.receive`.
public struct Effect: Equatable, CustomStringConvertible {
  enum Work: Equatable {
    /// Load a model of the catalog by name (reads its files).
    case loadModel(String)
    /// Work on the Token Journey's engine: a forward pass (the `append` stage, reset, a new
    /// seed or prompt) or the sampler over the whole vocabulary (`sample`, new settings). The
    /// model's pass is timed by the runner's clock, so the screen shows an honest figure.
    case journey(JourneyEngine, JourneyJob)
  }
  let work: Work

  static func loadModel(_ name: String) -> Effect { Effect(work: .loadModel(name)) }
  static func journey(_ engine: JourneyEngine, _ job: JourneyJob) -> Effect {
    Effect(work: .journey(engine, job))
  }

  /// Work that may keep the screen still long enough to notice (reading a model's files, a
  /// pass over the whole prompt): the runner draws the state that asked for it first, so the
  /// screen says what it is waiting for. A step's single pass and the sampler are not.
  var takesAWhile: Bool {
    switch work {
    case .loadModel: return true
    case .journey(_, let job):
      switch job {
      case .reset, .restart: return true
      case .advance, .settings: return false
      }
    }
  }

  public var description: String {
    switch work {
    case .loadModel(let name): return "load model \(name)"
    case .journey(let engine, let job):
      let name = engine.model.name
      switch job {
      case .advance:
        return engine.nextStage == .append
          ? "forward pass of \(name)" : "draw from the distribution of \(name)"
      case .reset: return "forward pass of \(name) over the prompt (reset)"
      case .restart(_, let seed): return "forward pass of \(name) over the prompt (seed \(seed))"
      case .settings: return "distribution of \(name) under new settings"
      }
    }
  }

  /// Does the work. `clock` is monotonic seconds (the backend's `now()` in the app, a fake in
  /// tests).
  public func perform(clock: () -> Double) -> EffectResult {
    switch work {
    case .loadModel(let name):
      return EffectResult(value: .model(name: name, JourneyState.loadModel(name)))
    case .journey(let engine, let job):
      return EffectResult(value: .journey(engine.perform(job, clock: clock)))
    }
  }
}

/// What came of an effect, for `App.receive` (Bubble Tea's `Msg`). It goes straight back on
/// the runner's actor, so it need not be `Sendable` (a model is a class).
public struct EffectResult {
  enum Value {
    case model(name: String, Result<any LanguageModel, Refusal>)
    /// The Journey's engine after the work, with how long the model's pass took.
    case journey(JourneyOutcome)
  }
  let value: Value
}
