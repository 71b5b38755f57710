import TerminalUI

/// Where the Reading screen puts things, as a pure function of the body rect (shared by the
/// view and mouse hit-testing): a line of introduction, the table in a panel, and the selected
/// entry in full below it.
struct ReadingLayout: Equatable, Sendable {
  var intro: Rect
  /// The panel around the table.
  var tablePanel: Rect
  /// The table itself (header row, then one row per entry).
  var table: Rect
  var detail: Rect

  init(_ area: Rect) {
    intro = area.takingTop(1)
    tablePanel = area.droppingTop(1).takingTop(ReadingEntry.all.count + 3)
    table = Panel.inner(of: tablePanel).inset(left: 1, right: 1)
    detail = area.droppingTop(1 + tablePanel.height)
  }
}
