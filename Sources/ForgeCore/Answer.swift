import Foundation

/// What an exercise's answer measures, and so which units a typed answer may carry.
public enum Quantity: Sendable, Equatable {
  /// A count of floating-point operations, answered in FLOPs.
  case flops
  /// A decode rate, answered in tok/s.
  case rate
  /// Accelerator time, answered in hours of the named GPU (`H100`).
  case gpuHours(gpu: String)
  /// A size in bytes, answered in decimal gigabytes.
  case gigabytes

  /// The unit the answer field asks for: `FLOPs`, `tok/s`, `H100-hours`, `GB`.
  public var unit: String {
    switch self {
    case .flops: "FLOPs"
    case .rate: "tok/s"
    case .gpuHours(let gpu): "\(gpu)-hours"
    case .gigabytes: "GB"
    }
  }

  /// The units an answer may carry, for the hint: `GB, TB, MB, GiB, MiB, bytes`.
  public var acceptedUnits: String {
    switch self {
    case .flops: "FLOPs, PFLOP, EFLOP"
    case .rate: "tok/s, tokens/s"
    case .gpuHours(let gpu): "\(gpu)-hours, \(gpu)-h, GPU-days"
    case .gigabytes: "GB, TB, MB, GiB, MiB, bytes"
    }
  }

  /// How the quantity is named in a message: `a FLOP count`, `a size in bytes`.
  var kindName: String {
    switch self {
    case .flops: "a FLOP count"
    case .rate: "a rate in tok/s"
    case .gpuHours: "a time in GPU-hours"
    case .gigabytes: "a size in bytes"
    }
  }

  func sameKind(_ other: Quantity) -> Bool {
    switch (self, other) {
    case (.flops, .flops), (.rate, .rate), (.gpuHours, .gpuHours), (.gigabytes, .gigabytes):
      true
    default: false
    }
  }
}

/// Reads typed answers. The number: plain (`51.5`), scientific (`2.4e23`, `2.4E23`), times a
/// power of ten (`2.4×10^23`, `2.4*10^23`, `2.4x10^23`, `2.4·10²³`, `10^23.5`), with a decimal
/// comma (`2,4e23`, `51,5`) or thousands separators (`240,000`, `240_000`), then a scale
/// (`6.24M`, `6.24 million`, `870 k`) and a unit (`FLOPs`, `tok/s`, `B200-hours`, `H100-h`,
/// `GB`, `TB`, `GiB`, `MiB`, `bytes`).
///
/// The comma rule: a comma is a thousands separator when every group after it has exactly
/// three digits and the first group is 1 to 3 digits not starting with 0 (`240,000`,
/// `1,650`, `2,400`); otherwise a single comma is the decimal mark (`2,4e23`, `0,256`,
/// `51,5`). A number with both a point and commas reads the commas as thousands
/// (`1,234.5`); anything else with commas is refused with a message that says so.
public enum Answer {
  /// A typed number, how it was read.
  struct Reading {
    var value: Double
    /// What followed the number, trimmed and lower-cased (scale and unit).
    var rest: String
  }

  /// The value of `typed` in `quantity`'s answer unit (a `1.08 TB` answer to a GB question is
  /// 1080), or a one-line message saying what could not be read or which unit was mixed up.
  public static func parse(_ typed: String, as quantity: Quantity) -> Result<Double, AnswerError> {
    let reading: Reading
    switch number(typed) {
    case .success(let r): reading = r
    case .failure(let e): return .failure(e)
    }
    return convert(reading, to: quantity, typed: typed)
  }

  /// A number with an optional scale and no unit (`20.0 B` is 2e10, `6.24M` is 6.24e6).
  public static func value(_ typed: String) -> Double? {
    guard case .success(let r) = number(typed) else { return nil }
    if r.rest.isEmpty { return r.value }
    guard let (scale, unit) = splitScale(r.rest), unit.isEmpty else { return nil }
    return r.value * scale
  }

  static let notANumber =
    "That doesn't read as a number; try a form like 1.5e21, 4.2×10^9, 7,25 or 3.7M."

  /// Splits `typed` into its number and what follows.
  static func number(_ typed: String) -> Result<Reading, AnswerError> {
    var text = Substring(typed.trimmingCharacters(in: .whitespaces))
    while let first = text.first, "~≈".contains(first) {
      text = text.dropFirst().drop { $0 == " " }
    }
    guard !text.isEmpty else { return .failure(AnswerError(message: "Type a number first.")) }
    var sign = 1.0
    if let first = text.first, first == "-" || first == "+" || first == "−" {
      sign = first == "+" ? 1 : -1
      text = text.dropFirst()
    }
    let mantissaText = text.prefix { $0.isASCII && ($0.isNumber || ".,_".contains($0)) }
    text = text.dropFirst(mantissaText.count)
    guard mantissaText.contains(where: \.isNumber) else {
      return .failure(AnswerError(message: notANumber))
    }
    let mantissa: Double
    switch decimal(String(mantissaText)) {
    case .success(let m): mantissa = m
    case .failure(let e): return .failure(e)
    }
    var value = mantissa
    // `10^23.5` alone, or `2.4e23`, or `2.4 × 10^23`.
    if mantissaText == "10", let (power, after) = powerOfTen(afterTen: text) {
      value = scaled(1, power)
      text = after
    } else if let (exponent, after) = eExponent(text) {
      value = scaled(mantissa, exponent)
      text = after
    } else if let (power, after) = timesTen(text) {
      value = scaled(mantissa, power)
      text = after
    }
    value *= sign
    guard value.isFinite else { return .failure(AnswerError(message: notANumber)) }
    let rest = text.trimmingCharacters(in: .whitespaces).lowercased()
    return .success(Reading(value: value, rest: rest))
  }

