import SnapshotSupport
import Testing

@testable import TerminalUI

struct PlotTests {
  /// An IsoFLOP-like valley: loss against parameters, lowest at 10^10.
  var plot: Plot {
    let curve = stride(from: 8.0, through: 12.0, by: 0.05).map { e in
      PlotPoint(x: pow10(e), y: 2 + 0.3 * (e - 10) * (e - 10))
    }
    return Plot(
      x: PlotAxis(1e8...1e12, scale: .log, label: "params"),
      y: PlotAxis(1.8...3.4, label: "loss"),
      series: [PlotSeries(curve, style: Theme.dark.barFill)],
      markers: [
        PlotMarker(
          at: PlotPoint(x: 1e10, y: 2), glyph: "◆", label: "optimum", style: Theme.dark.good),
        PlotMarker(
          at: PlotPoint(x: 1e11, y: 2.3), glyph: "●", label: "yours", style: Theme.dark.accent),
      ])
  }

  func pow10(_ e: Double) -> Double {
    var v = 1.0
    for _ in 0..<Int(e) { v *= 10 }
    return v * exp10Fraction(e - Double(Int(e)))
  }

  /// 10^f for 0 <= f < 1 by repeated square roots, so the test computes its curve without
  /// sharing the code under test.
  func exp10Fraction(_ f: Double) -> Double {
    var result = 1.0
    var root = 10.0
    var rest = f
    for _ in 0..<40 {
      root = root.squareRoot()
      if rest >= 0.5 {
        result *= root
        rest = (rest - 0.5) * 2
      } else {
        rest *= 2
      }
    }
    return result
  }

  @Test func plotRectLeavesRoomForAxes() {
    let area = Rect(x: 0, y: 0, width: 40, height: 12)
    // y tick labels "2.0".."3.4" are 3 wide, then the axis column.
    #expect(plot.plotRect(in: area) == Rect(x: 4, y: 1, width: 36, height: 9))
  }

  @Test func cellsOfDataPoints() {
    let area = Rect(x: 0, y: 0, width: 40, height: 12)
    #expect(plot.cell(for: PlotPoint(x: 1e8, y: 3.4), in: area) == Point(x: 4, y: 1))
    #expect(plot.cell(for: PlotPoint(x: 1e12, y: 1.8), in: area) == Point(x: 39, y: 9))
    #expect(plot.cell(for: PlotPoint(x: 1e10, y: 2.6), in: area) == Point(x: 22, y: 5))
    #expect(plot.cell(for: PlotPoint(x: 1e13, y: 2), in: area) == nil)
    #expect(plot.cell(for: PlotPoint(x: -1, y: 2), in: area) == nil)
  }

  @Test func drawsAxesTicksCurveAndMarkers() {
    let c = render(plot, width: 40, height: 12)
    let lines = rows(c)
    #expect(lines[0].hasPrefix("loss"))
    #expect(lines[0].hasSuffix("params"))
    #expect(lines[10].hasPrefix("   ╰┬"))
    #expect(lines[11].hasPrefix("   1e8 "))
    #expect(lines[11].hasSuffix("1e12"))
    let optimum = plot.cell(for: PlotPoint(x: 1e10, y: 2), in: c.bounds)!
    #expect(c[optimum.x, optimum.y].glyph == "◆")
    #expect(c.line(optimum.y).contains("◆ optimum"))
    // The curve reaches both edges of the plot (x 4 and 39) as Braille dots.
    for x in [4, 39] {
      let curve = (1..<10).filter { c[x, $0].glyph.unicodeScalars.first!.value & 0xFF00 == 0x2800 }
      #expect(!curve.isEmpty)
      #expect(curve.allSatisfy { c[x, $0].style == Theme.dark.barFill })
    }
  }

  /// A labelled marker on the curve keeps a blank cell before it and after its label, so the
  /// curve never runs into the text (issue 17); a bare marker clears nothing.
  @Test func aLabelKeepsACellsGapFromTheCurve() {
    var p = plot
    p.markers = [
      PlotMarker(at: PlotPoint(x: 3.1623e9, y: 2.075), glyph: "○", label: "model"),
      PlotMarker(at: PlotPoint(x: 1e11, y: 2.3), glyph: "○"),
    ]
    let c = render(p, width: 40, height: 12)
    let m = p.cell(for: p.markers[0].at, in: c.bounds)!
    #expect(c.line(m.y).contains("○ model"))
    #expect(c[m.x - 1, m.y].glyph == " ", "the cell before the marker")
    #expect(c[m.x + 2 + "model".count, m.y].glyph == " ", "the cell after the label")
    let bare = p.cell(for: p.markers[1].at, in: c.bounds)!
    let isDots = { (x: Int) in c[x, bare.y].glyph.unicodeScalars.first!.value & 0xFF00 == 0x2800 }
    #expect(isDots(bare.x - 1) || isDots(bare.x + 1), "the curve still touches a bare marker")
  }

  @Test func asciiUsesStarsAndPlainAxes() {
    let c = render(plot, width: 40, height: 12, context: asciiContext)
    #expect(c.text.allSatisfy { $0.isASCII || $0 == "◆" || $0 == "●" })
    #expect((1..<10).contains { c[4, $0].glyph == "*" })
    #expect(rows(c)[10].hasPrefix("   ++"))
  }

  @Test func pointsThatCannotBePlacedBreakTheCurve() {
    let p = Plot(
      x: PlotAxis(1...100, scale: .log), y: PlotAxis(0...1),
      series: [
        PlotSeries([PlotPoint(x: 1, y: 0), PlotPoint(x: -1, y: 0.5), PlotPoint(x: 100, y: 1)])
      ])
    let c = render(p, width: 20, height: 8, context: asciiContext)
    let plotRect = p.plotRect(in: c.bounds)
    var stars = 0
    for y in plotRect.y..<plotRect.maxY {
      for x in plotRect.x..<plotRect.maxX where c[x, y].glyph == "*" { stars += 1 }
    }
    #expect(stars == 2)
  }

  @Test func tinyAndInvalidAreasDrawNothing() {
    for (w, h) in [(0, 0), (1, 1), (5, 4), (40, 4)] {
      let c = render(plot, width: w, height: h)
      #expect(c == Canvas(size: Size(width: w, height: h)))
    }
    let bad = Plot(x: PlotAxis(0...1, scale: .log), y: PlotAxis(0...1))
    #expect(render(bad, width: 30, height: 10) == Canvas(size: Size(width: 30, height: 10)))
  }

  @Test func snapshots() {
    for (ctx, set) in [(unicodeContext, "unicode"), (asciiContext, "ascii")] {
      assertSnapshot(render(plot, width: 60, height: 16, context: ctx), named: "plot-\(set)-60x16")
      assertSnapshot(render(plot, width: 30, height: 8, context: ctx), named: "plot-\(set)-30x8")
    }
    assertSnapshot(render(plot, width: 9, height: 5), named: "plot-9x5")
  }
}
