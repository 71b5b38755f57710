import SnapshotSupport
import Testing

@testable import TerminalUI

struct TextBlockTests {
  let prose: StyledText =
    StyledText("Tokens ", style: Style(attrs: .bold))
    + StyledText("flow through the model one at a time.\nSecond paragraph.")

  @Test func aNoBreakSpaceKeepsWordsTogetherAndIsDrawnAsASpace() {
    let text = StyledText("needs 103\u{00A0}GB but")
    let c = render(TextBlock(text), width: 11, height: 2)
    #expect(rows(c) == ["needs", "103 GB but"])
    #expect(c[3, 1].glyph == " ")
    // The ASCII glyph set leaves it alone too (it is drawn as a space, not a "?").
    #expect(GlyphSet.ascii.text("103\u{00A0}GB") == "103\u{00A0}GB")
  }

  @Test func wrapFillsLinesAndDropsOverflowRows() {
    let c = render(TextBlock(prose), width: 12, height: 3)
    #expect(rows(c) == ["Tokens flow", "through the", "model one at"])
  }

  @Test func clipAndEllipsisModes() {
    let clip = render(TextBlock(prose, overflow: .clip), width: 10, height: 2)
    #expect(rows(clip) == ["Tokens flo", "Second par"])
    let ell = render(TextBlock(prose, overflow: .ellipsis), width: 10, height: 2)
    #expect(rows(ell) == ["Tokens fl…", "Second pa…"])
    let ascii = render(
      TextBlock(prose, overflow: .ellipsis), width: 10, height: 1, context: asciiContext)
    #expect(rows(ascii) == ["Tokens fl~"])
  }

  @Test func alignment() {
    let centre = render(TextBlock("ab", alignment: .center), width: 7, height: 1)
    #expect(centre.line(0) == "  ab   ")
    let right = render(TextBlock("ab", alignment: .right), width: 7, height: 1)
    #expect(right.line(0) == "     ab")
  }

  @Test func firstLineScrolls() {
    let c = render(TextBlock(prose, firstLine: 2), width: 12, height: 2)
    #expect(rows(c) == ["model one at", "a time."])
  }

  @Test func staysInsideItsArea() {
    let area = Rect(x: 2, y: 1, width: 5, height: 2)
    let c = render(TextBlock(prose), width: 9, height: 4, area: area)
    #expect(rows(c) == ["", "  Token", "  s", ""])
  }

  @Test func baseFillsAreaAndUnderliesSpans() {
    let base = Style(fg: .white, bg: .blue)
    let c = render(
      TextBlock(StyledText("x", style: Style(fg: .red)), base: base), width: 3, height: 1)
    #expect(c[0, 0].style == Style(fg: .red, bg: .blue))
    #expect(c[2, 0].style == base)
  }

  @Test func tinyAreasAreSafe() {
    #expect(rows(render(TextBlock(prose), width: 1, height: 1)) == ["T"])
    #expect(render(TextBlock(prose), width: 0, height: 0).text.isEmpty)
    let empty = Rect(x: 1, y: 1, width: 0, height: 2)
    #expect(render(TextBlock(prose), width: 3, height: 3, area: empty).text == "\n\n")
  }

  @Test func snapshots() {
    for (mode, name) in [
      (TextBlock.Overflow.wrap, "wrap"), (.clip, "clip"), (.ellipsis, "ellipsis"),
    ] {
      for align in [TextAlignment.left, .center, .right] {
        let block = TextBlock(prose, overflow: mode, alignment: align)
        assertSnapshot(
          render(block, width: 16, height: 5), named: "textblock-\(name)-\(align)-16x5")
      }
    }
    assertSnapshot(render(TextBlock(prose), width: 1, height: 1), named: "textblock-1x1")
    let ascii = TextBlock(prose, overflow: .ellipsis)
    assertSnapshot(
      render(ascii, width: 12, height: 3, context: asciiContext),
      named: "textblock-ascii-ellipsis-12x3")
    assertSnapshot(render(TextBlock(prose), width: 0, height: 0), named: "textblock-0x0")
  }
}