  /// `m · 10^p`, exactly as the decimal `me p` reads when `p` is whole (2.5e23, not
  /// 2.5 · 10^23 = 2.5000000000000003e23).
  static func scaled(_ m: Double, _ p: Double) -> Double {
    if p == p.rounded(), abs(p) < 400, let v = Double("\(m)e\(Int(p))") { return v }
    return m * pow(10, p)
  }

  /// Digits with separators, by the comma rule in the type's comment.
  static func decimal(_ raw: String) -> Result<Double, AnswerError> {
    let s = raw.replacingOccurrences(of: "_", with: "")
    var plain = s
    if s.contains(",") {
      let groups = s.split(separator: ",", omittingEmptySubsequences: false)
      let head = groups[0]
      let tail = groups.dropFirst()
      let lastDigits = tail.last.map { $0.prefix { $0 != "." } } ?? ""
      let grouped =
        !head.isEmpty && head.count <= 3 && head.first != "0" && !head.contains(".")
        && tail.dropLast().allSatisfy { $0.count == 3 && !$0.contains(".") }
        && lastDigits.count == 3
      if grouped {
        plain = groups.joined()
      } else if groups.count == 2, !s.contains("."), !(tail.first?.isEmpty ?? true) {
        plain = (head.isEmpty ? "0" : String(head)) + "." + String(tail[tail.startIndex])
      } else {
        return .failure(
          AnswerError(
            message: "Can't read the commas in '\(raw)': use 240,000 for thousands or 2,4 "
              + "for a decimal comma."))
      }
    }
    guard PlainNumber.isDecimal(plain), let v = Double(plain) else {
      return .failure(AnswerError(message: notANumber))
    }
    return .success(v)
  }

  /// `e23`, `E-3`, `e+23` straight after the mantissa.
  static func eExponent(_ text: Substring) -> (Double, Substring)? {
    guard let e = text.first, e == "e" || e == "E" else { return nil }
    return integerExponent(text.dropFirst())
  }

  /// ` × 10^23`, `*10^-3`, `x10²³`, `·10^23`.
  static func timesTen(_ text: Substring) -> (Double, Substring)? {
    var t = text.drop { $0 == " " }
    guard let op = t.first, "×x*·X".contains(op) else { return nil }
    t = t.dropFirst().drop { $0 == " " }
    guard t.hasPrefix("10") else { return nil }
    return powerOfTen(afterTen: t.dropFirst(2))
  }

  /// `^23`, `^23.5`, `^-3`, `²³` after a 10.
  static func powerOfTen(afterTen text: Substring) -> (Double, Substring)? {
    if text.first == "^" {
      let t = text.dropFirst()
      let digits = t.prefix { $0.isASCII && ($0.isNumber || "+-.".contains($0)) }
      guard let p = PlainNumber.double(String(digits)) else { return nil }
      return (p, t.dropFirst(digits.count))
    }
    let superscripts: [Character: Character] = [
      "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8",
      "⁹": "9", "⁻": "-",
    ]
    let run = text.prefix { superscripts[$0] != nil }
    guard let p = Double(String(run.compactMap { superscripts[$0] })) else { return nil }
    return (p, text.dropFirst(run.count))
  }

  static func integerExponent(_ text: Substring) -> (Double, Substring)? {
    var t = text
    var sign = 1.0
    if let s = t.first, s == "+" || s == "-" {
      sign = s == "-" ? -1 : 1
      t = t.dropFirst()
    }
    let digits = t.prefix { $0.isASCII && $0.isNumber }
    guard let n = Double(String(digits)) else { return nil }
    return (sign * n, t.dropFirst(digits.count))
  }

  // MARK: Scales and units

  static let scales: [String: Double] = [
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9,
    "g": 1e9, "billion": 1e9, "t": 1e12, "trillion": 1e12,
  ]

  /// `m h100-hours` → (1e6, `h100-hours`); `m` → (1e6, ``); `apples` → nil.
  static func splitScale(_ rest: String) -> (Double, String)? {
    let word = rest.prefix { $0.isLetter }
    guard let scale = scales[String(word)] else { return nil }
    let after = rest.dropFirst(word.count)
    guard after.first.map({ !$0.isLetter && !$0.isNumber }) ?? true else { return nil }
    return (scale, after.trimmingCharacters(in: .whitespaces))
  }

