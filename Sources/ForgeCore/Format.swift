import Foundation

/// The one place that turns quantities into text, so the screen, the CLI and the traces agree.
public enum Format {
  /// Parameter count: `156 B`, `8.0 B`, `1.2 T`, `350 M`.
  public static func params(_ n: Double) -> String { scaled(n) }

  /// Token count: `10.7 T`, `300 B`.
  public static func tokens(_ d: Double) -> String { scaled(d) }

  /// FLOPs in scientific notation with one decimal: `1.0e25`.
  public static func flops(_ c: Double) -> String {
    guard c.isFinite, c > 0 else { return "\(c)" }
    var exponent = Int(floor(log10(c)))
    var mantissa = c / pow(10, Double(exponent))
    if (mantissa * 10).rounded() >= 100 {
      exponent += 1
      mantissa /= 10
    }
    return fixed(mantissa, 1) + "e\(exponent)"
  }

  /// FLOPs as a power of ten with one decimal on the exponent: `10^25.0`.
  public static func flopsPower(_ c: Double) -> String {
    "10^" + fixed(log10(c), 1)
  }

  /// Dollars: `$12.5 M`, `$1.2 B`, `$850`.
  public static func money(_ usd: Double) -> String {
    "$" + (usd < 1000 ? fixed(usd, 0) : scaled(usd))
  }

  /// Bytes as decimal gigabytes, one decimal below 100 GB: `51.5 GB`, `156 GB`; terabytes
  /// from 1,000 GB: `1.65 TB`.
  public static func gigabytes(_ bytes: Double) -> String {
    // Whole gigabytes from 100 GB; from a thousand, terabytes to three figures (1.65 TB).
    if bytes >= 999.5e9 { return significant(bytes / 1e12, 3) + " TB" }
    return fixed(bytes / 1e9, bytes >= 99.95e9 ? 0 : 1) + " GB"
  }

  /// Bytes for the dossier: as `gigabytes` from 1 GB, decimal megabytes below (`312 MB`,
  /// `44.0 MB`), so a small model never reads `0.0 GB`.
  public static func size(_ bytes: Double) -> String {
    guard bytes < 0.9995e9 else { return gigabytes(bytes) }
    let mb = bytes / 1e6
    if mb >= 99.95 { return fixed(mb, 0) + " MB" }
    if mb >= 0.995 { return fixed(mb, 1) + " MB" }
    return fixed(bytes / 1e3, 0) + " KB"
  }

  /// Bytes as binary kibibytes: `320 KiB` (used for KV per token).
  public static func kibibytes(_ bytes: Double) -> String {
    fixed(bytes / 1024, 0) + " KiB"
  }

  /// Decode rate. Plain: whole tok/s from 10 with thousands separators (`21 tok/s`,
  /// `83,198 tok/s`), two significant figures below (`0.42 tok/s`); precise: three
  /// significant figures (`21.4 tok/s`, `33.5 tok/s`) for traces and answers.
  public static func tokensPerSecond(_ rate: Double, precise: Bool = false) -> String {
    if precise { return significant(rate, 3) + " tok/s" }
    return rateNumber(rate) + " tok/s"
  }

  /// A rate without its unit, as `tokensPerSecond` shows it: `21`, `83,198`, `4.2`, `0.42`.
  public static func rateNumber(_ rate: Double) -> String {
    if rate >= 9.995 { return count(rate) }
    if rate >= 0.995 { return fixed(rate, 1) }
    return significant(rate, 2)
  }

  /// A ratio such as tokens per parameter: `68`, `2.3`.
  public static func ratio(_ x: Double) -> String {
    fixed(x, x >= 10 ? 0 : 1)
  }

  /// A whole count with thousands separators: `2,890`.
  public static func count(_ x: Double) -> String {
    guard x.isFinite, abs(x) < 1e18 else { return number(x) }
    let digits = String(Int64(x.rounded()).magnitude)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return (x < 0 ? "-" : "") + out
  }

  /// A large count with a scale word: `6.2 M`, `2.9 K`.
  public static func scaledCount(_ x: Double) -> String { scaled(x) }

  /// Context length in tokens, binary units: `128K`, `1M`, `2K`, `3000`.
  public static func context(_ tokens: Int) -> String {
    if tokens >= 1 << 20 && tokens % (1 << 20) == 0 { return "\(tokens >> 20)M" }
    if tokens >= 1 << 10 && tokens % (1 << 10) == 0 { return "\(tokens >> 10)K" }
    return "\(tokens)"
  }

  /// A number inside an equation: integers below a million as digits (`96`, `131072`),
  /// everything else in short scientific notation (`1e25`, `3.35e12`, `0.45`).
  public static func number(_ x: Double) -> String {
    guard x.isFinite else { return "\(x)" }
    if x == x.rounded() && abs(x) < 1e7 { return String(Int64(x)) }
    if abs(x) >= 0.001 && abs(x) < 1000 { return significant(x, 4) }
    let exponent = Int(floor(log10(abs(x))))
    var mantissa = significant(x / pow(10, Double(exponent)), 3)
    var e = exponent
    if mantissa.hasPrefix("10") {
      mantissa = "1"
      e += 1
    }
    return mantissa + "e\(e)"
  }

  /// `x` to `digits` significant figures, trailing zeros trimmed.
  public static func significant(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite, x != 0 else { return x == 0 ? "0" : "\(x)" }
    let magnitude = Int(floor(log10(abs(x))))
    let decimals = max(0, digits - 1 - magnitude)
    return fixedTrimmed(x, decimals)
  }

  private static func scaled(_ x: Double) -> String {
    let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
    for (scale, name) in units where abs(x) >= scale * 0.9995 {
      let v = x / scale
      return fixed(v, v >= 99.95 ? 0 : 1) + " " + name
    }
    return fixed(x, 0)
  }
}
