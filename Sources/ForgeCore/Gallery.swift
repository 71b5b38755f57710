import Foundation

/// How a model caches attention keys and values.
public enum Attention: Codable, Sendable, Equatable {
  /// Full multi-head attention: every query head has its own K and V.
  case mha
  /// Grouped-query attention with fewer KV heads than query heads.
  case gqa
  /// Multi-head latent attention: one compressed latent plus RoPE dims per layer.
  case mla(kvLoraRank: Int, ropeDim: Int)

  public var label: String {
    switch self {
    case .mha: "MHA"
    case .gqa: "GQA"
    case .mla: "MLA"
    }
  }
}

/// A published model with cited figures.
public struct GalleryModel: Codable, Sendable, Equatable, Identifiable {
  public let id: String
  public let name: String
  public let totalParams: Double
  public let activeParams: Double
  /// Training tokens, nil where undisclosed.
  public let tokens: Double?
  /// Published training compute where it differs from 6ND.
  public let publishedCompute: Double?
  public let layers: Int
  public let kvHeads: Int
  public let headDim: Int
  public let context: Int
  public let attention: Attention
  public let source: String

  /// Training compute by C = 6·N_active·D, nil where tokens are undisclosed.
  public var compute: Double? {
    tokens.map { ScalingLaw.trainingCompute(params: activeParams, tokens: $0) }
  }

  /// KV bytes per token at 16 bits: 2·L·H_kv·d_head·2 for MHA/GQA; L·(latent + rope)·2 for
  /// MLA.
  /// MLA goes through the same `Shape` sum as the Forge's own MLA choice.
  public var kvBytesPerToken: Double { shape.kvBytesPerToken }

  /// The model's attention as a `Shape` (d_model is not needed for the cache).
  public var shape: Shape {
    switch attention {
    case .mha, .gqa: Shape(layers: layers, dModel: 0, kvHeads: kvHeads, headDim: headDim)
    case .mla(let rank, let rope):
      Shape(layers: layers, dModel: 0, kvHeads: kvHeads, headDim: headDim, latent: rank + rope)
    }
  }

  /// Total:active parameter ratio (1 for dense).
  public var moeRatio: Double { totalParams / activeParams }

  /// The KV-per-token sum written out.
  public var kvTrace: Trace {
    let b = Format.number(Shape.kvBytes)
    switch attention {
    case .mha, .gqa:
      return Trace(
        formula: "KV/token = 2·L·H_kv·d_head·bytes",
        substituted: "2·\(layers)·\(kvHeads)·\(headDim)·\(b)",
        result: Format.kibibytes(kvBytesPerToken), eq: "EQ 3.5",
        notes: ["16-bit KV, every layer full attention"])
    case .mla(let rank, let rope):
      return Trace(
        formula: "KV/token = L·(kv_lora_rank + rope)·bytes",
        substituted: "\(layers)·(\(rank) + \(rope))·\(b)",
        result: Format.kibibytes(kvBytesPerToken),
        notes: ["MLA caches one compressed latent per layer, not per-head K and V"])
    }
  }
}

/// A gallery model set beside a design: served on the design's GPU and precision at its context.
public struct Comparison: Codable, Sendable, Equatable {
  public let model: GalleryModel
  public let serving: Serving
  /// Tokens per active param relative to the compute-optimal ratio at the model's own budget
  /// and sparsity (its own MoE optimum N* for an MoE; nil where tokens are undisclosed).
  public let overtraining: Double?
  /// Predicted loss from the same law (N_eff = N·ratio^k for MoE); nil without tokens.
  public let loss: Double?
  /// The compute-optimal active size at the model's own budget and sparsity (nil without
  /// tokens).
  public let optimalActive: Double?
  /// The context it is served at, when that is past the model's own maximum.
  public let pastMaxContext: Int?

  /// `Chinchilla 70B is served at 1M, past its 2K maximum context`, or nil.
  public var contextWarning: String? {
    pastMaxContext.map {
      "\(model.name) is served at \(Format.context($0)), past its \(Format.context(model.context))"
        + " maximum context"
    }
  }
}

