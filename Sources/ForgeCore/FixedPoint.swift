import Foundation

extension Format {
  /// `x` with `decimals` digits after the point, exactly as `String(format: "%.Nf", x)`
  /// prints it (the binary value rounded half to even, `-` kept on negatives that round to
  /// zero), without Foundation's formatter: the dossier formats a hundred figures a frame.
  /// Values whose scaled magnitude does not fit 63 bits, and non-finite ones, go to
  /// `String(format:)`.
  public static func fixed(_ x: Double, _ decimals: Int) -> String {
    guard x.isFinite, decimals >= 0, decimals <= 18,
      let q = scaledRounded(x.magnitude, decimals)
    else { return String(format: "%.\(max(0, decimals))f", x) }
    var digits = String(q)
    if decimals > 0 {
      if digits.utf8.count <= decimals {
        digits = String(repeating: "0", count: decimals + 1 - digits.utf8.count) + digits
      }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
    }
    return x.sign == .minus ? "-" + digits : digits
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