  static func convert(_ r: Reading, to quantity: Quantity, typed: String) -> Result<
    Double, AnswerError
  > {
    if r.rest.isEmpty { return .success(r.value) }
    // A bare `B` after a size is bytes; after anything else it is billions (`20 B` params).
    if let unit = Unit.named(r.rest, for: quantity) {
      return unit.value(r.value, as: quantity, rest: r.rest)
    }
    if let (scale, rest) = splitScale(r.rest) {
      if rest.isEmpty { return .success(r.value * scale) }
      if let unit = Unit.named(rest, for: quantity) {
        return unit.value(r.value * scale, as: quantity, rest: rest)
      }
    }
    return .failure(
      AnswerError(
        message: "Unknown unit '\(r.rest)'; the question asks for \(quantity.unit) "
          + "(a plain number works too)."))
  }
}

/// A unit a typed answer may carry: its quantity and its size in that quantity's answer unit.
struct Unit {
  var quantity: Quantity
  var factor: Double
  /// The unit's name as written in messages.
  var name: String
  /// A rate where a count was meant, and the like.
  var refusal: String?

  static func named(_ text: String, for asked: Quantity) -> Unit? {
    let key = text.replacingOccurrences(of: " ", with: "")
    if key == "b" {
      return asked == .gigabytes
        ? Unit(quantity: .gigabytes, factor: 1e-9, name: "bytes") : nil
    }
    if let unit = fixed[key] { return unit }
    return hours(text)
  }

  static let fixed: [String: Unit] = {
    var table: [String: Unit] = [:]
    func add(_ names: [String], _ q: Quantity, _ factor: Double, refusal: String? = nil) {
      for n in names { table[n] = Unit(quantity: q, factor: factor, name: n, refusal: refusal) }
    }
    add(["flop", "flops", "flop(s)"], .flops, 1)
    add(["pflop", "pflops"], .flops, 1e15)
    add(["eflop", "eflops"], .flops, 1e18)
    add(["zflop", "zflops"], .flops, 1e21)
    add(
      ["flop/s", "flops/s", "flop/sec"], .flops, 1,
      refusal: "FLOP/s is a rate; the question asks for a count of FLOPs.")
    add(
      ["tok/s", "tokens/s", "token/s", "tok/sec", "tokens/sec", "tokenspersecond", "tps", "t/s"],
      .rate, 1)
    add(["byte", "bytes"], .gigabytes, 1e-9)
    add(["kb", "kilobytes"], .gigabytes, 1e-6)
    add(["mb", "megabytes"], .gigabytes, 1e-3)
    add(["gb", "gigabytes", "gbytes"], .gigabytes, 1)
    add(["tb", "terabytes"], .gigabytes, 1e3)
    add(["pb", "petabytes"], .gigabytes, 1e6)
    add(["kib"], .gigabytes, 1024 / 1e9)
    add(["mib"], .gigabytes, 1_048_576 / 1e9)
    add(["gib"], .gigabytes, 1_073_741_824 / 1e9)
    add(["tib"], .gigabytes, 1_099_511_627_776 / 1e9)
    return table
  }()

  /// `hours`, `h`, `gpu-hours`, `H100-h`, `B200 hours`, `A100-80GB-hours`, `gpu-days`.
  static func hours(_ text: String) -> Unit? {
    let key = GPU.normalized(text)
    let suffixes: [(String, Double)] = [
      ("hours", 1), ("hour", 1), ("hrs", 1), ("hr", 1), ("h", 1), ("days", 24), ("day", 24),
    ]
    for (suffix, factor) in suffixes where key.hasSuffix(suffix) {
      let who = String(key.dropLast(suffix.count))
      if who.isEmpty || who == "gpu" || who == "chip" {
        return Unit(quantity: .gpuHours(gpu: ""), factor: factor, name: text)
      }
      if let gpu = GPU.catalog.first(where: {
        GPU.normalized($0.id) == who || GPU.normalized($0.name) == who
      }) {
        return Unit(quantity: .gpuHours(gpu: gpu.name), factor: factor, name: text)
      }
      if who == "a100" {
        return Unit(quantity: .gpuHours(gpu: "A100-80GB"), factor: factor, name: text)
      }
    }
    return nil
  }

  func value(_ number: Double, as asked: Quantity, rest: String) -> Result<Double, AnswerError> {
    if let refusal { return .failure(AnswerError(message: refusal)) }
    guard quantity.sameKind(asked) else {
      return .failure(
        AnswerError(
          message: "'\(rest)' is \(quantity.kindName); the question asks for \(asked.unit)."))
    }
    if case .gpuHours(let typedGPU) = quantity, case .gpuHours(let askedGPU) = asked,
      !typedGPU.isEmpty, typedGPU != askedGPU
    {
      return .failure(
        AnswerError(
          message: "That's in \(typedGPU)-hours; this question asks for \(askedGPU)-hours."))
    }
    return .success(number * factor)
  }
}
