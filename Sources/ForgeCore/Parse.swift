import Foundation

/// Refused command-line input: names the flag, the value and what is accepted.
public struct ForgeInputError: Error, Equatable, CustomStringConvertible {
  public let flag: String
  public let value: String
  public let accepted: String

  public var description: String {
    "error: \(flag) '\(value)' is not valid; accepted: \(accepted)"
  }
}

/// The raw text of the `fullstack forge` options, turned into a design or refused.
public struct ForgeOptions: Sendable, Equatable {
  public var preset: String?
  public var budget: String?
  public var moe: String?
  public var overtrain: String?
  public var context: String?
  public var precision: String?
  public var gpu: String?
  public var mfu: String?
  public var moeK: String?

  public init(
    preset: String? = nil, budget: String? = nil, moe: String? = nil, overtrain: String? = nil,
    context: String? = nil, precision: String? = nil, gpu: String? = nil, mfu: String? = nil,
    moeK: String? = nil
  ) {
    self.preset = preset
    self.budget = budget
    self.moe = moe
    self.overtrain = overtrain
    self.context = context
    self.precision = precision
    self.gpu = gpu
    self.mfu = mfu
    self.moeK = moeK
  }

  /// The preset (or seed default) with every given option applied on top.
  public func design() throws(ForgeInputError) -> ForgeDesign {
    var d = ForgeDesign.seedDefault
    if let p = preset {
      guard let found = Preset.named(p) else {
        throw ForgeInputError(
          flag: "--preset", value: p,
          accepted: Preset.allCases.map(\.name).joined(separator: ", "))
      }
      d = found.design
    }
    if let s = budget { d.budget = try Self.budget(s) }
    if let s = moe {
      d.moeRatio = try Self.number(
        s, flag: "--moe", accepted: "a ratio from 1 (dense) to 1024, e.g. 18"
      ) { $0 >= 1 && $0 <= 1024 }
    }
    if let s = overtrain {
      d.overtrain = try Self.number(
        s, flag: "--overtrain", accepted: "a factor > 0, from 0.001 to 10000, e.g. 4"
      ) { $0 >= 0.001 && $0 <= 10_000 }
    }
    if let s = context { d.context = try Self.context(s) }
    if let s = precision {
      guard let p = Precision(rawValue: s.lowercased()) else {
        throw ForgeInputError(flag: "--precision", value: s, accepted: "bf16, fp8, fp4")
      }
      d.precision = p
    }
    if let s = gpu {
      guard let g = GPU.named(s) else {
        throw ForgeInputError(
          flag: "--gpu", value: s, accepted: GPU.catalog.map(\.id).joined(separator: ", "))
      }
      d.gpu = g
    }
    if let s = mfu {
      d.mfu = try Self.number(s, flag: "--mfu", accepted: "a fraction in (0, 1], e.g. 0.45") {
        $0 > 0 && $0 <= 1
      }
    }
    if let s = moeK {
      d.moeK = try Self.number(s, flag: "--moe-k", accepted: "an exponent in [0, 1], e.g. 0.5") {
        $0 >= 0 && $0 <= 1
      }
    }
    return d
  }

  /// Budgets where the model's arithmetic stays meaningful (and finite).
  public static let budgetRange = 1e18...1e30

  /// An output format: text, json or markdown.
  public static func format(_ s: String) throws(ForgeInputError) -> ReportFormat {
    guard let f = ReportFormat(rawValue: s.lowercased()) else {
      throw ForgeInputError(flag: "--format", value: s, accepted: "text, json, markdown")
    }
    return f
  }

  /// A budget as `1e25`, `3e24`, `10^25`, `10^24.3` or plain digits; positive and finite.
  /// Decimal notation only: `0x1p80`, `nan` and `inf` are refused.
  public static func budget(_ s: String) throws(ForgeInputError) -> Double {
    let t = s.trimmingCharacters(in: .whitespaces)
    var value: Double?
    if t.hasPrefix("10^") {
      value = PlainNumber.double(String(t.dropFirst(3))).map { pow(10, $0) }
    } else {
      value = PlainNumber.double(t)
    }
    guard let v = value, v.isFinite, budgetRange.contains(v) else {
      throw ForgeInputError(
        flag: "--budget", value: s,
        accepted: "a FLOP count from 1e18 to 1e30 like 1e25, 3e24 or 10^25")
    }
    return v
  }

  /// A context as `131072`, `128K`, `1M` (K = 1024); a positive whole number of tokens.
  public static func context(_ s: String) throws(ForgeInputError) -> Int {
    let t = s.trimmingCharacters(in: .whitespaces).uppercased()
    var scale = 1
    var digits = Substring(t)
    if let last = t.last, let k = ["K": 1 << 10, "M": 1 << 20][String(last)] {
      scale = k
      digits = t.dropLast()
    }
    guard let n = Int(digits), n > 0, n <= (1 << 30) / scale else {
      throw ForgeInputError(
        flag: "--context", value: s,
        accepted: "a positive token count up to 1024M like 8192, 128K or 1M")
    }
    return n * scale
  }

  static func number(
    _ s: String, flag: String, accepted: String, valid: (Double) -> Bool
  ) throws(ForgeInputError) -> Double {
    guard let v = PlainNumber.double(s), valid(v) else {
      throw ForgeInputError(flag: flag, value: s, accepted: accepted)
    }
    return v
  }
}
