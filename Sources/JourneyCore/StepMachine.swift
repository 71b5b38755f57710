/// The Token Journey's engine: a context, a model, a sampler and a seeded stream, advanced one
/// stage or one whole token at a time. It holds every stage's data and no notion of time; the
/// screen (or the CLI) decides when to advance.
///
/// The pass and distribution for the context as it stands are always ready, so a screen can
/// show the next-token bars before anything is sampled and reshape them when the settings
/// change (`settings` recomputes from the same logits and never draws).
public struct StepMachine {
  public let model: any LanguageModel
  public let prompt: [Int]
  /// The seed the stream restarts from on `reset()`.
  public private(set) var seed: UInt64
  /// Temperature and filters; changing them re-derives `distribution` from the same logits.
  public var settings: SamplerSettings {
    didSet {
      distribution = pass.flatMap { Sampler.distribution(logits: $0.logits, settings: settings) }
    }
  }
  /// The numpy-identical stream the next draw comes from (save and restore it freely).
  public var random: NumpyRandom
  public private(set) var history: ContextHistory
  /// The stages in strip order for this model.
  public let stages: [Stage]
  /// Index into `stages` of the lit stage, or nil between tokens.
  public private(set) var stageIndex: Int?
  /// The forward pass over the current context (what the next token is drawn from).
  public private(set) var pass: ForwardPass?
  /// The distribution over the next token under `settings`; nil at a dead end (a token the
  /// model has never seen followed by anything).
  public private(set) var distribution: Distribution?
  /// The token drawn in the sample stage of the token in flight, until it is appended.
  public private(set) var pending: SampledToken?
  /// The most recently appended token with its rank and probability when it was drawn.
  public private(set) var lastSampled: SampledToken?
  /// Seconds the model's latest forward pass took by the clock the operation that ran it was
  /// given (`model.forward` alone: not the sampler, nor the bookkeeping around it); nil when it
  /// was given none.
  public private(set) var passSeconds: Double?

  public init(
    model: any LanguageModel, prompt: [Int], settings: SamplerSettings = SamplerSettings(),
    seed: UInt64 = 0, historyCapacity: Int = 1024, clock: (() -> Double)? = nil
  ) {
    precondition(!prompt.isEmpty, "the prompt needs at least one token")
    self.model = model
    self.prompt = prompt
    self.seed = seed
    self.settings = settings
    random = NumpyRandom(seed: seed)
    history = ContextHistory(
      prompt: prompt, capacity: max(historyCapacity, model.contextLimit ?? 1))
    stages = Stage.strip(layers: model.layerCount)
    recompute(clock: clock)
  }

  /// The lit stage, or nil between tokens.
  public var stage: Stage? { stageIndex.map { stages[$0] } }

  /// True when the model has no successor for the last token, so nothing more can be drawn.
  public var isAtDeadEnd: Bool { distribution == nil }

  /// True when the most recent token ends a sentence.
  /// For a llama2.c model: a piece ending in a period, or its end of text (EOS, or the BOS
  /// that starts the next story).
  public var endsSentence: Bool {
    guard let last = history.last else { return false }
    if let tokenizer = model.subwordTokenizer { return tokenizer.endsSentence(last) }
    return model.vocabulary.token(last) == Tokenizer.sentenceEnd
  }

  /// The tokens the model reads: the most recent `contextLimit` (or all stored) tokens.
  public var window: (tokens: ArraySlice<Int>, start: Int) { history.window(model.contextLimit) }

  /// Lights the next stage. Entering `sample` draws the token; entering `append` adds it to
  /// the context and runs the model on the new context (timed by `clock`, when given, into
  /// `passSeconds`). Returns false at a dead end.
  @discardableResult
  public mutating func advanceStage(clock: (() -> Double)? = nil) -> Bool {
    guard let distribution else { return false }
    let next = stageIndex.map { $0 + 1 } ?? 0
    stageIndex = next < stages.count ? next : 0
    switch stages[stageIndex!] {
    case .sample:
      let id = Sampler.sample(distribution, random: &random)
      pending = SampledToken(
        id: id, rank: distribution.rank(of: id) ?? 0, probability: distribution.probabilities[id])
    case .append:
      guard let drawn = pending else { return true }
      history.append(drawn.id)
      lastSampled = drawn
      pending = nil
      recompute(clock: clock)
    default: break
    }
    return true
  }

  /// Finishes the token in flight (or runs a whole new one) and returns the appended id, or
  /// nil at a dead end.
  @discardableResult
  public mutating func step() -> Int? {
    repeat {
      guard advanceStage() else { return nil }
    } while stage != .append
    return history.last
  }

  /// Steps until a token ends a sentence, `limit` tokens were added, or a dead end.
  @discardableResult
  public mutating func auto(limit: Int) -> [Int] {
    var added: [Int] = []
    while added.count < limit, let id = step() {
      added.append(id)
      if endsSentence { break }
    }
    return added
  }

  /// Back to the prompt with the stream restarted from `seed` (the model's pass over the prompt
  /// timed by `clock`, when given).
  public mutating func reset(clock: (() -> Double)? = nil) {
    random = NumpyRandom(seed: seed)
    history = ContextHistory(prompt: prompt, capacity: history.capacity)
    stageIndex = nil
    pending = nil
    lastSampled = nil
    recompute(clock: clock)
  }

  /// Restarts the stream from a new seed, keeping the context.
  public mutating func reseed(_ seed: UInt64) {
    self.seed = seed
    random = NumpyRandom(seed: seed)
  }

  /// The data the given stage shows for the token in flight (or the one just appended).
  public func data(for stage: Stage) -> StageData? {
    guard let pass else { return nil }
    let window = self.window
    switch stage {
    case .text:
      if let tokenizer = model.subwordTokenizer {
        let first = window.start == 0 ? window.tokens.dropFirst() : window.tokens[...]
        let bytes = tokenizer.text(first, after: window.start == 0 ? LlamaTokenizer.bos : 0)
        return .text(String(decoding: bytes, as: UTF8.self))
      }
      return .text(Tokenizer.text(window.tokens.map(model.vocabulary.token)))
    case .tokens: return .tokens(Array(window.tokens))
    case .embed: return .embedding(pass.embedding)
    case .attention(let layer):
      return pass.attention.indices.contains(layer)
        ? .attention(layer: layer, weights: pass.attention[layer]) : nil
    case .mlp(let layer):
      let norms = pass.residualNorms
      return .mlp(layer: layer, residualNorm: norms.indices.contains(layer) ? norms[layer] : nil)
    case .unembed, .logits: return .logits(pass.logits)
    case .sample: return (pending ?? lastSampled).map(StageData.sample)
    case .append: return lastSampled.map { .append(id: $0.id) }
    }
  }

  private mutating func recompute(clock: (() -> Double)?) {
    let context = Array(window.tokens)
    let start = clock?()
    let next = model.forward(context: context)
    passSeconds = start.flatMap { start in clock.map { $0() - start } }
    pass = next
    distribution = Sampler.distribution(logits: next.logits, settings: settings)
  }
}
