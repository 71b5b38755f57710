import Foundation

/// llama2.c's random stream: xorshift* on a 64-bit state (shifts 12, 25, 27, then the high
/// 32 bits of the product with 0x2545F4914F6CDD1D). A zero state stays zero forever, so
/// `run.c` never seeds with 0.
public struct XorshiftRandom: Hashable, Sendable {
  public var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// `random_u32`.
  public mutating func nextUInt32() -> UInt32 {
    state ^= state >> 12
    state ^= state << 25
    state ^= state >> 27
    return UInt32(truncatingIfNeeded: (state &* 0x2545_F491_4F6C_DD1D) >> 32)
  }

  /// `random_f32`: the top 24 bits of `random_u32` over 2^24, in [0, 1).
  public mutating func nextFloat() -> Float {
    Float(nextUInt32() >> 8) / 16_777_216.0
  }
}

/// llama2.c's sampler (`sample` in run.c), in float32 as it computes: temperature 0 takes the
/// argmax; otherwise logits are divided by the temperature, softmaxed, and one coin is drawn;
/// with 0 < top-p < 1 the nucleus rule applies (tokens below (1 − p)/(n − 1) are dropped
/// before a descending sort, the list is cut where the running sum first exceeds p, and the
/// coin is scaled by that sum), else the coin walks the whole distribution.
public struct Llama2cSampler: Sendable {
  public var temperature: Float
  public var topP: Float
  public var random: XorshiftRandom

  /// `run.c`'s default top-p.
  public static let defaultTopP: Float = 0.9

  public init(temperature: Float, topP: Float = defaultTopP, seed: UInt64) {
    self.temperature = temperature
    self.topP = topP
    random = XorshiftRandom(seed: seed)
  }

  /// Draws the next token from `logits` (overwritten with the probabilities when sampling).
  public mutating func sample(_ logits: UnsafeMutableBufferPointer<Float>) -> Int {
    let n = logits.count
    if temperature == 0 { return Self.argmax(logits) }
    for i in 0..<n { logits[i] /= temperature }
    Self.softmax(logits)
    let coin = random.nextFloat()
    if topP <= 0 || topP >= 1 { return Self.multinomial(logits, coin: coin) }
    return Self.nucleus(logits, topP: topP, coin: coin)
  }

  /// Convenience for arrays (tests, small callers).
  public mutating func sample(_ logits: [Float]) -> Int {
    var copy = logits
    return copy.withUnsafeMutableBufferPointer { sample($0) }
  }

  /// The first index of the largest value.
  static func argmax(_ p: UnsafeMutableBufferPointer<Float>) -> Int {
    var best = 0
    for i in 1..<max(p.count, 1) where p[i] > p[best] { best = i }
    return best
  }

  /// run.c's softmax: the max subtracted, `expf` and a running sum, then a division each.
  static func softmax(_ x: UnsafeMutableBufferPointer<Float>) {
    var top = x[0]
    for i in 1..<x.count where x[i] > top { top = x[i] }
    var sum: Float = 0
    for i in 0..<x.count {
      x[i] = Foundation.exp(x[i] - top)
      sum += x[i]
    }
    for i in 0..<x.count { x[i] /= sum }
  }

  /// The first index whose running sum exceeds the coin (the last on rounding).
  static func multinomial(_ p: UnsafeMutableBufferPointer<Float>, coin: Float) -> Int {
    var cdf: Float = 0
    for i in 0..<p.count {
      cdf += p[i]
      if coin < cdf { return i }
    }
    return p.count - 1
  }

  /// run.c's `sample_topp`. Ties keep index order (glibc's qsort is a stable merge sort here).
  static func nucleus(_ p: UnsafeMutableBufferPointer<Float>, topP: Float, coin: Float) -> Int {
    let n = p.count
    let cutoff = (1 - topP) / Float(n - 1)
    var candidates: [(index: Int, prob: Float)] = []
    candidates.reserveCapacity(n)
    for i in 0..<n where p[i] >= cutoff { candidates.append((i, p[i])) }
    // run.c reads before its list when nothing passes the cutoff (p below 1/n on a flat
    // distribution, or a one-token vocabulary); the most likely token is the only sane answer.
    guard !candidates.isEmpty else { return argmax(p) }
    candidates = stableSortDescending(candidates)
    var cumulative: Float = 0
    var last = candidates.count - 1
    for (i, c) in candidates.enumerated() {
      cumulative += c.prob
      if cumulative > topP {
        last = i
        break
      }
    }
    let r = coin * cumulative
    var cdf: Float = 0
    for i in 0...last {
      cdf += candidates[i].prob
      if r < cdf { return candidates[i].index }
    }
    return candidates[last].index
  }

  private static func stableSortDescending(_ items: [(index: Int, prob: Float)]) -> [(
    index: Int, prob: Float
  )] {
    // Sorting by (prob descending, index ascending) is the stable order of a descending sort.
    items.sorted { $0.prob != $1.prob ? $0.prob > $1.prob : $0.index < $1.index }
  }
}
