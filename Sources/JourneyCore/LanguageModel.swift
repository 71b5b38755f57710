/// The words (and punctuation) a model knows, in id order.
public struct Vocabulary: Hashable, Sendable {
  public let tokens: [String]
  private let ids: [String: Int]

  public init(_ tokens: [String]) {
    self.tokens = tokens
    var ids: [String: Int] = [:]
    for (i, t) in tokens.enumerated() where ids[t] == nil { ids[t] = i }
    self.ids = ids
  }

  public var count: Int { tokens.count }
  public func id(of token: String) -> Int? { ids[token] }
  public func token(_ id: Int) -> String { tokens.indices.contains(id) ? tokens[id] : "<\(id)>" }
}

/// Everything one forward pass produced for the last position of the context: what each
/// stage of the Token Journey shows.
public struct ForwardPass: Sendable {
  /// One logit per vocabulary entry; `-infinity` where the model rules a token out.
  public var logits: [Double]
  /// Attention from the current (last) position: `[layer][head][position]`, each row
  /// summing to 1 over positions 0...current. A bigram has one layer, one head, and all
  /// its weight on the previous token.
  public var attention: [[[Double]]]
  /// The input embedding row of the current token (what the embed stage shows).
  public var embedding: [Double]
  /// Norm of the residual stream after each layer (empty when the model has no layers).
  public var residualNorms: [Double]
  /// The top token id when the residual stream after each layer is unembedded (logit lens).
  public var logitLens: [Int]

  public init(
    logits: [Double], attention: [[[Double]]], embedding: [Double],
    residualNorms: [Double] = [], logitLens: [Int] = []
  ) {
    self.logits = logits
    self.attention = attention
    self.embedding = embedding
    self.residualNorms = residualNorms
    self.logitLens = logitLens
  }
}

/// A next-token predictor: the bigram tables, the tiny transformer and llama2.c checkpoints
/// all play this role.
public protocol LanguageModel: AnyObject {
  /// A short identifier: "seed-toy", "corpus", "tiny-gpt", or a file name.
  var name: String { get }
  /// One line for screens and help: what this model is.
  var summary: String { get }
  var vocabulary: Vocabulary { get }
  /// Transformer layers (0 for a lookup table).
  var layerCount: Int { get }
  /// Attention heads per layer (1 for a bigram's trivial attention).
  var headCount: Int { get }
  /// The longest context the model can read, or nil when it only ever reads one token.
  var contextLimit: Int? { get }
  /// Runs the model on the context (token ids, at least one) and reports the pass for the
  /// last position. A model may cache work between calls whose contexts share a prefix.
  func forward(context: [Int]) -> ForwardPass
  /// The subword tokenizer of a llama2.c model (prompts are encoded, text decoded, with it),
  /// or nil for a word-level model.
  var subwordTokenizer: LlamaTokenizer? { get }
  /// Key/value heads per layer; fewer than `headCount` when query heads share them (GQA).
  var kvHeadCount: Int { get }
  /// Positions one attention reads when it is a sliding window (itself and the previous
  /// `attentionWindow − 1`), or nil when it reads the whole context.
  var attentionWindow: Int? { get }
}

extension LanguageModel {
  public var subwordTokenizer: LlamaTokenizer? { nil }
  public var kvHeadCount: Int { headCount }
  public var attentionWindow: Int? { nil }
}
