import Foundation

/// A transformer shape inferred from the active parameter count: depth scales as N^(1/3)
/// anchored so that 156 B gives the seed's 96 layers; GQA with 8 KV heads of width 128;
/// d_model from N ≈ 12·L·d². Every layer is assumed to be full attention.
public struct Shape: Codable, Sendable, Equatable {
  public var layers: Int
  public var dModel: Int
  public var kvHeads: Int
  public var headDim: Int

  public static let anchorParams = 156e9
  public static let anchorLayers = 96.0
  /// The KV cache is kept at 16 bits whatever the weight precision.
  public static let kvBytes = 2.0

  public init(layers: Int, dModel: Int, kvHeads: Int = 8, headDim: Int = 128) {
    self.layers = layers
    self.dModel = dModel
    self.kvHeads = kvHeads
    self.headDim = headDim
  }

  /// The shape for `params` active parameters.
  public init(activeParams n: Double) {
    let l = Swift.max(
      1, Int(countOf: (Shape.anchorLayers * cbrt(n / Shape.anchorParams)).rounded()))
    self.init(layers: l, dModel: Int(countOf: (n / (12 * Double(l))).squareRoot().rounded()))
  }

  /// KV bytes per token: 2 · L · H_kv · d_head · bytes (EQ 3.5 without T).
  public var kvBytesPerToken: Double {
    2 * Double(layers * kvHeads * headDim) * Shape.kvBytes
  }

  /// KV bytes for one user at context T (EQ 3.5).
  public func kvBytes(context t: Int) -> Double { kvBytesPerToken * Double(t) }
}
