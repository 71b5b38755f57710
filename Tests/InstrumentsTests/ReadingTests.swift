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
