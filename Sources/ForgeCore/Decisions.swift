import Foundation

/// The six decisions of the Forge, each a list of discrete stops the screen slides along.
public enum Decision: String, CaseIterable, Codable, Sendable {
  case compute, architecture, overtrain, context, precision, gpu

  /// Short label for a slider.
  public var label: String {
    switch self {
    case .compute: "Compute budget"
    case .architecture: "Architecture"
    case .overtrain: "Over-training"
    case .context: "Context"
    case .precision: "Precision"
    case .gpu: "GPU"
    }
  }

  /// Number of stops.
  public var stopCount: Int {
    switch self {
    case .compute: Decision.computeExponents.count
    case .architecture: Decision.moeRatios.count
    case .overtrain: Decision.overtrainFactors.count
    case .context: Decision.contexts.count
    case .precision: Precision.allCases.count
    case .gpu: GPU.catalog.count
    }
  }

  /// The stop the seed starts on.
  public var defaultStop: Int { ForgeDesign.seedDefault.stopIndex(for: self) }

  /// Budget exponents 20.0 … 27.0 in tenths of a decade.
  public static let computeExponents: [Double] = (200...270).map { Double($0) / 10 }
  /// Total:active ratios; 1 means dense.
  public static let moeRatios: [Double] = [1, 2, 4, 8, 18, 32, 64]
  /// Over-training factors 1/4× … 256×.
  public static let overtrainFactors: [Double] = (-2...8).map { pow(2, Double($0)) }
  /// Context lengths 2K … 1M tokens.
  public static let contexts: [Int] = (11...20).map { 1 << $0 }

  /// The value of `stop` in words: `10^25.0 FLOPs`, `MoE 18:1`, `4× past Chinchilla`, `128K`,
  /// `FP8`, `H100 · 80 GB · 3.35 TB/s`. `ascii` swaps × for x and · for `.`.
  public func words(stop: Int, ascii: Bool = false) -> String {
    ForgeDesign.seedDefault.setting(self, toStop: stop).words(for: self, ascii: ascii)
  }
}

/// A design: the six decisions as values (so the CLI can hold 3e24 between stops) plus the two
/// advanced settings.
public struct ForgeDesign: Codable, Sendable, Equatable {
  /// Training compute C in FLOPs.
  public var budget: Double
  /// Total:active parameter ratio; 1 is dense.
  public var moeRatio: Double
  /// Over-training factor f past the compute optimum (Chinchilla's for dense, the MoE's own
  /// N* for an MoE): N = N*/√f, D = D*·√f.
  public var overtrain: Double
  /// Context length in tokens.
  public var context: Int
  public var precision: Precision
  public var gpu: GPU
  /// Model FLOPs utilisation during training (seed: 0.45).
  public var mfu: Double
  /// MoE efficiency exponent k in N_eff = N · ratio^k (heuristic; 0.5 = geometric mean).
  public var moeK: Double
  /// How the KV cache is laid out: the seed's GQA-8, or an MLA latent (DeepSeek-V3).
  public var attention: KVAttention

  public init(
    budget: Double = 1e25, moeRatio: Double = 1, overtrain: Double = 4, context: Int = 131_072,
    precision: Precision = .fp8, gpu: GPU = .h100, mfu: Double = 0.45, moeK: Double = 0.5,
    attention: KVAttention = .gqa
  ) {
    self.budget = budget
    self.moeRatio = moeRatio
    self.overtrain = overtrain
    self.context = context
    self.precision = precision
    self.gpu = gpu
    self.mfu = mfu
    self.moeK = moeK
    self.attention = attention
  }

  /// The seed's worked design: 10^25, dense, 4×, 128K, FP8, H100.
  public static let seedDefault = ForgeDesign()

  public var isDense: Bool { moeRatio == 1 }

  /// The nearest stop for `decision` (nearest in log space for the log-scaled decisions).
  public func stopIndex(for decision: Decision) -> Int {
    switch decision {
    case .compute: nearest(log10(budget), in: Decision.computeExponents)
    case .architecture: nearest(log(moeRatio), in: Decision.moeRatios.map { log($0) })
    case .overtrain: nearest(log2(overtrain), in: Decision.overtrainFactors.map { log2($0) })
    case .context:
      nearest(log2(Double(context)), in: Decision.contexts.map { log2(Double($0)) })
    case .precision: Precision.allCases.firstIndex(of: precision) ?? 0
    case .gpu: GPU.catalog.firstIndex(of: gpu) ?? 0
    }
  }

  /// A copy with `decision` moved to `stop` (clamped to the decision's stops).
  public func setting(_ decision: Decision, toStop stop: Int) -> ForgeDesign {
    let i = min(max(stop, 0), decision.stopCount - 1)
    var d = self
    switch decision {
    case .compute: d.budget = pow(10, Decision.computeExponents[i])
    case .architecture: d.moeRatio = Decision.moeRatios[i]
    case .overtrain: d.overtrain = Decision.overtrainFactors[i]
    case .context: d.context = Decision.contexts[i]
    case .precision: d.precision = Precision.allCases[i]
    case .gpu: d.gpu = GPU.catalog[i]
    }
    return d
  }

  /// This design's value for `decision` in words (see `Decision.words(stop:ascii:)`).
  public func words(for decision: Decision, ascii: Bool = false) -> String {
    let times = ascii ? "x" : "×"
    switch decision {
    case .compute: return Format.flopsPower(budget) + " FLOPs"
    case .architecture:
      return isDense ? "dense" : "MoE " + Format.significant(moeRatio, 3) + ":1"
    case .overtrain:
      // Dense designs sit against Chinchilla's optimum; an MoE against its own (N* shrinks
      // with sparsity, see `ScalingLaw.optimalParams(compute:moeRatio:moeK:)`).
      let optimum = isDense ? "Chinchilla" : "optimum"
      if overtrain < 1 {
        return "under-trained: " + Format.significant(overtrain, 3) + times
          + " the \(optimum) tokens"
      }
      return Format.significant(overtrain, 3) + times + " past \(optimum)"
    case .context: return Format.context(context)
    case .precision: return precision.label
    case .gpu: return gpu.words(ascii: ascii)
    }
  }

  /// Shorter forms of `words(for:)`, longest first, for a row too narrow to hold the whole
  /// value beside the decision's name: `32×` for `32× past Chinchilla`, `A100-80GB · 80 GB`
  /// and then `A100-80GB` for a GPU. The name then stays whole.
  public func shortWords(for decision: Decision, ascii: Bool = false) -> [String] {
    let times = ascii ? "x" : "×"
    switch decision {
    case .overtrain:
      let f = Format.significant(overtrain, 3) + times
      return overtrain < 1 ? ["under-trained " + f, f] : [f]
    case .gpu:
      let dot = ascii ? " . " : " · "
      return [gpu.name + dot + Format.significant(gpu.memory / 1e9, 3) + " GB", gpu.name]
    default: return []
    }
  }

  private func nearest(_ x: Double, in stops: [Double]) -> Int {
    stops.indices.min { abs(stops[$0] - x) < abs(stops[$1] - x) } ?? 0
  }
}
