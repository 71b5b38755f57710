/// One stop on a token's journey through the model, in the order the stage strip shows them.
public enum Stage: Hashable, Sendable {
  case text, tokens, embed
  case attention(layer: Int)
  case mlp(layer: Int)
  case unembed, logits, sample, append

  /// The strip for a model with this many layers (a lookup table still shows one of each,
  /// so the lesson keeps its shape: the bigram's attention and MLP are trivial, not absent).
  public static func strip(layers: Int) -> [Stage] {
    let blocks = (0..<max(layers, 1)).flatMap { [Stage.attention(layer: $0), .mlp(layer: $0)] }
    return [.text, .tokens, .embed] + blocks + [.unembed, .logits, .sample, .append]
  }

  /// A short label for the strip: "attn 2", "MLP 2" (layers counted from 1).
  public var label: String {
    switch self {
    case .text: "text"
    case .tokens: "tokens"
    case .embed: "embed"
    case .attention(let layer): "attn \(layer + 1)"
    case .mlp(let layer): "MLP \(layer + 1)"
    case .unembed: "unembed"
    case .logits: "logits"
    case .sample: "sample"
    case .append: "append"
    }
  }
}

/// What the lit stage shows, for the one-line view under the strip.
public enum StageData {
  /// The context as text (the window the model reads).
  case text(String)
  /// The window's token ids.
  case tokens([Int])
  /// The current token's input embedding row.
  case embedding([Double])
  /// Attention from the current position for one layer: `[head][position]` over the window.
  case attention(layer: Int, weights: [[Double]])
  /// The residual-stream norm after one layer (nil for a model without layers).
  case mlp(layer: Int, residualNorm: Double?)
  /// The logits (unembed and logits stages show the same numbers, before and after naming).
  case logits([Double])
  /// The drawn token with its 1-based rank and probability under the current settings.
  case sample(SampledToken)
  /// The token that joined the context.
  case append(id: Int)
}

/// A drawn token and where it stood in the distribution it was drawn from.
public struct SampledToken: Hashable, Sendable {
  public let id: Int
  public let rank: Int
  public let probability: Double
}
