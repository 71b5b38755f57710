import Foundation
import TestSupport
import Testing

@testable import ForgeCore

/// `Exercise.figures` prints with the project's own `Format.fixed`, not Foundation's
/// formatter, and prints exactly what the `String(format:)` version printed. That version is
/// kept here as the reference; both run on the seed's and dealt exercises' answers and on
/// seeded random values over every magnitude the cards can show.
struct ExerciseFiguresFormatTests {
  /// `Exercise.figures` as it was written with `String(format:)`.
  static func reference(_ x: Double) -> String {
    let short = Format.number(x)
    let digits = short.prefix { $0 != "e" }.filter(\.isNumber).drop { $0 == "0" }
    if digits.reversed().drop(while: { $0 == "0" }).count <= 3, let v = Double(short),
      abs(v - x) <= abs(x) * 1e-12
    {
      return short
    }
    let magnitude = abs(x)
    if magnitude >= 1000 && magnitude < 1e4 { return String(format: "%.0f", x) }
    if magnitude >= 0.001 && magnitude < 1000 {
      let decimals = max(0, 2 - Int(floor(log10(magnitude))))
      return String(format: "%.\(decimals)f", x)
    }
    var exponent = Int(floor(log10(magnitude)))
    var mantissa = String(format: "%.2f", x / pow(10, Double(exponent)))
    if mantissa.hasPrefix("10.") || mantissa.hasPrefix("-10.") {
      exponent += 1
      mantissa = String(format: "%.2f", x / pow(10, Double(exponent)))
    }
    return mantissa + "e\(exponent)"
  }

  @Test func dealtAnswersPrintAsBefore() {
    for kind in Exercise.Kind.allCases {
      for deal in 0...200 as ClosedRange<UInt64> {
        let e = deal == 0 ? Exercise.seed(kind) : Exercise.another(kind, seed: deal)
        #expect(Exercise.figures(e.answer) == Self.reference(e.answer), "\(kind) deal \(deal)")
      }
    }
  }

  @Test func randomValuesPrintAsBefore() {
    var rng = SeededRandom(seed: 17)
    for _ in 0..<20_000 {
      let exponent = Double.random(in: -6...30, using: &rng)
      let sign: Double = Bool.random(using: &rng) ? 1 : -1
      // Some values on a rounding edge: three or four significant figures then a 5.
      let x =
        Bool.random(using: &rng)
        ? sign * pow(10, exponent)
        : sign * (Double(Int.random(in: 1000...9999, using: &rng)) + 0.5)
          * pow(10, Double(Int.random(in: -8...24, using: &rng)))
      #expect(Exercise.figures(x) == Self.reference(x), "\(x)")
    }
  }

  @Test func edgesPrintAsBefore() {
    for x in [999.95, 999.5, 1000, 9999.5, 9999.4, 0.001, 0.0009995, 9.995e5, 9.996e5, 1e4, 0.5] {
      #expect(Exercise.figures(x) == Self.reference(x), "\(x)")
    }
  }
}
