import ForgeCore
import Foundation
import TestSupport
import Testing

/// `Format.fixed` must print what `String(format: "%.Nf")` prints, digit for digit.
@Suite struct FixedPointTests {
  @Test func tiesRoundHalfToEvenOnTheBinaryValue() {
    // Exact binary ties go to even; 1.005 and 1.015 lie just below their "ties".
    let cases: [(Double, Int, String)] = [
      (0.125, 2, "0.12"), (0.375, 2, "0.38"), (2.5, 0, "2"), (3.5, 0, "4"), (0.5, 0, "0"),
      (1.005, 2, "1.00"), (1.015, 2, "1.01"), (-0.0, 1, "-0.0"), (-0.01, 1, "-0.0"),
      (0, 3, "0.000"), (1e-30, 2, "0.00"), (999.95, 1, "1000.0"), (68.4, 0, "68"),
    ]
    for (x, d, text) in cases {
      #expect(Format.fixed(x, d) == text, "\(x) to \(d)")
      #expect(Format.fixed(x, d) == String(format: "%.\(d)f", x), "\(x) to \(d)")
    }
  }

  @Test func agreesWithPrintfOverManyMagnitudes() {
    // A fixed-seed walk over values from 1e-12 to 1e16 and 0 to 8 decimals, signs, halves,
    // and values at the edge of 63 bits (those fall back to the formatter).
    var rng = SeededRandom(seed: 14)
    var checked = 0
    for _ in 0..<20_000 {
      let exponent = Double(rng.next() % 2900) / 100 - 12
      var x = pow(10, exponent) * (rng.next() % 2 == 0 ? 1 : -1)
      if rng.next() % 4 == 0 { x = (x * 8).rounded() / 8 }  // binary ties
      let d = Int(rng.next() % 9)
      #expect(Format.fixed(x, d) == String(format: "%.\(d)f", x), "\(x) to \(d)")
      checked += 1
    }
    for x in [
      Double.nan, .infinity, -.infinity, 9.2e18, .greatestFiniteMagnitude, .leastNonzeroMagnitude,
    ] {
      for d in [0, 1, 3] { #expect(Format.fixed(x, d) == String(format: "%.\(d)f", x)) }
    }
    #expect(checked == 20_000)
  }
}

/// `Format.significant` trims what printf printed: checked against the formatter itself.
@Suite struct SignificantTests {
  @Test func trimsTheFormattersDigits() {
    var rng = SeededRandom(seed: 5)
    for _ in 0..<5000 {
      let exponent = Double(rng.next() % 2400) / 100 - 9
      let x = pow(10, exponent) * (rng.next() % 2 == 0 ? 1 : -1)
      let digits = Int(1 + rng.next() % 5)
      let magnitude = Int(floor(log10(abs(x))))
      var s = String(format: "%.\(max(0, digits - 1 - magnitude))f", x)
      if s.contains(".") {
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
      }
      #expect(Format.significant(x, digits) == s, "\(x) to \(digits)")
    }
    #expect(Format.significant(2.50, 3) == "2.5")
    #expect(Format.significant(100, 3) == "100")
    #expect(Format.significant(0.0004, 2) == "0.0004")
  }
}
