import Foundation

/// How logits become a distribution: temperature, then optional top-k, then optional top-p.
public struct SamplerSettings: Hashable, Sendable {
  public static let temperatureRange: ClosedRange<Double> = 0.1...2.5

  /// 0 means greedy (the most likely token, always); otherwise within `temperatureRange`.
  public var temperature: Double
  /// Keep the k most likely tokens and any tied with the k-th (nil: no limit). Tied tokens
  /// are equally likely, so none of them is dropped for its place in the vocabulary.
  public var topK: Int?
  /// Keep the smallest most-likely set whose mass reaches p (nil: no nucleus filter; 1 keeps
  /// every possible token, exactly as nil does).
  public var topP: Double?

  public init(temperature: Double = 1.0, topK: Int? = nil, topP: Double? = nil) {
    self.temperature = temperature
    self.topK = topK
    self.topP = topP
  }

  /// The first problem with these settings, in words, or nil when they are usable.
  public var problem: String? {
    if temperature != 0 && (!temperature.isFinite || !Self.temperatureRange.contains(temperature)) {
      return "temperature must be 0 (greedy) or a number from 0.1 to 2.5 (got \(temperature))"
    }
    if let k = topK, k < 1 { return "top-k must be at least 1 (got \(k))" }
    if let p = topP, !(p > 0 && p <= 1) { return "top-p must be in (0, 1] (got \(p))" }
    return nil
  }
}

/// One token and its probability, for top-n views.
public struct TokenProbability: Hashable, Sendable {
  public let id: Int
  public let probability: Double
}

/// A next-token distribution over the whole vocabulary, with the views the screens show.
public struct Distribution: Sendable {
  /// One probability per vocabulary id (0 for tokens ruled out); sums to 1.
  public let probabilities: [Double]

  init(probabilities: [Double]) {
    self.probabilities = probabilities
  }

  /// Vocabulary ids by falling probability (ties by id), zero-probability ids excluded.
  /// Sorted when asked for: drawing a token never needs the whole order.
  public var ranked: [Int] {
    probabilities.indices.filter { probabilities[$0] > 0 }.sorted {
      probabilities[$0] != probabilities[$1] ? probabilities[$0] > probabilities[$1] : $0 < $1
    }
  }

  /// The n most likely tokens and the mass of everything else.
  public func top(_ n: Int) -> (entries: [TokenProbability], remainder: Double) {
    let order = ranked
    let entries = order.prefix(n).map { TokenProbability(id: $0, probability: probabilities[$0]) }
    let rest = order.dropFirst(n).reduce(0.0) { $0 + probabilities[$1] }
    return (entries, rest)
  }

  /// 1-based rank of a token among the possible ones (its index in `ranked`, plus one), or
  /// nil when it is ruled out: one pass counting the tokens ranked before it, no sort.
  public func rank(of id: Int) -> Int? {
    let p = probabilities[id]
    guard p > 0 else { return nil }
    var before = 0
    for (j, q) in probabilities.enumerated() where q > p || (q == p && j < id) { before += 1 }
    return before + 1
  }

  /// Shannon entropy in bits.
  public var entropy: Double {
    -probabilities.reduce(0.0) { $1 > 0 ? $0 + $1 * log2($1) : $0 }
  }
}

/// softmax(z / τ) with the max subtracted, then the top-k and top-p filters.
public enum Sampler {
  /// The distribution for these logits; nil when every logit is `-infinity` (a dead end).
  /// The settings must be valid (`settings.problem == nil`): check user input before this.
  public static func distribution(logits: [Double], settings: SamplerSettings) -> Distribution? {
    precondition(settings.problem == nil, settings.problem ?? "")
    guard let top = logits.max(), top.isFinite else { return nil }
    if settings.temperature == 0 {
      // Greedy: all the mass on the first largest logit.
      var greedy = [Double](repeating: 0, count: logits.count)
      greedy[logits.firstIndex(of: top)!] = 1
      return Distribution(probabilities: greedy)
    }
    var weights = logits.map { $0.isFinite ? exp(($0 - top) / settings.temperature) : 0 }
    normalise(&weights)
    if let k = settings.topK, k < weights.count {
      var kth = 0.0
      keepMostLikely(&weights) { rank, weight in
        if rank == k - 1 { kth = weight }
        return rank < k || weight == kth
      }
    }
    // p = 1 asks for every token; running sums that round to 1 early must not cut the tail.
    if let p = settings.topP, p < 1 {
      var mass = 0.0
      keepMostLikely(&weights) { _, weight in
        defer { mass += weight }
        return mass < p
      }
    }
    return Distribution(probabilities: weights)
  }

  /// Draws one token the way `Generator.choice(vocabulary, p=distribution)` does.
  public static func sample(_ distribution: Distribution, random: inout NumpyRandom) -> Int {
    random.choice(p: distribution.probabilities)
  }

  /// Zeroes every weight whose rank (0-based, by falling weight) fails `keep`, then renormalises.
  private static func keepMostLikely(
    _ weights: inout [Double], keep: (_ rank: Int, _ weight: Double) -> Bool
  ) {
    let order = Distribution(probabilities: weights).ranked
    var stillKeeping = true
    for (rank, id) in order.enumerated() {
      stillKeeping = stillKeeping && keep(rank, weights[id])
      if !stillKeeping { weights[id] = 0 }
    }
    normalise(&weights)
  }

  private static func normalise(_ weights: inout [Double]) {
    let total = weights.reduce(0, +)
    for i in weights.indices { weights[i] /= total }
  }
}
