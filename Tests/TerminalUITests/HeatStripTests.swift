import SnapshotSupport
import Testing

@testable import TerminalUI

struct HeatStripTests {
  let row = HeatStrip([0.8, -0.4, 0, 0.01, -0.8, .nan, 0.2])

  @Test func levelsScaleByLargestMagnitude() {
    // 5 levels: |v| / 0.8 * 4, rounded; any non-zero value at least 1; NaN counts as 0.
    #expect(row.levels(count: 5) == [4, 2, 0, 1, 4, 0, 1])
    #expect(HeatStrip([0, 0]).levels(count: 5) == [0, 0])
  }

  @Test func signPicksStyle() {
    let c = render(row, width: 7, height: 1)
    #expect(c.line(0) == "█▒ ░█ ░")
    #expect(c[0, 0].style == Theme.dark.changedUp)
    #expect(c[1, 0].style == Theme.dark.changedDown)
  }

  @Test func cutWithEllipsisWhenTooLong() {
    let c = render(HeatStrip([1, 1, 1, 1], cellWidth: 2), width: 5, height: 1)
    #expect(c.line(0) == "██…  ")
    #expect(c[2, 0].style == Theme.dark.muted)
  }

  @Test func emptyAndTinyAreasAreSafe() {
    #expect(render(HeatStrip([]), width: 4, height: 1).text.isEmpty)
    #expect(render(row, width: 0, height: 0).text.isEmpty)
    #expect(render(row, width: 1, height: 1).line(0) == "…")
  }

  @Test func snapshots() {
    let values = (0..<24).map { Double($0 % 7 - 3) / 3 }
    for (ctx, set) in [(unicodeContext, "unicode"), (asciiContext, "ascii")] {
      assertSnapshot(
        render(HeatStrip(values), width: 30, height: 1, context: ctx), named: "heat-\(set)-30")
      assertSnapshot(
        render(HeatStrip(values, cellWidth: 2), width: 16, height: 1, context: ctx),
        named: "heat-\(set)-16")
    }
    assertSnapshot(render(HeatStrip(values), width: 1, height: 1), named: "heat-1x1")
  }
}
