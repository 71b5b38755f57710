import Foundation

/// Decimal numbers as people type them on a command line: an optional sign, digits with an
/// optional decimal point, and an optional exponent (`1e25`, `-0.5`, `3.35E12`). Nothing else:
/// not the hexadecimal floats (`0x1p80`), `nan` or `inf` that Swift's `Double(_:)` also reads.
public enum PlainNumber {
  /// The value of `text` (surrounding spaces ignored), or nil when it is not plain decimal
  /// notation or does not fit in a finite Double.
  public static func double(_ text: String) -> Double? {
    let t = text.trimmingCharacters(in: .whitespaces)
    guard isDecimal(t), let value = Double(t), value.isFinite else { return nil }
    return value
  }

  /// True when `t` is `[+-]digits[.digits][(e|E)[+-]digits]` with at least one mantissa digit.
  public static func isDecimal(_ t: String) -> Bool {
    var chars = Substring(t)
    if let first = chars.first, first == "+" || first == "-" { chars = chars.dropFirst() }
    let whole = chars.prefix { $0.isASCII && $0.isNumber }
    chars = chars.dropFirst(whole.count)
    var fraction = Substring("")
    if chars.first == "." {
      chars = chars.dropFirst()
      fraction = chars.prefix { $0.isASCII && $0.isNumber }
      chars = chars.dropFirst(fraction.count)
    }
    guard !whole.isEmpty || !fraction.isEmpty else { return false }
    if let e = chars.first, e == "e" || e == "E" {
      chars = chars.dropFirst()
      if let sign = chars.first, sign == "+" || sign == "-" { chars = chars.dropFirst() }
      let exponent = chars.prefix { $0.isASCII && $0.isNumber }
      guard !exponent.isEmpty else { return false }
      chars = chars.dropFirst(exponent.count)
    }
    return chars.isEmpty
  }
}
