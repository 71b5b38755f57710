import SnapshotSupport
import Testing

@testable import TerminalUI

struct KeyHintBarTests {
  let hints = [
    KeyHint("q", "quit", priority: 9), KeyHint("?", "help", priority: 8),
    KeyHint("Tab", "next", priority: 5), KeyHint("←→", "adjust", priority: 3),
    KeyHint("r", "reset", priority: 1), KeyHint("a", "auto", priority: 1),
  ]

  @Test func allFitWhenWide() {
    let c = render(KeyHintBar(hints), width: 60, height: 1)
    #expect(rows(c) == [" q quit  ? help  Tab next  ←→ adjust  r reset  a auto"])
    #expect(c[1, 0].style == Theme.dark.key.over(Theme.dark.hintBar))
    #expect(c[3, 0].style == Theme.dark.hintBar)
    #expect(c[59, 0].style == Theme.dark.hintBar)
  }

  @Test func dropsLowestPriorityLaterFirst() {
    let bar = KeyHintBar(hints)
    #expect(bar.visible(width: 46).map(\.key) == ["q", "?", "Tab", "←→", "r"])
    #expect(bar.visible(width: 37).map(\.key) == ["q", "?", "Tab", "←→"])
    #expect(bar.visible(width: 20).map(\.key) == ["q", "?"])
    #expect(bar.visible(width: 5).isEmpty)
  }

  @Test func neverWiderThanRow() {
    for width in 0...60 {
      let used = KeyHintBar(hints).visible(width: width).map {
        $0.key.displayWidth + 1 + $0.label.displayWidth
      }
      let total = used.reduce(0, +) + 2 * max(0, used.count - 1) + 2
      #expect(used.isEmpty || total <= width)
    }
  }

  @Test func snapshots() {
    for width in [60, 40, 20, 1] {
      assertSnapshot(render(KeyHintBar(hints), width: width, height: 1), named: "keyhints-\(width)")
    }
    let plain = render(KeyHintBar(hints), width: 40, height: 1, context: plainContext)
    assertSnapshot(plain, named: "keyhints-monochrome-ascii-40")
  }
}
