import ForgeCore
import TerminalUI

/// The terms the Forge shows, each explained in a sentence with the design's numbers (the
/// glossary's Forge entries), in the room a tall screen has under the verdicts.
enum ForgeTermsView {
  static let title = "Terms (G: glossary)"

  /// The entries wrapped to `width`: the term, its sentence, a blank line between entries.
  static func lines(_ dossier: Dossier, width: Int, context: RenderContext) -> [StyledText] {
    lines(wrapped(dossier, width: width, context: context))
  }

  /// One entry wrapped to `width`, with the entry it was wrapped from (in the context of the
  /// page that keeps it).
  struct Wrapped: Equatable, Sendable {
    var term: String
    var text: String
    var width: Int
    var lines: [StyledText]
  }

  /// The entries of `dossier` wrapped to `width`, each taken from `kept` (wrapped in the same
  /// context) where it holds the same entry at the same width.
  static func wrapped(
    _ dossier: Dossier, width: Int, context: RenderContext, keeping kept: [Wrapped] = []
  ) -> [Wrapped] {
    Glossary.forge(dossier).map { entry in
      if let same = kept.first(where: {
        $0.width == width && $0.term == entry.term && $0.text == entry.text
      }) {
        return same
      }
      var out = StyledText(context.glyphs.text(entry.term), style: context.theme.key).wrapped(
        to: width)
      // A number keeps its unit on its line, as in the verdicts.
      let text = ForgeVerdictsView.glued(context.glyphs.text(entry.text))
      out += StyledText(text, style: context.theme.text).wrapped(to: width)
      return Wrapped(term: entry.term, text: entry.text, width: width, lines: out)
    }
  }

  /// The entries' lines with a blank line between entries.
  static func lines(_ entries: [Wrapped]) -> [StyledText] {
    var out: [StyledText] = []
    for (i, entry) in entries.enumerated() {
      if i > 0 { out.append(StyledText()) }
      out += entry.lines
    }
    return out
  }

  /// The width of the text inside a terms box at `area`.
  static func textWidth(_ area: Rect) -> Int { Panel.inner(of: area).width - 2 }

  /// The box at `area` holding `lines` (`lines(_:width:context:)` at its text width).
  static func draw(
    _ lines: [StyledText], into canvas: inout Canvas, area: Rect, context: RenderContext
  ) {
    let inner = Panel(title).draw(into: &canvas, area: area, context: context)
    let body = inner.inset(left: 1, right: 1)
    for (i, line) in lines.enumerated()
    where i < body.height {
      canvas.put(line, x: body.x, y: body.y + i, clip: body)
    }
  }
}
