import Foundation

/// The raw numbers behind a dossier, computed from a design by the seed's chain of equations.
public struct Metrics: Codable, Sendable, Equatable {
  public let law: ScalingLaw
  /// Compute-optimal active parameter count at the budget and sparsity: EQ 4.2 for dense,
  /// N* = EQ 4.2 · S^(−kα/(α+β)) for an MoE (see `ScalingLaw.optimalParams(compute:moeRatio:moeK:)`).
  public let optimalParams: Double
  /// The dense optimum at the same budget (EQ 4.2), for comparison.
  public let denseOptimalParams: Double
  /// Active parameters per token: N* / √f.
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
    design = d
    denseOptimalParams = law.optimalParams(compute: d.budget)
    optimalParams = law.optimalParams(compute: d.budget, moeRatio: d.moeRatio, moeK: d.moeK)
    activeParams = optimalParams / d.overtrain.squareRoot()
    totalParams = d.moeRatio * activeParams
    tokens = d.budget / (6 * activeParams)
    effectiveParams = activeParams * pow(d.moeRatio, d.moeK)
    loss = law.loss(params: effectiveParams, tokens: tokens)
    gpuHours = Metrics.gpuHours(compute: d.budget, mfu: d.mfu, peak: d.gpu.peakFLOPs)
    trainingCost = gpuHours * d.gpu.pricePerHour
    shape = Shape(activeParams: activeParams, attention: d.attention)
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
  /// Compute-optimal tokens per active parameter for this design's sparsity: D*/N*.
  public var optimalTokensPerParam: Double { design.budget / (6 * optimalParams) / optimalParams }
  /// The design these numbers come from.
  public let design: ForgeDesign
  /// GPUs needed to finish in 90 days.
  public var fleet: Double { gpuHours / Metrics.runHours }

  /// GPU-hours to spend `compute` FLOPs at `mfu` of a `peak` FLOP/s GPU.
  public static func gpuHours(compute: Double, mfu: Double, peak: Double) -> Double {
    compute / (mfu * peak * 3600)
  }
}
