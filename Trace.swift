/// How a figure was computed: the formula, the same with numbers in, the result, and the
/// seed's equation reference.
public struct Trace: Codable, Equatable, Sendable {
  public let formula: String
  public let substituted: String
  public let result: String
  /// "EQ 4.2", or "" when the step is plain arithmetic with no numbered equation.
  public let eq: String
  public let notes: [String]

  public init(
    formula: String, substituted: String, result: String, eq: String = "", notes: [String] = []
  ) {
    self.formula = formula
    self.substituted = substituted
    self.result = result
    self.eq = eq
    self.notes = notes
  }

  /// One line: `formula = substituted = result (EQ x)`.
  public var line: String {
    "\(formula) = \(substituted) = \(result)" + (eq.isEmpty ? "" : " (\(eq))")
  }
}
