import TerminalUI

/// The body of a screen whose instrument has not landed yet: a titled panel saying what
/// will live here. Shared by the placeholder screens so none of them repeats the drawing.
enum Placeholder {
  static func draw(
    into canvas: inout Canvas, area: Rect, title: String, lines: [String],
    context: RenderContext
  ) {
    let inner = Panel(title).draw(into: &canvas, area: area, context: context)
    var text = StyledText()
    for (i, line) in lines.enumerated() {
      text.append(
        (i > 0 ? "\n" : "") + line, style: i == 0 ? context.theme.text : context.theme.muted)
    }
    TextBlock(text).render(into: &canvas, area: inner.inset(left: 1, right: 1), context: context)
  }
}
