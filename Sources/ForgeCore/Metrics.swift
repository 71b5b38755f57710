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
  /// Weights, shards, decode ceiling, KV per user and users on the node.
  public let serving: Serving

  /// Hours in a 90-day run.
  public static let runHours = 90.0 * 24

  public init(_ d: ForgeDesign, law: ScalingLaw = .chinchillaRefit) {
    self.law = law
    optimalParams = law.optimalParams(compute: d.budget)
    activeParams = optimalParams / d.overtrain.squareRoot()
    totalParams = d.moeRatio * activeParams
    tokens = d.budget / (6 * activeParams)
    effectiveParams = activeParams * pow(d.moeRatio, d.moeK)
    loss = law.loss(params: effectiveParams, tokens: tokens)
    gpuHours = Metrics.gpuHours(compute: d.budget, mfu: d.mfu, peak: d.gpu.peakFLOPs)
    trainingCost = gpuHours * d.gpu.pricePerHour
    shape = Shape(activeParams: activeParams)
    serving = Serving(
      totalParams: totalParams, activeParams: activeParams,
      kvBytesPerToken: shape.kvBytesPerToken, context: d.context, precision: d.precision,
      gpu: d.gpu)
  }

  /// Tokens per active parameter.
  public var tokensPerActiveParam: Double { tokens / activeParams }
  /// Tokens per total parameter (differs from per-active by the MoE ratio).
  public var tokensPerTotalParam: Double { tokens / totalParams }
  public var weightBytes: Double { serving.weightBytes }
  public var shards: Int { serving.shards }
  public var decodeCeiling: Double { serving.decodeCeiling }
  public var kvPerUser: Double { serving.kvPerUser }
  public var freeKVBytes: Double { serving.freeKVBytes }
  public var usersPerNode: Int { serving.usersPerNode }
  public var longestContext: Int { serving.longestContext }
  /// GPUs needed to finish in 90 days.
  public var fleet: Double { gpuHours / Metrics.runHours }

  /// GPU-hours to spend `compute` FLOPs at `mfu` of a `peak` FLOP/s GPU.
  public static func gpuHours(compute: Double, mfu: Double, peak: Double) -> Double {
    compute / (mfu * peak * 3600)
  }
}
