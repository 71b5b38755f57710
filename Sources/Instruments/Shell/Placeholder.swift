import TerminalUI

/// The body of a screen whose instrument has not landed yet: a titled panel saying what
/// will live here. Shared by the placeholder screens so none of them repeats the drawing.
enum Placeholder {
  static func draw(
    into canvas: inout Canvas, area: Rect, title: String, lines: [String],
    context: RenderContext
  ) {
    let inner = ShellChrome.panel(into: &canvas, area: area, title: title, context: context)
    for (i, line) in lines.enumerated() {
      canvas.put(
        line.truncated(to: inner.width, ellipsis: context.glyphs.ellipsis), x: inner.x, y: inner.y + i,
        style: i == 0 ? context.theme.text : context.theme.muted, clip: inner)
    }
  }
}
