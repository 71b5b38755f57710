import TerminalUI

/// Text for the Journey's views: Unicode signs swapped for ASCII ones on an ASCII terminal
/// (the middle dot is a separator here, so it becomes `-`), then cut to the room there is.
enum JourneyText {
  static func fitted(_ text: String, _ glyphs: GlyphSet) -> String { glyphs.text(text, dot: "-") }

  static func fitted(_ text: StyledText, _ glyphs: GlyphSet) -> StyledText {
    glyphs.text(text, dot: "-")
  }
}

extension Canvas {
  /// Puts one line of styled text at the start of `area`'s first row, fitted to the glyph set
  /// and cut with an ellipsis; returns the column after it.
  @discardableResult
  mutating func putLine(_ text: StyledText, in area: Rect, context: RenderContext) -> Int {
    let row = area.row(0)
    guard !row.isEmpty else { return row.x }
    let g = context.glyphs
    let line = JourneyText.fitted(text, g).truncated(to: row.width, ellipsis: g.ellipsis)
    return put(line, x: row.x, y: row.y, clip: row)
  }

  @discardableResult
  mutating func putLine(_ text: String, in area: Rect, style: Style, context: RenderContext)
    -> Int
  {
    putLine(StyledText(text, style: style), in: area, context: context)
  }
}

extension Canvas {
  /// A titled panel (title fitted to the glyph set); returns the rect inside its border.
  @discardableResult
  mutating func panel(_ title: String, area: Rect, context: RenderContext) -> Rect {
    Panel(JourneyText.fitted(title, context.glyphs)).draw(into: &self, area: area, context: context)
  }
}
