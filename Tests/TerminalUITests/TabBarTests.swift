import SnapshotSupport
import Testing

@testable import TerminalUI

struct TabBarTests {
  let tabs = [
    Tab(key: "F1", title: "Forge"), Tab(key: "F2", title: "Token Journey", shortTitle: "Journey"),
    Tab(key: "F3", title: "Lifecycle", shortTitle: "Life"),
    Tab(key: "F4", title: "Exercises", shortTitle: "Ex"),
    Tab(key: "F5", title: "Reading", shortTitle: "Read"),
  ]

  @Test func fullLabelsWhenWide() {
    let c = render(TabBar(tabs, active: 1), width: 80, height: 1)
    #expect(c.line(0).hasPrefix(" F1 Forge   F2 Token Journey   F3 Lifecycle "))
    #expect(c[12, 0].style == Theme.dark.tabActive)
    #expect(c[0, 0].style == Theme.dark.tabInactive)
  }

  @Test func compressesStepByStep() {
    let bar = TabBar(tabs, active: 0)
    #expect(bar.layout(width: 80).labels[1] == "F2 Token Journey")
    #expect(bar.layout(width: 72).labels[1] == "F2 Token Journey")
    #expect(bar.layout(width: 71).labels[1] == "F2 Journey")
    #expect(bar.layout(width: 51).padding == 1)
    #expect(bar.layout(width: 50).padding == 0)
    #expect(bar.layout(width: 41).labels[1] == "F2 Journey")
    #expect(bar.layout(width: 30).labels == ["Forge", "Journey", "Life", "Ex", "Read"])
    #expect(bar.layout(width: 16).labels == ["F1", "F2", "F3", "F4", "F5"])
    #expect(bar.layout(width: 9).labels == ["F", "J", "L", "E", "R"])
  }

  @Test func everyLabelFitsItsWidth() {
    for width in 0...90 {
      let rects = TabBar(tabs, active: 2).hitRects(in: Rect(x: 0, y: 0, width: width, height: 1))
      #expect(rects.count == tabs.count)
      #expect(rects.allSatisfy { $0.isEmpty || $0.maxX <= width })
    }
  }

  @Test func hitRectsFindTabs() {
    let area = Rect(x: 0, y: 2, width: 80, height: 1)
    let bar = TabBar(tabs, active: 0)
    let rects = bar.hitRects(in: area)
    #expect(rects[0] == Rect(x: 0, y: 2, width: 10, height: 1))
    #expect(rects[1] == Rect(x: 11, y: 2, width: 18, height: 1))
    #expect(bar.tab(at: Point(x: 11, y: 2), in: area) == 1)
    #expect(bar.tab(at: Point(x: 10, y: 2), in: area) == nil)
    #expect(bar.tab(at: Point(x: 11, y: 3), in: area) == nil)
  }

  @Test func emptyAndTinyAreasAreSafe() {
    #expect(render(TabBar(tabs, active: 0), width: 0, height: 0).text.isEmpty)
    #expect(render(TabBar([], active: 0), width: 10, height: 1).text.isEmpty)
    #expect(rows(render(TabBar(tabs, active: 0), width: 1, height: 1)) == ["F"])
  }

  @Test func snapshots() {
    for width in [100, 80, 50, 30, 12] {
      let c = render(TabBar(tabs, active: 1), width: width, height: 1)
      assertSnapshot(c, named: "tabbar-\(width)")
    }
    let plain = render(TabBar(tabs, active: 2), width: 80, height: 1, context: plainContext)
    assertSnapshot(plain, named: "tabbar-monochrome-ascii-80")
    assertSnapshot(render(TabBar(tabs, active: 0), width: 0, height: 0), named: "tabbar-0x0")
  }
}
