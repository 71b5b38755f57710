import TerminalUI

/// The two glyph sets with the dark theme, for tests that draw both ways.
let unicodeContext = RenderContext(theme: .dark, glyphs: .unicode)
let asciiContext = RenderContext(theme: .dark, glyphs: .ascii)
/// No colour and no Unicode: what a C-locale NO_COLOR terminal gets.
let plainContext = RenderContext(theme: .monochrome, glyphs: .ascii)

/// Draws `widget` into a fresh canvas filling it (or into `area` when given).
func render(
  _ widget: some Widget, width: Int, height: Int, area: Rect? = nil,
  context: RenderContext = unicodeContext
) -> Canvas {
  var canvas = Canvas(size: Size(width: width, height: height))
  widget.render(into: &canvas, area: area ?? canvas.bounds, context: context)
  return canvas
}

/// The canvas rows as text with trailing spaces trimmed.
func rows(_ canvas: Canvas) -> [String] {
  canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}
