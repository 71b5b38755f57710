import TerminalUI

/// The one pen rule the diff needs (what is left of the old blank-pen guessing). ncurses
/// writes through a few unchanged cells between two it must send rather than move the
/// cursor, in those cells' own pen, so a gap of blanks in the default pen between two bold
/// white figures costs two pen switches. A short gap of blanks that look like blanks in the
/// left cell's pen (same background, no foreground showing) is sent in that pen instead:
/// the screen looks the same and ncurses never leaves the pen. Pure, so it is tested
/// without a terminal.
enum WriteThrough {
  /// Gaps of up to this many unchanged blanks are bridged.
  static let limit = 6

  /// The updates with every bridged gap's blanks added, in order.
  static func bridged(_ updates: [CellUpdate], in canvas: Canvas) -> [CellUpdate] {
    guard updates.count > 1 else { return updates }
    var out: [CellUpdate] = []
    out.reserveCapacity(updates.count + updates.count / 2)
    var previous: CellUpdate?
    for u in updates {
      if let left = previous, left.y == u.y {
        let start = left.x + max(1, Int(left.cell.width))
        let gap = u.x - start
        let pen = left.cell.style
        if gap > 0, gap <= limit, !pen.blankShowsForeground,
          (start..<u.x).allSatisfy({ looksLikeBlank(canvas[$0, u.y], in: pen) })
        {
          for x in start..<u.x { out.append(CellUpdate(x: x, y: u.y, cell: Cell(" ", style: pen))) }
        }
      }
      out.append(u)
      previous = u
    }
    return out
  }

  /// A blank that looks the same drawn in `pen`.
  static func looksLikeBlank(_ cell: Cell, in pen: Style) -> Bool {
    cell.width == 1 && cell.glyph == " " && cell.style.bg == pen.bg
      && !cell.style.blankShowsForeground
  }
}