public enum Gallery {
  /// Real published models; each entry cites the paper or config its figures come from.
  public static let models: [GalleryModel] = [
    GalleryModel(
      id: "chinchilla", name: "Chinchilla 70B", totalParams: 70e9, activeParams: 70e9,
      tokens: 1.4e12, publishedCompute: 5.76e23, layers: 80, kvHeads: 64, headDim: 128,
      context: 2048, attention: .mha, source: "Hoffmann et al. 2022, Table 4"),
    GalleryModel(
      id: "gpt3", name: "GPT-3 175B", totalParams: 175e9, activeParams: 175e9, tokens: 300e9,
      publishedCompute: 3.14e23, layers: 96, kvHeads: 96, headDim: 128, context: 2048,
      attention: .mha, source: "Brown et al. 2020, Tables 2.1 and D.1"),
    GalleryModel(
      id: "llama2-70b", name: "Llama-2-70B", totalParams: 70e9, activeParams: 70e9,
      tokens: 2e12, publishedCompute: nil, layers: 80, kvHeads: 8, headDim: 128, context: 4096,
      attention: .gqa, source: "Touvron et al. 2023; Hugging Face config"),
    GalleryModel(
      id: "llama3-8b", name: "Llama-3-8B", totalParams: 8.0e9, activeParams: 8.0e9,
      tokens: 15e12, publishedCompute: nil, layers: 32, kvHeads: 8, headDim: 128, context: 8192,
      attention: .gqa, source: "Meta Llama 3 model card; Hugging Face config"),
    GalleryModel(
      id: "llama3-70b", name: "Llama-3-70B", totalParams: 70.6e9, activeParams: 70.6e9,
      tokens: 15e12, publishedCompute: nil, layers: 80, kvHeads: 8, headDim: 128, context: 8192,
      attention: .gqa, source: "Meta Llama 3 model card; Hugging Face config"),
    GalleryModel(
      id: "llama3.1-405b", name: "Llama-3.1-405B", totalParams: 405e9, activeParams: 405e9,
      tokens: 15.6e12, publishedCompute: 3.8e25, layers: 126, kvHeads: 8, headDim: 128,
      context: 131_072, attention: .gqa, source: "Llama Team 2024, The Llama 3 Herd of Models"),
    GalleryModel(
      id: "mixtral-8x7b", name: "Mixtral 8x7B", totalParams: 46.7e9, activeParams: 12.9e9,
      tokens: nil, publishedCompute: nil, layers: 32, kvHeads: 8, headDim: 128, context: 32768,
      attention: .gqa, source: "Jiang et al. 2024; Hugging Face config (tokens undisclosed)"),
    GalleryModel(
      id: "deepseek-v3", name: "DeepSeek-V3", totalParams: 671e9, activeParams: 37e9,
      tokens: 14.8e12, publishedCompute: nil, layers: 61, kvHeads: 128, headDim: 128,
      context: 131_072, attention: .mla(kvLoraRank: 512, ropeDim: 64),
      source: "DeepSeek-AI 2024, DeepSeek-V3 Technical Report; config (2.788 M H800-hours)"),
    GalleryModel(
      id: "kimi-k2", name: "Kimi-K2", totalParams: 1.04e12, activeParams: 32e9,
      tokens: 15.5e12, publishedCompute: nil, layers: 61, kvHeads: 64, headDim: 128,
      context: 131_072, attention: .mla(kvLoraRank: 512, ropeDim: 64),
      source: "Kimi Team 2025, Kimi K2 technical report; Hugging Face config (DeepSeek-V3 MLA)"),
    GalleryModel(
      id: "qwen2.5-72b", name: "Qwen2.5-72B", totalParams: 72.7e9, activeParams: 72.7e9,
      tokens: 18e12, publishedCompute: nil, layers: 80, kvHeads: 8, headDim: 128, context: 32768,
      attention: .gqa, source: "Qwen Team 2024, Qwen2.5 Technical Report"),
  ]

  /// `model` served on `design`'s GPU and precision at `design`'s context.
  public static func compare(
    _ model: GalleryModel, on design: ForgeDesign, law: ScalingLaw = .chinchillaRefit
  ) -> Comparison {
    let serving = Serving(
      totalParams: model.totalParams, activeParams: model.activeParams,
      kvBytesPerToken: model.kvBytesPerToken, context: design.context,
      precision: design.precision, gpu: design.gpu)
    let ratio = model.moeRatio
    let optimum = model.compute.map {
      law.optimalParams(compute: $0, moeRatio: ratio, moeK: design.moeK)
    }
    return Comparison(
      model: model, serving: serving,
      // At a fixed budget D/N over D*/N* is (N*/N)²: the f the model would have on the Forge.
      overtraining: optimum.map { pow($0 / model.activeParams, 2) },
      loss: model.tokens.map {
        law.loss(activeParams: model.activeParams, tokens: $0, moeRatio: ratio, moeK: design.moeK)
      },
      optimalActive: optimum,
      pastMaxContext: design.context > model.context ? design.context : nil)
  }
}
