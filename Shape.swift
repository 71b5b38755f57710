import Foundation

/// A transformer shape inferred from a parameter count: depth scaled from the seed's 96-layer
/// model, GQA with 8 KV heads of dimension 128, width from N ≈ 12·L·d².
/// Assumes every layer is full attention.
public struct ModelShape: Codable, Equatable, Sendable {
  public let layers: Int
  public let kvHeads: Int
  public let headDim: Int
  public let dModel: Int

  /// The seed's reference point: 156 B parameters ↔ 96 layers.
  public static let referenceParams = 156e9
  public static let referenceLayers = 96.0

  /// L = round(96 · (N / 156e9)^(1/3)), at least 1; d = √(N / (12·L)).
  public init(params n: Double) {
    let depth = (Self.referenceLayers * cbrt(n / Self.referenceParams)).rounded()
    layers = max(1, Int(depth))
    kvHeads = 8
    headDim = 128
    dModel = Int((n / (12 * Double(layers))).squareRoot().rounded())
  }

  public init(layers: Int, kvHeads: Int, headDim: Int, dModel: Int) {
    self.layers = layers
    self.kvHeads = kvHeads
    self.headDim = headDim
    self.dModel = dModel
  }

  /// Bytes of K and V per token: 2 · L · H_kv · d_head · bytes (EQ 3.5).
  public func kvBytesPerToken(bytes: Double = 2) -> Double {
    2 * Double(layers) * Double(kvHeads) * Double(headDim) * bytes
  }

  /// KV cache for one sequence of `context` tokens (EQ 3.5).
  public func kvBytes(context: Int, bytes: Double = 2) -> Double {
    kvBytesPerToken(bytes: bytes) * Double(context)
  }
}
