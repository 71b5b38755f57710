import ForgeCore
import TerminalUI

/// The verdicts, worst first, each led by its severity symbol (✓ ! ✗, or + ! X in ASCII) so
/// they read without colour. Problems are always wrapped in full; passing checks shrink to one
/// line each when room runs short, and what still does not fit is counted on the last line.
enum ForgeVerdictsView {
  static func draw(
    _ state: ForgeState, into canvas: inout Canvas, area: Rect, context: RenderContext
  ) {
    let verdicts = state.dossier.verdicts
    let inner = Panel(title(verdicts, context.glyphs)).draw(
      into: &canvas, area: area, context: context)
    let width = inner.width - 2
    guard width > 4, inner.height > 0 else { return }
    let lines = self.lines(verdicts, width: width, height: inner.height, context: context)
    for (i, line) in lines.enumerated() {
      canvas.put(line, x: inner.x + 1, y: inner.y + i, clip: inner)
    }
  }

  /// `Verdicts · 1 ✗ · 7 ✓`: the count of each severity present.
  static func title(_ verdicts: [Verdict], _ g: GlyphSet) -> String {
    let counts: [(Severity, Character)] = [(.fail, g.fail), (.warn, g.warn), (.ok, g.ok)]
    let parts = counts.compactMap { severity, glyph -> String? in
      let n = verdicts.filter { $0.severity == severity }.count
      return n == 0 ? nil : "\(n) \(glyph)"
    }
    return (["Verdicts"] + parts).joined(separator: " \(g.middleDot) ")
  }

  /// The verdict lines for a box of `width` × `height`.
  static func lines(_ verdicts: [Verdict], width: Int, height: Int, context: RenderContext)
    -> [StyledText]
  {
    let ranked = ForgeMarks.ranked(verdicts)
    let full = ranked.map { wrap($0, width: width, context: context) }
    var blocks = full
    if blocks.joined().count > height {
      blocks = zip(ranked, full).map { verdict, lines in
        verdict.severity == .ok ? [one(verdict, width: width, context: context)] : lines
      }
    }
    var out = Array(blocks.joined())
    if out.count > height {
      out = Array(out.prefix(max(0, height - 1)))
      // Verdicts whose first line did not make it.
      var start = 0
      var hidden = 0
      for block in blocks {
        if start >= out.count { hidden += 1 }
        start += block.count
      }
      out.append(
        StyledText("\(context.glyphs.ellipsis) \(hidden) more", style: context.theme.muted))
    }
    return out
  }

  private static func symbol(_ verdict: Verdict, _ context: RenderContext) -> StyledText {
    let g = context.glyphs
    let glyph: Character =
      switch verdict.severity {
      case .ok: g.ok
      case .warn: g.warn
      case .fail: g.fail
      }
    return StyledText(
      String(glyph) + " ", style: ForgeDossierView.style(verdict.severity, context.theme))
  }

  /// The verdict wrapped under its symbol, continuation lines indented past it.
  static func wrap(_ verdict: Verdict, width: Int, context: RenderContext) -> [StyledText] {
    let style = verdict.severity == .ok ? context.theme.muted : context.theme.text
    let body = StyledText(ForgeText.shown(verdict.message, context.glyphs), style: style).wrapped(
      to: width - 2)
    return body.enumerated().map { i, line in
      (i == 0 ? symbol(verdict, context) : StyledText("  ")) + line
    }
  }

  /// The verdict on one line, cut with an ellipsis.
  static func one(_ verdict: Verdict, width: Int, context: RenderContext) -> StyledText {
    let style = verdict.severity == .ok ? context.theme.muted : context.theme.text
    return symbol(verdict, context)
      + StyledText(ForgeText.shown(verdict.message, context.glyphs), style: style).truncated(
        to: width - 2, ellipsis: context.glyphs.ellipsis)
  }
}
