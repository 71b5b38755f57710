import Foundation

extension Format {
  /// `x` with `decimals` digits after the point, exactly as `String(format: "%.Nf", x)`
  /// prints it (the binary value rounded half to even, `-` kept on negatives that round to
  /// zero), without Foundation's formatter: the dossier formats a hundred figures a frame.
  /// Values whose scaled magnitude does not fit 63 bits, and non-finite ones, go to
  /// `String(format:)`.
  public static func fixed(_ x: Double, _ decimals: Int) -> String {
    fixedDigits(x, decimals, trimmingZeros: false)
      ?? String(format: "%.\(max(0, decimals))f", x)
  }

  /// `fixed`, then the fraction's trailing zeros (and a bare point) dropped.
  static func fixedTrimmed(_ x: Double, _ decimals: Int) -> String {
    if let s = fixedDigits(x, decimals, trimmingZeros: true) { return s }
    var s = String(format: "%.\(max(0, decimals))f", x)
    if s.contains(".") {
      while s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
    }
    return s
  }

  /// The digits written as bytes (sign, whole part, point, fraction), nil where `fixed`
  /// falls back to the formatter.
  private static func fixedDigits(_ x: Double, _ decimals: Int, trimmingZeros: Bool) -> String? {
    guard x.isFinite, decimals >= 0, decimals <= 18, var q = scaledRounded(x.magnitude, decimals)
    else { return nil }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
      // Digits from the right; at least one before the point.
      var start = 48
      var count = 0
      repeat {
        start -= 1
        buffer[start] = 0x30 + UInt8(q % 10)
        q /= 10
        count += 1
      } while q > 0
      while count < decimals + 1 {
        start -= 1
        buffer[start] = 0x30
        count += 1
      }
      var end = 48
      var fraction = decimals
      if trimmingZeros {
        while fraction > 0, buffer[end - 1] == 0x30 {
          end -= 1
          fraction -= 1
        }
      }
      if fraction > 0 {
        // Shift the whole part one left to open the point.
        let point = end - fraction
        for i in start..<point { buffer[i - 1] = buffer[i] }
        start -= 1
        buffer[point - 1] = 0x2E
      }
      if x.sign == .minus {
        start -= 1
        buffer[start] = 0x2D
      }
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
    }
  }

  /// |x| · 10^decimals rounded half to even from the exact binary value, when below 2^63.
  static func scaledRounded(_ x: Double, _ decimals: Int) -> UInt64? {
    guard x != 0 else { return 0 }
    let subnormal = x.exponentBitPattern == 0
    let m: UInt64 = subnormal ? x.significandBitPattern : (1 << 52) | x.significandBitPattern
    let e = (subnormal ? 1 : Int(x.exponentBitPattern)) - 1075
    var p: UInt64 = 1
    for _ in 0..<decimals { p *= 10 }
    let (hi, lo) = m.multipliedFullWidth(by: p)  // x · 10^d = (hi·2^64 + lo) · 2^e
    if e >= 0 {
      guard hi == 0, e < 63, lo < (UInt64(1) << (63 - e)) else { return nil }
      return lo << e
    }
    let s = -e
    if s >= 128 { return 0 }  // the product is under 2^117: below one half
    // q = N >> s
    let q: UInt64
    if s < 64 {
      guard hi >> s == 0 else { return nil }
      q = (lo >> s) | (s == 0 ? 0 : hi << (64 - s))
    } else {
      q = hi >> (s - 64)
    }
    // The bit for one half, then whether anything lies below it.
    let k = s - 1
    let halfBit = k < 64 ? (lo >> k) & 1 : (hi >> (k - 64)) & 1
    guard halfBit == 1 else { return q < 1 << 63 ? q : nil }
    let below: Bool
    if k == 0 {
      below = false
    } else if k < 64 {
      below = lo & ((1 << k) - 1) != 0
    } else if k == 64 {
      below = lo != 0
    } else {
      below = lo != 0 || hi & ((1 << (k - 64)) - 1) != 0
    }
    let rounded = below || q & 1 == 1 ? q + 1 : q
    return rounded < 1 << 63 ? rounded : nil
  }
}
