import SnapshotSupport
import Testing

@testable import TerminalUI

struct OverlayTests {
  let help = Overlay(
    "Help",
    lines: [
      StyledText("Tab", style: Style(attrs: .bold)) + " next screen",
      "q quit, Esc closes this box",
    ])

  func background(_ w: Int, _ h: Int) -> Canvas {
    var c = Canvas(size: Size(width: w, height: h))
    c.fill(c.bounds, glyph: "x")
    return c
  }

  @Test func centredAndSizedToContent() {
    let frame = help.frame(in: Rect(x: 0, y: 0, width: 80, height: 24))
    #expect(frame == Rect(x: 24, y: 10, width: 31, height: 4))
  }

  @Test func clearsUnderAndWrapsWhenNarrow() {
    var c = background(20, 8)
    help.render(into: &c, area: c.bounds, context: unicodeContext)
    #expect(
      rows(c) == [
        "xxxxxxxxxxxxxxxxxxxx",
        "╭─ Help ───────────╮",
        "│ Tab next screen  │",
        "│ q quit, Esc      │",
        "│ closes this box  │",
        "╰──────────────────╯",
        "xxxxxxxxxxxxxxxxxxxx",
        "xxxxxxxxxxxxxxxxxxxx",
      ])
    #expect(c[5, 2].style.bg == Theme.dark.overlay.bg)
  }

  @Test func scrollsWithArrowsWhenTallerThanTheArea() {
    let long = Overlay("Trace", lines: (1...10).map { StyledText("line \($0)") })
    let area = Rect(x: 0, y: 0, width: 20, height: 6)
    #expect(long.lastFirstLine(in: area) == 6)
    let top = render(long, width: 20, height: 6)
    #expect(rows(top)[1].contains("line 1 "))
    #expect(rows(top)[5].contains("▼"))
    #expect(!rows(top)[0].contains("▲"))
    var scrolled = long
    scrolled.firstLine = 99
    let bottom = render(scrolled, width: 20, height: 6)
    #expect(rows(bottom)[4].contains("line 10"))
    #expect(rows(bottom)[0].contains("▲"))
    #expect(!rows(bottom)[5].contains("▼"))
    #expect(help.lastFirstLine(in: area) == 0)
  }

  @Test func tinyAreasAreSafe() {
    for (w, h) in [(0, 0), (1, 1), (2, 2), (3, 1)] {
      var c = background(w, h)
      help.render(into: &c, area: c.bounds, context: unicodeContext)
      #expect(c.size == Size(width: w, height: h))
    }
  }

  @Test func snapshots() {
    for (ctx, set) in [(unicodeContext, "unicode"), (asciiContext, "ascii")] {
      var c = background(40, 8)
      help.render(into: &c, area: c.bounds, context: ctx)
      assertSnapshot(c, named: "overlay-\(set)-40x8")
      var small = background(12, 4)
      help.render(into: &small, area: small.bounds, context: ctx)
      assertSnapshot(small, named: "overlay-\(set)-12x4")
    }
    var plain = background(40, 8)
    help.render(into: &plain, area: plain.bounds, context: plainContext)
    assertSnapshot(plain, named: "overlay-monochrome-ascii-40x8")
    var trace = Overlay("Trace", lines: (1...10).map { StyledText("line \($0)") })
    trace.firstLine = 3
    assertSnapshot(render(trace, width: 24, height: 6), named: "overlay-unicode-scrolled-24x6")
  }
}
