import ForgeCore
import TerminalUI

/// The terms the Forge shows, each explained in a sentence with the design's numbers (the
/// glossary's Forge entries), in the room a tall screen has under the verdicts.
enum ForgeTermsView {
  static let title = "Terms (G: glossary)"

  /// The entries wrapped to `width`: the term, its sentence, a blank line between entries.
  static func lines(_ design: ForgeDesign, width: Int, context: RenderContext) -> [StyledText] {
    var out: [StyledText] = []
    for (i, entry) in Glossary.forge(design).enumerated() {
      if i > 0 { out.append(StyledText()) }
      out += StyledText(context.glyphs.text(entry.term), style: context.theme.key).wrapped(
        to: width)
      // A number keeps its unit on its line, as in the verdicts.
      let text = ForgeVerdictsView.glued(context.glyphs.text(entry.text))
      out += StyledText(text, style: context.theme.text).wrapped(to: width)
    }
    return out
  }

  /// The width of the text inside a terms box at `area`.
  static func textWidth(_ area: Rect) -> Int { Panel.inner(of: area).width - 2 }

  static func draw(
    _ design: ForgeDesign, into canvas: inout Canvas, area: Rect, context: RenderContext
  ) {
    let inner = Panel(title).draw(into: &canvas, area: area, context: context)
    let body = inner.inset(left: 1, right: 1)
    for (i, line) in lines(design, width: body.width, context: context).enumerated()
    where i < body.height {
      canvas.put(line, x: body.x, y: body.y + i, clip: body)
    }
  }
}
