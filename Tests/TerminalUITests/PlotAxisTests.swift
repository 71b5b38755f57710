import Testing

@testable import TerminalUI

struct PlotAxisTests {
  @Test func linearPositions() {
    let a = PlotAxis(2...4)
    #expect(a.position(2) == 0)
    #expect(a.position(3) == 0.5)
    #expect(a.position(5) == 1.5)
    #expect(a.position(.nan) == nil)
  }

  @Test func logPositions() {
    let a = PlotAxis(1e8...1e12, scale: .log)
    #expect(a.position(1e10)! == 0.5)
    #expect(abs(a.position(1e9)! - 0.25) < 1e-12)
    #expect(a.position(0) == nil)
    #expect(a.position(-5) == nil)
  }

  @Test func invalidAxesPlaceNothing() {
    for a in [PlotAxis(0...10, scale: .log), PlotAxis(3...3), PlotAxis(0...Double.infinity)] {
      #expect(!a.isValid)
      #expect(a.position(1) == nil)
      #expect(a.ticks.isEmpty)
    }
  }

  @Test func logTicksAreDecadesWithShortLabels() {
    let a = PlotAxis(3e19...2e23, scale: .log)
    #expect(zip(a.ticks, [1e20, 1e21, 1e22, 1e23]).allSatisfy { abs($0 / $1 - 1) < 1e-12 })
    #expect(a.ticks.count == 4)
    #expect(a.ticks.map(a.label(for:)) == ["1e20", "1e21", "1e22", "1e23"])
    let small = PlotAxis(0.01...1000, scale: .log)
    #expect(small.ticks.map(small.label(for:)) == ["0.01", "0.1", "1", "10", "100", "1000"])
  }

  @Test func narrowLogAxisFallsBackToRoundSteps() {
    let a = PlotAxis(1.8...3.2, scale: .log)
    #expect(a.ticks.map(a.label(for:)) == ["2.0", "2.5", "3.0"])
  }

  @Test func linearTicksUseRoundSteps() {
    let a = PlotAxis(0...100)
    #expect(a.ticks.map(a.label(for:)) == ["0", "20", "40", "60", "80", "100"])
    let b = PlotAxis(-1...1)
    #expect(b.ticks.map(b.label(for:)) == ["-1.0", "-0.5", "0.0", "0.5", "1.0"])
  }

  @Test func rangesNarrowForTheirMagnitudeEnd() {
    let a = PlotAxis(1e17...(1e17 + 64))
    #expect(a.ticks.count <= 12)
    #expect(!a.ticks.isEmpty)
    #expect(PlotAxis(-1e300...1e300).ticks.count == 5)
  }

  @Test func fixedFormatting() {
    #expect(PlotAxis.fixed(2.5, decimals: 2) == "2.50")
    #expect(PlotAxis.fixed(0.05, decimals: 2) == "0.05")
    #expect(PlotAxis.fixed(-0.0001, decimals: 1) == "0.0")
    #expect(PlotAxis.fixed(1234, decimals: 0) == "1234")
  }
}
