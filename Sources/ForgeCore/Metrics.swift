import Foundation

/// The raw numbers behind a dossier, computed from a design by the seed's chain of equations.
public struct Metrics: Codable, Sendable, Equatable {
  public let law: ScalingLaw
  /// Compute-optimal parameter count at the budget (EQ 4.2).
  public let optimalParams: Double
  /// Active parameters per token: N_opt / √f.
  public let activeParams: Double
  /// Total parameters: ratio × active.
  public let totalParams: Double
  /// Training tokens D = C / 6N (EQ 4.1's budget).
  public let tokens: Double
  /// N_eff = N · ratio^k, the heuristic dense-equivalent size used for the loss.
  public let effectiveParams: Double
  public let loss: Double
  /// Training GPU-hours at the design's MFU and the GPU's dense BF16 peak.
  public let gpuHours: Double
  public let trainingCost: Double
  public let shape: Shape
  public let weightBytes: Double
  /// GPUs needed to hold the weights at 90% memory use.
  public let shards: Int
  /// Single-stream decode ceiling on one GPU's bandwidth (EQ 7.1).
  public let decodeCeiling: Double
  public let kvPerUser: Double
  /// Memory left for KV cache on the serving node after the weights.
  public let freeKVBytes: Double
  public let usersPerNode: Int
  /// The longest context one user can have on the node (0 if the weights leave no room).
  public let longestContext: Int

  /// Hours in a 90-day run.
  public static let runHours = 90.0 * 24
  /// Fraction of GPU memory usable for weights and KV (vLLM's default utilisation).
  public static let memoryUse = 0.9

  public init(_ d: ForgeDesign, law: ScalingLaw = .chinchillaRefit) {
    self.law = law
    optimalParams = law.optimalParams(compute: d.budget)
    activeParams = optimalParams / d.overtrain.squareRoot()
    totalParams = d.moeRatio * activeParams
    tokens = d.budget / (6 * activeParams)
    effectiveParams = activeParams * pow(d.moeRatio, d.moeK)
    loss = law.loss(params: effectiveParams, tokens: tokens)
    gpuHours = d.budget / (d.mfu * d.gpu.peakFLOPs * 3600)
    trainingCost = gpuHours * d.gpu.pricePerHour
    shape = Shape(activeParams: activeParams)
    weightBytes = totalParams * d.precision.bytes
    let usable = Metrics.memoryUse * d.gpu.memory
    shards = Int((weightBytes / usable).rounded(.up))
    decodeCeiling = d.gpu.bandwidth / (activeParams * d.precision.bytes)
    kvPerUser = shape.kvBytes(context: d.context)
    freeKVBytes = usable * Double(shards) - weightBytes
    usersPerNode = Int((freeKVBytes / kvPerUser).rounded(.down))
    longestContext = Int(max(0, freeKVBytes / shape.kvBytesPerToken).rounded(.down))
  }

  /// Tokens per active parameter.
  public var tokensPerActiveParam: Double { tokens / activeParams }
  /// Tokens per total parameter (differs from per-active by the MoE ratio).
  public var tokensPerTotalParam: Double { tokens / totalParams }
  /// GPUs needed to finish in 90 days.
  public var fleet: Double { gpuHours / Metrics.runHours }
}
