import TerminalUI

/// Where the Reading screen puts things, as a pure function of the body rect (shared by the
/// view and mouse hit-testing): a line of introduction, the table in a panel, the selected
/// entry in full below it, and under that, where there is room, every item on the list. Where the room allows, each row is as tall as its wrapped cells
/// (nothing cut), and a wide screen adds the "why" as a column of its own; otherwise rows
/// are one line each and the entry below says what they cut.
struct ReadingLayout: Equatable, Sendable {
  var intro: Rect
  /// The panel around the table.
  var tablePanel: Rect
  /// The table itself (header row, then the rows).
  var table: Rect
  var detail: Rect
  /// Under the entry: every item on the list with what it is, where the room allows.
  var list: Rect
  /// The table's columns, left to right: want, read / build, (why,) screen.
  var columns: [Rect]
  /// Each entry's height in rows.
  var rowHeights: [Int]
  /// The "why" has a column of its own.
  var whyColumn: Bool

  static let wantWidth = 19
  static let screenWidth = 16
  static let whyFrom = 160

  init(_ area: Rect, context: RenderContext = RenderContext()) {
    intro = area.takingTop(1)
    let below = area.droppingTop(1)
    let count = ReadingEntry.all.count
    func columns(_ table: Rect, why: Bool) -> [Rect] {
      let constraints: [Constraint] =
        why
        ? [.fixed(Self.wantWidth), .fraction(0.4), .fill, .fixed(Self.screenWidth)]
        : [.fixed(Self.wantWidth), .fill, .fixed(Self.screenWidth)]
      return table.columns(constraints, spacing: 1)
    }
    let table = Panel.inner(of: below).inset(left: 1, right: 1)
    // The tallest the entry below can be, so the table does not jump as the cursor moves.
    func detailHeight(why: Bool) -> Int {
      (0..<count).map { i in
        var s = ReadingState()
        s.selected = i
        return TextBlock(s.detailText(context, why: !why)).layout(width: below.width - 4).count
          + 2
      }.max() ?? 0
    }
    var chosen: (why: Bool, heights: [Int])?
    for why in [true, false] where !why || area.width >= Self.whyFrom {
      let rects = columns(table, why: why)
      let heights = ReadingEntry.all.map { entry in
        ReadingState.cells(entry, why: why, context: context).enumerated().map { c, cell in
          cell.wrapped(to: rects[c].width).count
        }.max() ?? 1
      }
      if 1 + heights.reduce(0, +) + 2 + detailHeight(why: why) <= below.height {
        chosen = (why, heights)
        break
      }
    }
    whyColumn = chosen?.why ?? false
    rowHeights = chosen?.heights ?? Array(repeating: 1, count: count)
    tablePanel = below.takingTop(1 + rowHeights.reduce(0, +) + 2)
    self.table = Panel.inner(of: tablePanel).inset(left: 1, right: 1)
    self.columns = columns(self.table, why: whyColumn)
    let rest = below.droppingTop(tablePanel.height)
    // The entry as tall as the tallest one, so the list under it stays put as the cursor moves.
    detail = rest.takingTop(min(rest.height, detailHeight(why: whyColumn)))
    list = rest.droppingTop(detail.height)
  }

  /// The first screen row of each entry.
  var rowTops: [Int] {
    var y = table.y + 1
    return rowHeights.map { h in
      defer { y += h }
      return y
    }
  }

  /// The entry drawn at screen row `y`, if any.
  func row(atY y: Int) -> Int? {
    let tops = rowTops
    return tops.indices.first { i in
      y >= tops[i] && y < tops[i] + rowHeights[i] && y < table.maxY
    }
  }
}
