/// Serving economics of a model on one GPU type at one precision: the fewest GPUs that hold the
/// weights and one user's KV cache, the users they and a whole node hold, and the decode
/// ceilings.
public struct Serving: Codable, Sendable, Equatable {
  public let weightBytes: Double
  /// The fewest GPUs that hold the weights and one user's KV cache at 90% memory use (the
  /// seed's `ceil(weights/(0.9·memory))` with the cache added, so the count always serves
  /// someone).
  public let shards: Int
  /// GPUs that hold the weights alone (the seed's shard count).
  public let weightShards: Int
  /// Single-stream decode ceiling on one GPU's bandwidth, weights only (EQ 7.1).
  public let decodeCeiling: Double
  /// The same stream at full context: each token also reads the user's whole KV cache.
  public let fullContextCeiling: Double
  /// One GPU's bandwidth times the shards (tensor parallelism reads every shard at once).
  public let aggregateBandwidth: Double
  public let kvPerUser: Double
  /// Memory left for KV cache on the shards after the weights (at least one user's cache).
  public let freeKVBytes: Double
  /// Users at full context on the shards (at least 1).
  public let usersPerNode: Int
  /// GPUs in one node of this kind (8; a TPU v5p host has 4 chips).
  public let nodeSize: Int
  /// Usable memory of one GPU (90%).
  public let usableMemory: Double
  /// Usable memory of one whole node.
  public let nodeMemory: Double
  /// Memory left on one whole node after the weights (0 when the weights overflow it).
  public let nodeFreeBytes: Double
  /// Users at full context on one whole node; 0 when the weights and one cache overflow it.
  public let usersPerFullNode: Int
  /// Whole nodes the shards take.
  public let nodes: Int
  /// The longest context one user can have on the fewest whole nodes that hold the weights.
  public let longestContext: Int

  /// Fraction of GPU memory usable for weights and KV (vLLM's default utilisation).
  public static let memoryUse = 0.9

  public init(
    totalParams: Double, activeParams: Double, kvBytesPerToken: Double, context: Int,
    precision: Precision, gpu: GPU
  ) {
    let w = totalParams * precision.bytes
    let kv = kvBytesPerToken * Double(context)
    let usable = Serving.memoryUse * gpu.memory
    weightBytes = w
    usableMemory = usable
    kvPerUser = kv
    weightShards = Swift.max(1, Int(countOf: (w / usable).rounded(.up)))
    var n = Swift.max(1, Int(countOf: ((w + kv) / usable).rounded(.up)))
    // Rounding can leave a hair less than one cache free; one more GPU settles it.
    while usable * Double(n) - w < kv && n < Int.max / 2 { n += 1 }
    shards = n
    freeKVBytes = usable * Double(n) - w
    usersPerNode = Swift.max(1, Int(countOf: freeKVBytes / kv))
    nodeSize = gpu.nodeSize
    nodes = (n + gpu.nodeSize - 1) / gpu.nodeSize
    let node = usable * Double(gpu.nodeSize)
    nodeMemory = node
    nodeFreeBytes = Swift.max(0, node - w)
    usersPerFullNode = Int(countOf: nodeFreeBytes / kv)
    let weightNodes = (weightShards + gpu.nodeSize - 1) / gpu.nodeSize
    longestContext = Int(
      countOf: (node * Double(weightNodes) - w) / kvBytesPerToken)
    decodeCeiling = Serving.decodeCeiling(
      bandwidth: gpu.bandwidth, activeParams: activeParams, bytes: precision.bytes)
    fullContextCeiling = gpu.bandwidth / (activeParams * precision.bytes + kv)
    aggregateBandwidth = gpu.bandwidth * Double(n)
  }

  /// Bandwidth over the bytes read per token: the batch-1 decode ceiling (EQ 7.1).
  public static func decodeCeiling(bandwidth: Double, activeParams: Double, bytes: Double)
    -> Double
  {
    bandwidth / (activeParams * bytes)
  }

  /// Users at full context on `gpus` GPUs of this kind (0 when they cannot hold the weights
  /// and one cache).
  public func users(onGPUs gpus: Int) -> Int {
    Int(countOf: (usableMemory * Double(gpus) - weightBytes) / kvPerUser)
  }

  /// True when one user's group of shards spans more than one node.
  public var spansNodes: Bool { shards > nodeSize }

  /// True when one user's KV cache by itself is larger than a whole node's usable memory.
  public var cacheOverflowsNode: Bool { kvPerUser > nodeMemory }
}
