import CNcurses
import TerminalUI

extension NcursesBackend {
  /// The canvas as this terminal is asked to show it (FULLSTACK_DIAG_CANVAS, for the
  /// end-to-end oracle): a `size W H` line, then one line per drawn cell (continuations of
  /// wide characters left out), `x y width fg bg attributes glyph`, with the colours as the
  /// terminal's own numbers (-1 its default, after the 8-colour mapping), the attributes this
  /// terminal can show as letters (b bold, d dim, u underline, r reverse, i italic; `-` none)
  /// and the glyph as hex Unicode scalars joined by `+`.
  public func report(_ canvas: Canvas) -> String {
    let supported = term_attrs()
    let letters: [(Attributes, attr_t, Character)] = [
      (.bold, fs_a_bold(), "b"), (.dim, fs_a_dim(), "d"), (.underline, fs_a_underline(), "u"),
      (.reverse, fs_a_reverse(), "r"), (.italic, fs_a_italic(), "i"),
    ]
    var out = "size \(canvas.size.width) \(canvas.size.height)\n"
    for y in 0..<canvas.size.height {
      for x in 0..<canvas.size.width {
        let cell = canvas[x, y]
        if cell.width == 0 { continue }
        let (fg, bg) = colors(for: cell.style)
        var attrs = ""
        for (a, bit, letter) in letters
        where cell.style.attrs.contains(a) && supported & bit != 0 {
          attrs.append(letter)
        }
        let glyph = cell.glyph.unicodeScalars.map { String($0.value, radix: 16) }
          .joined(separator: "+")
        out += "\(x) \(y) \(cell.width) \(fg) \(bg) \(attrs.isEmpty ? "-" : attrs) \(glyph)\n"
      }
    }
    return out
  }
}
