/// Serving economics of a model on one GPU type at one precision: shards, decode ceiling,
/// KV cache per user and concurrent users on the node that holds the weights.
public struct Serving: Codable, Sendable, Equatable {
  public let weightBytes: Double
  /// GPUs needed to hold the weights at 90% memory use.
  public let shards: Int
  /// Single-stream decode ceiling on one GPU's bandwidth (EQ 7.1).
  public let decodeCeiling: Double
  public let kvPerUser: Double
  /// Memory left for KV cache on the node after the weights.
  public let freeKVBytes: Double
  public let usersPerNode: Int
  /// The longest context one user can have on the node.
  public let longestContext: Int

  /// Fraction of GPU memory usable for weights and KV (vLLM's default utilisation).
  public static let memoryUse = 0.9

  public init(
    totalParams: Double, activeParams: Double, kvBytesPerToken: Double, context: Int,
    precision: Precision, gpu: GPU
  ) {
    weightBytes = totalParams * precision.bytes
    let usable = Serving.memoryUse * gpu.memory
    shards = Int(countOf: (weightBytes / usable).rounded(.up))
    decodeCeiling = Serving.decodeCeiling(
      bandwidth: gpu.bandwidth, activeParams: activeParams, bytes: precision.bytes)
    kvPerUser = kvBytesPerToken * Double(context)
    freeKVBytes = usable * Double(shards) - weightBytes
    usersPerNode = Int(countOf: freeKVBytes / kvPerUser)
    longestContext = Int(countOf: freeKVBytes / kvBytesPerToken)
  }

  /// Bandwidth over the bytes read per token: the batch-1 decode ceiling (EQ 7.1).
  public static func decodeCeiling(bandwidth: Double, activeParams: Double, bytes: Double)
    -> Double
  {
    bandwidth / (activeParams * bytes)
  }
}
