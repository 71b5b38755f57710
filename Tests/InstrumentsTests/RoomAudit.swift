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
}
