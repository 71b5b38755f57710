/// How a figure was computed: the formula, the formula with numbers substituted, the result
/// and the seed's equation reference, plus notes on assumptions.
public struct Trace: Codable, Sendable, Equatable {
  public var formula: String
  public var substituted: String
  public var result: String
  public var eq: String
  public var notes: [String]

  public init(
    formula: String, substituted: String, result: String, eq: String = "", notes: [String] = []
  ) {
    self.formula = formula
    self.substituted = substituted
    self.result = result
    self.eq = eq
    self.notes = notes
  }

  /// One line: `KV/user = 2·L·… = 2·96·… = 51.5 GB (EQ 3.5)`.
  public var line: String {
    var s = "\(formula) = \(substituted) = \(result)"
    if !eq.isEmpty { s += " (\(eq))" }
    return s
  }
}
