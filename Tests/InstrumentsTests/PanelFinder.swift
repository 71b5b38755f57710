import Foundation
import TerminalUI

/// The panels a canvas shows, found from their drawn borders (`╭…╮` over `╰…╯` joined by
/// `│`), for room tests that look at the screen as a person does rather than at a layout.
enum PanelFinder {
  static func panels(_ c: Canvas) -> [Rect] {
    let w = c.size.width
    let h = c.size.height
    var out: [Rect] = []
    for y in 0..<h {
      for x in 0..<w where c[x, y].glyph == "╭" {
        // The top edge runs to the first ╮ (a title may sit in it); a ╭ or ╯ first means
        // this is a path's corner, not a panel.
        var right: Int?
        for xx in (x + 1)..<w {
          let g = c[xx, y].glyph
          if g == "╮" {
            right = xx
            break
          }
          if g == "╭" || g == "╯" || g == "╰" { break }
        }
        guard let right else { continue }
        var bottom: Int?
        for yy in (y + 1)..<h {
          let l = c[x, yy].glyph
          let r = c[right, yy].glyph
          if l == "╰" && r == "╯" {
            bottom = yy
            break
          }
          if l != "│" || r != "│" { break }
        }
        guard let bottom else { continue }
        out.append(Rect(x: x, y: y, width: right - x + 1, height: bottom - y + 1))
      }
    }
    return out
  }

  /// The title drawn in a panel's top edge (empty when it has none).
  static func title(_ c: Canvas, _ r: Rect) -> String {
    let edge = String((r.x..<r.maxX).map { c[$0, r.y].glyph })
    return edge.trimmingCharacters(in: CharacterSet(charactersIn: "╭╮─ "))
  }

  /// Rows of `area` that are blank from edge to edge.
  static func blankRows(_ c: Canvas, _ area: Rect) -> Int {
    (area.y..<area.maxY).filter { y in (area.x..<area.maxX).allSatisfy { c[$0, y].glyph == " " } }
      .count
  }

  /// Panels whose inside shows an ellipsis anywhere (a text cut short), by title.
  static func ellipses(_ c: Canvas, _ panels: [Rect]) -> [String] {
    panels.filter { r in RoomAudit.rows(c, r).contains { $0.contains("…") } }.map {
      title(c, $0)
    }
  }
}
