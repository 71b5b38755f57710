import SnapshotSupport
import TerminalUI
import Testing

@testable import Instruments

struct ReadingTests {
  static let size = Size(width: 80, height: 24)

  func app(_ keys: [Key], size: Size = size) -> (AppState, App.Outcome?) {
    var s = AppState(screen: .reading, size: size)
    var last: App.Outcome?
    for key in keys { last = App.update(&s, .key(key)) }
    return (s, last)
  }

  @Test func upAndDownChooseAndStopAtTheEnds() {
    #expect(app([.down, .down]).0.reading.selected == 2)
    #expect(app([.up]).0.reading.selected == 0)
    #expect(app([.end, .down]).0.reading.selected == ReadingEntry.all.count - 1)
    #expect(app([.end, .home]).0.reading.selected == 0)
  }

  @Test func enterOpensTheEntrysScreen() {
    for (i, entry) in ReadingEntry.all.enumerated() {
      let (s, _) = app(Array(repeating: .down, count: i) + [.enter])
      #expect(s.screen == entry.screen)
    }
  }

  @Test func clickChoosesARowAndASecondClickOpensIt() {
    let body = ShellLayout(size: Self.size).body
    let table = ReadingLayout(body).table
    var s = AppState(screen: .reading, size: Self.size)
    let click = Event.mouse(MouseEvent(.press, x: table.x + 2, y: table.y + 3))
    _ = App.update(&s, click)
    #expect(s.reading.selected == 2 && s.screen == .reading)
    _ = App.update(&s, click)
    #expect(s.screen == ReadingEntry.all[2].screen)
  }

  @Test func everyEntryNamesItsScreenOnTheTable() {
    let text = App.view(app([]).0).text
    for entry in ReadingEntry.all {
      #expect(text.contains(entry.want))
      #expect(!entry.items.isEmpty && !entry.why.isEmpty && !entry.tryThere.isEmpty)
    }
    #expect(text.contains("F2 Token Journey") && text.contains("F1 Forge"))
  }

  @Test func snapshots() {
    assertSnapshot(App.view(app([]).0), named: "reading-80x24")
    assertSnapshot(App.view(app([.down, .down]).0), named: "reading-serve-80x24")
    assertSnapshot(
      App.view(app([.end], size: Size(width: 120, height: 40)).0), named: "reading-120x40")
  }
}

struct ReadingOddSizeTests {
  @Test(arguments: [(0, 0), (1, 1), (10, 3), (30, 8), (300, 100)])
  func drawsAndHitTestsAtAnySize(width: Int, height: Int) {
    let area = Rect(x: 2, y: 2, width: width, height: height)
    let app = AppState(screen: .reading, size: Size(width: width, height: height))
    var s = ReadingState()
    _ = s.update(.key(.down), area: area, app: app)
    _ = s.update(
      .mouse(MouseEvent(.press, x: 2 + width / 2, y: 2 + height / 2)), area: area, app: app)
    var canvas = Canvas(size: Size(width: width + 4, height: height + 4))
    s.view(into: &canvas, area: area, app: app, context: RenderContext())
    let outside = canvas.bounds.cellsOutside(area).filter { canvas[$0.x, $0.y] != .blank }
    #expect(outside.isEmpty, "drew outside the area at \(outside.prefix(3))")
  }
}
