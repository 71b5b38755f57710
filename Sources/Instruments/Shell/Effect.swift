import JourneyCore

/// Work `update` asks for instead of doing it (Bubble Tea's `Cmd`): reading files and the
/// clock. `update` stays a function of state and event; the runner performs each effect with
/// `Effect.perform(clock:)` and feeds the result back with `App.receive`.
public struct Effect: Equatable, CustomStringConvertible {
  enum Work: Equatable {
    /// Load a model of the catalog by name (reads its files).
    case loadModel(String)
    /// Light the Token Journey's `append` stage: the token joins the context and the model runs
    /// on the new context. Timed by the runner's clock, so the screen shows an honest figure.
    case forwardPass(JourneyEngine)
  }
  let work: Work

  static func loadModel(_ name: String) -> Effect { Effect(work: .loadModel(name)) }
  static func forwardPass(_ engine: JourneyEngine) -> Effect { Effect(work: .forwardPass(engine)) }

  public var description: String {
    switch work {
    case .loadModel(let name): "load model \(name)"
    case .forwardPass(let engine): "forward pass of \(engine.model.name)"
    }
  }

  /// Does the work. `clock` is monotonic seconds (the backend's `now()` in the app, a fake in
  /// tests).
  public func perform(clock: () -> Double) -> EffectResult {
    switch work {
    case .loadModel(let name):
      return EffectResult(value: .model(name: name, JourneyState.loadModel(name)))
    case .forwardPass(let engine):
      var after = engine
      let start = clock()
      after.advanceStage()
      let seconds = clock() - start
      return EffectResult(value: .forwardPass(before: engine, after: after, seconds: seconds))
    }
  }
}

/// What came of an effect, for `App.receive` (Bubble Tea's `Msg`). It goes straight back on
/// the runner's actor, so it need not be `Sendable` (a model is a class).
public struct EffectResult {
  enum Value {
    case model(name: String, Result<any LanguageModel, Refusal>)
    /// The engine the pass was asked for, the engine after it, and how long it took.
    case forwardPass(before: JourneyEngine, after: JourneyEngine, seconds: Double)
  }
  let value: Value
}
