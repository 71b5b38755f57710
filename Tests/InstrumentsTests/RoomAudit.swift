import TerminalUI

/// Shared checks for the room tests (issue 17): at every size a lecture uses, no panel is more
/// than half empty while another one cuts its text. Each screen's room test names its panels
/// (title and rectangle) and anything else it knows is cut; `findings` says what is wrong.
enum RoomAudit {
  static let sizes = [
    Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 50),
    Size(width: 250, height: 70),
  ]

  /// A panel's inside rows, as text.
  static func rows(_ c: Canvas, _ rect: Rect) -> [String] {
    let inner = Panel.inner(of: rect)
    guard !inner.isEmpty else { return [] }
    return (inner.y..<inner.maxY).map { y in
      String((inner.x..<inner.maxX).map { c[$0, y].glyph })
    }
  }

  /// Some row ends in an ellipsis: the panel cut a text short.
  static func isCut(_ rows: [String]) -> Bool {
    rows.contains { row in row.reversed().first { $0 != " " } == "…" }
  }

  /// More than half of the rows are blank.
  static func halfEmpty(_ rows: [String]) -> Bool {
    let blank = rows.filter { $0.allSatisfy { $0 == " " } }.count
    return !rows.isEmpty && blank * 2 > rows.count
  }

  /// The panels that are half empty while another is cut, one line each; empty when the room
  /// is used well. `alsoCut` names panels the caller knows are cut in ways the glyphs do not
  /// show (a scrolled list, rows that did not fit).
  static func findings(
    _ c: Canvas, panels: [(String, Rect)], alsoCut: [String] = []
  ) -> [String] {
    var cut = alsoCut
    for (panel, rect) in panels where isCut(rows(c, rect)) { cut.append(panel) }
    guard !cut.isEmpty else { return [] }
    return panels.filter { halfEmpty(rows(c, $0.1)) }.map {
      "\($0.0) is half empty while \(cut) is cut"
    }
  }

  /// A screen with room to spare: 120x40 and up.
  static func isRoomy(_ size: Size) -> Bool { size.width >= 120 && size.height >= 40 }

  /// Blank rows at least this many make a half-empty panel room another panel could use
  /// (a three-row panel with two blank rows is not room).
  static let spareRows = 3

  /// On a roomy screen, the panels more than half empty (with at least `spareRows` blank
  /// rows) while `short` names a panel that shows less than it holds: cut, scrolled, fewer
  /// rows than its list has, or left out for lack of room. Empty when the spare rows went to
  /// what could use them, or when nothing could.
  static func wasted(_ c: Canvas, panels: [(String, Rect)], short: [String]) -> [String] {
    guard isRoomy(c.size), !short.isEmpty else { return [] }
    return panels.compactMap { name, rect in
      let rows = rows(c, rect)
      let blank = rows.filter { $0.allSatisfy { $0 == " " } }.count
      guard blank * 2 > rows.count, blank >= spareRows else { return nil }
      return
        "\(name) has \(blank) of \(rows.count) rows blank while \(short) shows less than it holds"
    }
  }

  /// Texts cut short with "…" anywhere on the screen: a letter or digit right before it, or
  /// nothing after it but blanks up to a border or the row's end. (A "…" followed by more
  /// text marks a list whose earlier entries are left out, which is not a cut.) One line
  /// each: the row's text around the cut.
  static func cutWords(_ c: Canvas) -> [String] {
    let borders: Set<Character> = ["│", "┃", "╮", "╯", "┐", "┘", "|", "+"]
    return (0..<c.size.height).compactMap { y in
      let row = (0..<c.size.width).map { c[$0, y].glyph }
      func endsText(after i: Int) -> Bool {
        let next = row[(i + 1)...].first { $0 != " " }
        return next.map(borders.contains) ?? true
      }
      guard
        let i = row.indices.first(where: { i in
          row[i] == "…"
            && (i > 0 && (row[i - 1].isLetter || row[i - 1].isNumber) || endsText(after: i))
        })
      else { return nil }
      let from = max(0, i - 30)
      return "row \(y): …\(String(row[from...i]))"
    }
  }
}
