import TerminalUI
import Testing

@testable import NcursesTerminal

struct WriteThroughTests {
  let bold = Style(fg: .index(231), attrs: .bold)

  @Test func aShortGapOfPlainBlanksBetweenTwoSentCellsTakesTheLeftPen() {
    var canvas = Canvas(size: Size(width: 12, height: 1))
    canvas.put("▲", x: 0, y: 0, style: bold)
    canvas.put("176", x: 2, y: 0, style: bold)
    let updates = [0, 2, 3, 4].map { CellUpdate(x: $0, y: 0, cell: canvas[$0, 0]) }
    let bridged = WriteThrough.bridged(updates, in: canvas)
    #expect(bridged.map(\.x) == [0, 1, 2, 3, 4])
    #expect(bridged[1].cell == Cell(" ", style: bold))
    // Applied to the canvas, it still looks the same.
    var screen = canvas
    screen.apply(bridged)
    #expect(screen.looksSame(as: canvas))
  }

  @Test func longGapsOtherRowsAndBlanksThatShowAreLeftAlone() {
    var canvas = Canvas(size: Size(width: 20, height: 2))
    canvas.put("a", x: 0, y: 0, style: bold)
    canvas.put("b", x: 9, y: 0, style: bold)
    canvas.put("c", x: 0, y: 1, style: bold)
    canvas.fill(Rect(x: 1, y: 1, width: 1, height: 1), style: Style(bg: .index(4)))
    canvas.put("d", x: 2, y: 1, style: bold)
    canvas.put("e", x: 4, y: 1, style: Style(attrs: .reverse))
    canvas.put("f", x: 6, y: 1)
    let xs = [(0, 0), (9, 0), (0, 1), (2, 1), (4, 1), (6, 1)]
    let updates = xs.map { CellUpdate(x: $0.0, y: $0.1, cell: canvas[$0.0, $0.1]) }
    // Seven blanks apart; across rows; a blank with a background; after a reverse cell.
    #expect(WriteThrough.bridged(updates, in: canvas).count == updates.count + 1)
    #expect(WriteThrough.bridged(updates, in: canvas).contains { $0.x == 3 && $0.y == 1 })
  }
}
