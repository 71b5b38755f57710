import Foundation

/// How the design's attention caches keys and values.
public enum KVAttention: String, Codable, Sendable, CaseIterable {
  /// Grouped-query attention: 8 KV heads of width 128 (fewer when the model has fewer query
  /// heads).
  case gqa
  /// Multi-head latent attention (DeepSeek-V2/V3): one compressed latent of 512 plus 64 RoPE
  /// dims per layer, whatever the head count.
  case mla

  /// DeepSeek-V3's `kv_lora_rank`.
  public static let mlaRank = 512
  /// DeepSeek-V3's `qk_rope_head_dim`.
  public static let mlaRope = 64

  /// `GQA` or `MLA`.
  public var label: String { rawValue.uppercased() }
}

/// A transformer shape inferred from the active parameter count: depth scales as N^(1/3)
/// anchored so that 156 B gives the seed's 96 layers; d_model from N ≈ 12·L·d²; query heads of
/// width 128; GQA with 8 KV heads (never more than the query heads), or an MLA latent. Every
/// layer is assumed to be full attention.
public struct Shape: Codable, Sendable, Equatable {
  public var layers: Int
  public var dModel: Int
  public var kvHeads: Int
  public var headDim: Int
  /// Elements cached per layer per token under MLA (latent + RoPE dims); nil for MHA/GQA.
  public var latent: Int?

  public static let anchorParams = 156e9
  public static let anchorLayers = 96.0
  /// GQA's KV heads in the seed's shape.
  public static let gqaHeads = 8
  /// The KV cache is kept at 16 bits whatever the weight precision.
  public static let kvBytes = 2.0

  public init(layers: Int, dModel: Int, kvHeads: Int = 8, headDim: Int = 128, latent: Int? = nil) {
    self.layers = layers
    self.dModel = dModel
    self.kvHeads = kvHeads
    self.headDim = headDim
    self.latent = latent
  }

  /// The shape for `params` active parameters.
  public init(activeParams n: Double, attention: KVAttention = .gqa) {
    let l = Swift.max(
      1, Int(countOf: (Shape.anchorLayers * cbrt(n / Shape.anchorParams)).rounded()))
    let d = Int(countOf: (n / (12 * Double(l))).squareRoot().rounded())
    let queryHeads = Swift.max(1, Int(countOf: (Double(d) / 128).rounded()))
    switch attention {
    case .gqa:
      self.init(layers: l, dModel: d, kvHeads: Swift.min(Shape.gqaHeads, queryHeads))
    case .mla:
      self.init(
        layers: l, dModel: d, kvHeads: queryHeads, latent: KVAttention.mlaRank + KVAttention.mlaRope
      )
    }
  }

  /// Query heads of width `headDim` in d_model (at least one).
  public var queryHeads: Int {
    Swift.max(1, Int(countOf: (Double(dModel) / Double(headDim)).rounded()))
  }

  /// KV bytes per token: 2 · L · H_kv · d_head · bytes (EQ 3.5 without T), or L · latent ·
  /// bytes under MLA.
  public var kvBytesPerToken: Double {
    if let latent { return Double(layers * latent) * Shape.kvBytes }
    return 2 * Double(layers * kvHeads * headDim) * Shape.kvBytes
  }

  /// KV bytes for one user at context T (EQ 3.5).
  public func kvBytes(context t: Int) -> Double { kvBytesPerToken * Double(t) }
}
