import SnapshotSupport
import Testing

@testable import TerminalUI

struct StageStripTests {
  let stages = [
    Stage("text"), Stage("tokens", short: "tok"), Stage("embed", short: "emb"),
    Stage("attention", short: "attn"), Stage("MLP ×2", short: "MLP"),
    Stage("unembed", short: "unemb"), Stage("logits", short: "logit"),
    Stage("sample", short: "samp"), Stage("append", short: "app"),
  ]

  @Test func fullNamesFitIn80Columns() {
    let c = render(StageStrip(stages, lit: 3), width: 80, height: 1)
    #expect(
      rows(c) == ["text › tokens › embed › attention › MLP ×2 › unembed › logits › sample › append"]
    )
    #expect(c[24, 0].style == Theme.dark.selection)
    #expect(c[0, 0].style == Theme.dark.good)
    #expect(c[36, 0].style == Theme.dark.muted)
    #expect(c[5, 0].style == Theme.dark.border)
    #expect(c[4, 0].style == .plain)
  }

  @Test func abbreviatesWhenNarrow() {
    let strip = StageStrip(stages, lit: 0)
    // Full names: 55 columns of names and 8 gaps; short names: 34 columns.
    #expect(strip.layout(width: 81).padding == 1)
    #expect(strip.layout(width: 79).labels[1] == "tokens")
    #expect(strip.layout(width: 79).padding == 0)
    // Whole words separated by single spaces come before any abbreviation (63 columns).
    #expect(strip.layout(width: 78).labels[1] == "tokens")
    #expect(strip.layout(width: 63).gap == 1)
    #expect(strip.layout(width: 62).labels[1] == "tok")
    #expect(strip.layout(width: 60).padding == 1)
    #expect(strip.layout(width: 59).gap == 3)
    #expect(strip.layout(width: 57).gap == 1)
    let rects = strip.hitRects(in: Rect(x: 0, y: 0, width: 20, height: 1))
    #expect(rects.allSatisfy { $0.isEmpty || $0.maxX <= 20 })
  }

  @Test func noneLitIsAllMutedAndHitTesting() {
    let strip = StageStrip(stages, lit: nil)
    let c = render(strip, width: 80, height: 1)
    #expect(c[1, 0].style == Theme.dark.muted)
    let area = Rect(x: 0, y: 0, width: 80, height: 1)
    #expect(strip.stage(at: Point(x: 7, y: 0), in: area) == 1)
    #expect(strip.stage(at: Point(x: 5, y: 0), in: area) == nil)
  }

  @Test func tinyAreasAreSafe() {
    for w in [0, 1, 5, 9] {
      #expect(render(StageStrip(stages, lit: 2), width: w, height: 1).size.width == w)
    }
  }

  @Test func snapshots() {
    for (ctx, set) in [(unicodeContext, "unicode"), (asciiContext, "ascii")] {
      for width in [80, 60, 40] {
        assertSnapshot(
          render(StageStrip(stages, lit: 6), width: width, height: 1, context: ctx),
          named: "stages-\(set)-\(width)")
      }
    }
    let plain = render(StageStrip(stages, lit: 4), width: 60, height: 1, context: plainContext)
    assertSnapshot(plain, named: "stages-monochrome-ascii-60")
    assertSnapshot(render(StageStrip(stages, lit: 4), width: 0, height: 0), named: "stages-0x0")
  }
}
