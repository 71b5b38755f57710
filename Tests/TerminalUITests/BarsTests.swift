import SnapshotSupport
import Testing

@testable import TerminalUI

struct BarsTests {
  let top = Bars(
    [
      .probability("the", 0.5), .probability("a", 0.25, highlighted: true),
      .probability("cat", 0.0625),
    ], remainder: .probability("rest", 0.1875))

  @Test func percentFormatting() {
    #expect(Bar.percent(0.5) == "50.0%")
    #expect(Bar.percent(0.0625) == "6.3%")
    #expect(Bar.percent(1) == "100.0%")
    #expect(Bar.percent(0.00049) == "0.0%")
    #expect(Bar.percent(-0.25) == "-25.0%")
    #expect(Bar.percent(.nan) == "–")
  }

  @Test func smoothFillInEighths() {
    #expect(Bars.fill(0.5, width: 4, glyphs: .unicode) == "██  ")
    #expect(Bars.fill(0.0625, width: 4, glyphs: .unicode) == "▎   ")
    #expect(Bars.fill(1.0 / 32, width: 4, glyphs: .unicode) == "▏   ")
    #expect(Bars.fill(0.5 + 1.0 / 32 * 4, width: 4, glyphs: .unicode) == "██▌ ")
    #expect(Bars.fill(0.5 + 1.0 / 8, width: 4, glyphs: .ascii) == "##= ")
    #expect(Bars.fill(0.5 + 1.0 / 32, width: 4, glyphs: .ascii) == "##  ")
  }

  /// What a bar draws is its fill without the trailing blanks, for every width and eighth.
  @Test func theDrawnPartIsTheFillLessItsBlanks() {
    for glyphs in [GlyphSet.unicode, .ascii] {
      for width in 0...12 {
        for n in -2...(width * 8 + 2) {
          let f = Double(n) / Double(max(1, width * 8))
          var fill = Substring(Bars.fill(f, width: width, glyphs: glyphs))
          while fill.last == " " { fill.removeLast() }
          #expect(Bars.filled(f, width: width, glyphs: glyphs) == String(fill), "\(width) \(n)")
        }
      }
    }
  }

  @Test func outOfRangeFractionsDrawEmptyOrFull() {
    #expect(Bars.fill(-1, width: 3, glyphs: .unicode) == "   ")
    #expect(Bars.fill(.nan, width: 3, glyphs: .unicode) == "   ")
    #expect(Bars.fill(7, width: 3, glyphs: .unicode) == "███")
    #expect(Bars.fill(0.5, width: 0, glyphs: .unicode) == "")
  }

  @Test func rowsWithMarkerAndRightAlignedValues() {
    let c = render(top, width: 24, height: 4)
    // Columns: marker 2, label 4, gap, bar 11, gap, value 5; 88 eighths per bar:
    // 0.5 -> 44 = 5 full + 4, 0.25 -> 22 = 2 + 6, 0.0625 -> 5.5 -> 6, 0.1875 -> 16.5 -> 17.
    #expect(
      rows(c) == [
        "  the  █████▌      50.0%",
        "▶ a    ██▊         25.0%",
        "  cat  ▊            6.3%",
        "  rest ██▏         18.8%",
      ])
    #expect(c[7, 1].style == Theme.dark.barHighlight)
    #expect(c[7, 0].style == Theme.dark.barFill)
    #expect(c[7, 3].style == Theme.dark.muted)
    #expect(c[16, 0].style == Theme.dark.barEmpty)
  }

  @Test func clipsToHeightAndTinyAreasAreSafe() {
    #expect(rows(render(top, width: 24, height: 1)) == ["  the  █████▌      50.0%"])
    for (w, h) in [(0, 0), (1, 1), (3, 2), (8, 1)] {
      #expect(render(top, width: w, height: h).size == Size(width: w, height: h))
    }
  }

  @Test func snapshots() {
    for (ctx, set) in [(unicodeContext, "unicode"), (asciiContext, "ascii")] {
      assertSnapshot(render(top, width: 40, height: 5, context: ctx), named: "bars-\(set)-40x5")
      assertSnapshot(render(top, width: 14, height: 2, context: ctx), named: "bars-\(set)-14x2")
    }
    assertSnapshot(render(Bars([]), width: 10, height: 2), named: "bars-empty")
    assertSnapshot(
      render(top, width: 30, height: 4, context: plainContext), named: "bars-monochrome-ascii-30x4")
  }
}
