/// numpy's `np.random.default_rng(seed)` stream, bit for bit: a `SeedSequence` turns the seed
/// into 128-bit state and increment for PCG64 (XSL-RR output), `random()` makes doubles from
/// the top 53 bits, and `choice(p:)` follows `Generator.choice(items, p=…)`.
///
/// A plain value: copy it to save the stream's position, assign it back to rewind.
public struct NumpyRandom: Hashable, Sendable {
  /// PCG64's 128-bit state and odd increment, as (high, low) 64-bit halves.
  public private(set) var state: (high: UInt64, low: UInt64)
  public let increment: (high: UInt64, low: UInt64)

  /// `np.random.default_rng(seed)` for a non-negative integer seed.
  public init(seed: UInt64) {
    let words = SeedSequence(entropy: seed).generateState(words64: 4)
    let initSequence = (high: words[2], low: words[3])
    increment = (
      high: initSequence.high << 1 | initSequence.low >> 63, low: initSequence.low << 1 | 1
    )
    state = (0, 0)
    step()
    state = Self.add(state, (words[0], words[1]))
    step()
  }

  /// The next raw 64-bit output (`PCG64.random_raw()`).
  public mutating func nextUInt64() -> UInt64 {
    step()
    let folded = state.high ^ state.low
    let rotation = state.high >> 58
    return folded >> rotation | folded << ((64 &- rotation) & 63)
  }

  /// `Generator.random()`: a double in [0, 1) from the top 53 bits of one raw output.
  public mutating func random() -> Double {
    Double(nextUInt64() >> 11) * (1.0 / 9_007_199_254_740_992.0)
  }

  /// `Generator.choice(n, p=p)` for one draw: cumulative sums, normalised by the last, then
  /// the first index whose cumulative value exceeds one `random()` draw (searchsorted right).
  /// `p` must hold at least one positive weight.
  public mutating func choice(p: [Double]) -> Int {
    Self.pick(p: p, uniform: random())
  }

  /// The index `choice` picks for a given uniform draw.
  public static func pick(p: [Double], uniform: Double) -> Int {
    var cdf = [Double]()
    cdf.reserveCapacity(p.count)
    var running = 0.0
    for weight in p {
      running += weight
      cdf.append(running)
    }
    let total = running
    var low = 0
    var high = cdf.count
    while low < high {
      let mid = (low + high) / 2
      if cdf[mid] / total <= uniform { low = mid + 1 } else { high = mid }
    }
    return min(low, p.count - 1)
  }

  private mutating func step() {
    state = Self.add(Self.multiply(state, Self.multiplier), increment)
  }

  private static let multiplier: (high: UInt64, low: UInt64) =
    (0x2360_ED05_1FC6_5DA4, 0x4385_DF64_9FCC_F645)

  private static func add(_ a: (high: UInt64, low: UInt64), _ b: (high: UInt64, low: UInt64))
    -> (high: UInt64, low: UInt64)
  {
    let (low, carry) = a.low.addingReportingOverflow(b.low)
    return (a.high &+ b.high &+ (carry ? 1 : 0), low)
  }

  private static func multiply(
    _ a: (high: UInt64, low: UInt64), _ b: (high: UInt64, low: UInt64)
  ) -> (high: UInt64, low: UInt64) {
    let product = a.low.multipliedFullWidth(by: b.low)
    return (product.high &+ a.high &* b.low &+ a.low &* b.high, product.low)
  }

  public static func == (a: NumpyRandom, b: NumpyRandom) -> Bool {
    a.state == b.state && a.increment == b.increment
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(state.high)
    hasher.combine(state.low)
    hasher.combine(increment.high)
    hasher.combine(increment.low)
  }
}

/// numpy's `SeedSequence` for an integer entropy with no spawn key: hash-mixes the seed's
/// 32-bit words into a pool of four, then draws state words from the pool.
struct SeedSequence {
  private static let poolSize = 4
  private var pool = [UInt32](repeating: 0, count: poolSize)

  init(entropy: UInt64) {
    var words = [UInt32(truncatingIfNeeded: entropy)]
    if entropy >> 32 != 0 { words.append(UInt32(truncatingIfNeeded: entropy >> 32)) }
    var hashConstant: UInt32 = 0x43B0_D7E5
    func hashMix(_ value: UInt32) -> UInt32 {
      var value = value ^ hashConstant
      hashConstant = hashConstant &* 0x931E_8875
      value = value &* hashConstant
      return value ^ value >> 16
    }
    func mix(_ x: UInt32, _ y: UInt32) -> UInt32 {
      let result = 0xCA01_F9DD &* x &- 0x4973_F715 &* y
      return result ^ result >> 16
    }
    for i in 0..<Self.poolSize { pool[i] = hashMix(i < words.count ? words[i] : 0) }
    for source in 0..<Self.poolSize {
      for target in 0..<Self.poolSize where source != target {
        pool[target] = mix(pool[target], hashMix(pool[source]))
      }
    }
  }

  /// `generate_state(n, np.uint64)`: 2n 32-bit words, paired little-endian into 64-bit words.
  func generateState(words64: Int) -> [UInt64] {
    var hashConstant: UInt32 = 0x8B51_F9DD
    var words32: [UInt32] = []
    for i in 0..<(2 * words64) {
      var value = pool[i % Self.poolSize] ^ hashConstant
      hashConstant = hashConstant &* 0x58F3_8DED
      value = value &* hashConstant
      words32.append(value ^ value >> 16)
    }
    return (0..<words64).map { UInt64(words32[2 * $0]) | UInt64(words32[2 * $0 + 1]) << 32 }
  }
}
