import Foundation

/// One axis of a plot: its range, linear or base-10 logarithmic, and a name.
public struct PlotAxis: Hashable, Sendable {
  public enum Scale: Hashable, Sendable { case linear, log }

  public var range: ClosedRange<Double>
  public var scale: Scale
  public var label: String

  public init(_ range: ClosedRange<Double>, scale: Scale = .linear, label: String = "") {
    self.range = range
    self.scale = scale
    self.label = label
  }

  /// Whether the axis can map values: finite bounds, a non-zero span, positive for log.
  public var isValid: Bool {
    range.lowerBound.isFinite && range.upperBound.isFinite && range.upperBound > range.lowerBound
      && (scale == .linear || range.lowerBound > 0)
  }

  /// Where `v` falls along the axis, 0 at the low end and 1 at the high end (outside 0...1
  /// when out of range); nil when it cannot be placed (not finite, or not positive on log).
  public func position(_ v: Double) -> Double? {
    guard isValid, v.isFinite else { return nil }
    switch scale {
    case .linear:
      return (v - range.lowerBound) / (range.upperBound - range.lowerBound)
    case .log:
      guard v > 0 else { return nil }
      let lo = Foundation.log10(range.lowerBound)
      return (Foundation.log10(v) - lo) / (Foundation.log10(range.upperBound) - lo)
    }
  }

  /// `position` with the axis's constants worked out once, for the many points of a curve:
  /// the same arithmetic on the same numbers, so the same results.
  struct Positioner {
    let valid: Bool
    let log: Bool
    /// The low end (its logarithm on a log axis) and the span up to the high end.
    let low: Double
    let span: Double

    @inline(__always) func position(_ v: Double) -> Double? {
      guard valid, v.isFinite else { return nil }
      if !log { return (v - low) / span }
      guard v > 0 else { return nil }
      return (Foundation.log10(v) - low) / span
    }
  }

  var positioner: Positioner {
    guard isValid else { return Positioner(valid: false, log: false, low: 0, span: 1) }
    switch scale {
    case .linear:
      return Positioner(
        valid: true, log: false, low: range.lowerBound,
        span: range.upperBound - range.lowerBound)
    case .log:
      let lo = Foundation.log10(range.lowerBound)
      return Positioner(
        valid: true, log: true, low: lo, span: Foundation.log10(range.upperBound) - lo)
    }
  }

  /// Tick values inside the range: powers of ten on a log axis that spans at least two of
  /// them, otherwise round steps (1, 2 or 5 times a power of ten) giving about five ticks.
  public var ticks: [Double] {
    guard isValid else { return [] }
    if let decades { return decades }
    let step = tickStep
    var out: [Double] = []
    let first = Foundation.ceil(range.lowerBound / step - 1e-9)
    // At most a dozen round steps fit; the bound also ends the loop when the range is too
    // narrow for its magnitude (k + 1 == k in floating point).
    for i in 0..<12 {
      let v = (first + Double(i)) * step
      if v > range.upperBound + step * 1e-9 { break }
      if out.last == v { break }
      out.append(v)
    }
    return out
  }

  /// The powers of ten inside a log axis, when there are at least two.
  private var decades: [Double]? {
    guard scale == .log, isValid else { return nil }
    let first = Int(Foundation.ceil(Foundation.log10(range.lowerBound) - 1e-9))
    let last = Int(Foundation.floor(Foundation.log10(range.upperBound) + 1e-9))
    return last > first ? (first...last).map { Foundation.pow(10, Double($0)) } : nil
  }

  /// The step between round ticks.
  var tickStep: Double {
    let rough = (range.upperBound - range.lowerBound) / 5
    let magnitude = Foundation.pow(10, Foundation.floor(Foundation.log10(rough)))
    return [1, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough * (1 - 1e-9) } ?? 10 * magnitude
  }

  /// A short tick label: "1e21" for large or small powers of ten on a log axis, plain
  /// numbers with as many decimals as the step needs otherwise.
  public func label(for tick: Double) -> String {
    if decades != nil, tick > 0 {
      let e = Int(Foundation.log10(tick).rounded())
      return (-2...3).contains(e) ? Self.fixed(tick, decimals: max(0, -e)) : "1e\(e)"
    }
    let decimals = max(0, -Int(Foundation.floor(Foundation.log10(tickStep) + 1e-9)))
    return Self.fixed(tick, decimals: decimals)
  }

  /// `v` with a fixed number of decimals, e.g. fixed(2.5, 2) = "2.50".
  static func fixed(_ v: Double, decimals: Int) -> String {
    let scale = Foundation.pow(10, Double(decimals))
    let n = Int((abs(v) * scale).rounded())
    let sign = v < 0 && n != 0 ? "-" : ""
    guard decimals > 0 else { return sign + String(n) }
    let unit = Int(scale)
    let frac = String(n % unit)
    return sign + String(n / unit) + "." + String(repeating: "0", count: decimals - frac.count)
      + frac
  }
}
