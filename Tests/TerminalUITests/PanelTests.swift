import SnapshotSupport
import Testing

@testable import TerminalUI

struct PanelTests {
  @Test func drawsRoundedBoxWithTitleAndReturnsInner() {
    var c = Canvas(size: Size(width: 12, height: 4))
    let inner = Panel("Forge").draw(into: &c, area: c.bounds, context: unicodeContext)
    #expect(inner == Rect(x: 1, y: 1, width: 10, height: 2))
    #expect(rows(c) == ["╭─ Forge ──╮", "│          │", "│          │", "╰──────────╯"])
    #expect(c[3, 0].style == Theme.dark.title)
    #expect(c[0, 0].style == Theme.dark.border)
  }

  @Test func asciiBox() {
    let c = render(Panel("Forge"), width: 10, height: 3, context: asciiContext)
    #expect(rows(c) == ["+- For~ -+", "|        |", "+--------+"])
  }

  @Test func focusChangesBorderAndTitleStyle() {
    let c = render(Panel("A", focused: true), width: 8, height: 3)
    #expect(c[0, 0].style == Theme.dark.borderFocus)
    #expect(c[3, 0].style == Theme.dark.title.adding(.bold))
  }

  @Test func titleNeverReachesTheCorners() {
    for width in 2...12 {
      let c = render(Panel("A very long title"), width: width, height: 3)
      let top = c.line(0)
      #expect(top.first == "╭")
      #expect(top.last == "╮")
      if width >= 4 { #expect(Array(top)[width - 2] == "─") }
    }
  }

  @Test func tinySizesAreSafe() {
    for (w, h) in [(0, 0), (1, 1), (1, 5), (5, 1)] {
      var c = Canvas(size: Size(width: w, height: h))
      let inner = Panel("T").draw(into: &c, area: c.bounds, context: unicodeContext)
      #expect(inner.isEmpty)
      #expect(c == Canvas(size: Size(width: w, height: h)))
    }
    var c = Canvas(size: Size(width: 2, height: 2))
    let inner = Panel("T").draw(into: &c, area: c.bounds, context: unicodeContext)
    #expect(inner.isEmpty)
    #expect(rows(c) == ["╭╮", "╰╯"])
  }

  @Test func backgroundUnderliesBorder() {
    let bg = Style(fg: .white, bg: .blue)
    let c = render(Panel("T", background: bg), width: 8, height: 3)
    #expect(c[0, 0].style.bg == .blue)
    #expect(c[3, 0].style.bg == .blue)
  }

  @Test func snapshots() {
    for (ctx, set) in [(unicodeContext, "unicode"), (asciiContext, "ascii")] {
      for focused in [false, true] {
        let panel = Panel("Token Journey", focused: focused)
        let name = "panel-\(set)-\(focused ? "focused" : "plain")"
        assertSnapshot(render(panel, width: 20, height: 4, context: ctx), named: name + "-20x4")
        assertSnapshot(render(panel, width: 9, height: 3, context: ctx), named: name + "-9x3")
      }
      for size in [2, 1] {
        let c = render(Panel("X"), width: size, height: size, context: ctx)
        assertSnapshot(c, named: "panel-\(set)-\(size)x\(size)")
      }
    }
    let plain = render(Panel("Forge", focused: true), width: 16, height: 3, context: plainContext)
    assertSnapshot(plain, named: "panel-monochrome-ascii-focused-16x3")
    assertSnapshot(render(Panel("X"), width: 0, height: 0), named: "panel-0x0")
  }
}
