import ForgeCore
import TerminalUI

/// The verdicts, worst first, each led by its severity symbol (✓ ! ✗, or + ! X in ASCII) so
/// they read without colour. Problems are always wrapped in full; when room runs short the
/// passing checks become a checklist of names, and what still does not fit is counted on the
/// last line.
enum ForgeVerdictsView {
  static func draw(
    _ dossier: Dossier, into canvas: inout Canvas, area: Rect, context: RenderContext
  ) {
    let verdicts = dossier.verdicts
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
    if full.joined().count <= height { return Array(full.joined()) }
    // Short of room: the problems in full, the passing checks as a checklist of names (which,
    // having no numbers, stays still while the sliders move).
    let passing = ranked.filter { $0.severity == .ok }
    var blocks = zip(ranked, full).filter { $0.0.severity != .ok }.map { [$0.1] }
    var counts = Array(repeating: 1, count: blocks.count)
    if !passing.isEmpty {
      blocks.append([checklist(passing, width: width, context: context)])
      counts.append(passing.count)
    }
    var lines = blocks.flatMap { $0.flatMap { $0 } }
    let note = StyledText(
      "A problem shows here in full when a slider causes one.", style: context.theme.muted
    ).wrapped(to: width)
    if passing.count == ranked.count, lines.count + 1 + note.count <= height {
      lines += [StyledText()] + note
    }
    if lines.count <= height { return lines }
    var out = Array(lines.prefix(max(0, height - 1)))
    // Verdicts whose first line did not make it.
    var start = 0
    var hidden = 0
    for (block, count) in zip(blocks, counts) {
      if start >= out.count { hidden += count }
      start += block.joined().count
    }
    out.append(StyledText("\(context.glyphs.ellipsis) \(hidden) more", style: context.theme.muted))
    return out
  }

  /// `✓ KV fits  ✓ one node  ✓ fleet …`, as many items a line as fit in `width`.
  static func checklist(_ passing: [Verdict], width: Int, context: RenderContext)
    -> [StyledText]
  {
    var lines: [StyledText] = []
    var line = StyledText()
    for verdict in passing {
      // The whole list in the passing style: it reads as one green list (and costs one
      // colour switch a line on the wire, not two an item).
      let item =
        symbol(verdict, context)
        + StyledText(ForgeMarks.checkNames[verdict.id] ?? verdict.id, style: context.theme.good)
      if !line.isEmpty, line.displayWidth + 2 + item.displayWidth > width {
        lines.append(line)
        line = StyledText()
      }
      if !line.isEmpty { line.append("  ") }
      line.append(item)
    }
    if !line.isEmpty { lines.append(line) }
    return lines
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
    let body = StyledText(glued(context.glyphs.text(verdict.message)), style: style).wrapped(
      to: width - 2)
    return body.enumerated().map { i, line in
      (i == 0 ? symbol(verdict, context) : StyledText("  ")) + line
    }
  }

  /// Keeps a number with the short word after it ("103 GB", "42,638 tokens") when the line
  /// wraps, by joining them with a no-break space (drawn as a plain one).
  static func glued(_ text: String) -> String {
    if text.loneNarrowCount != nil { return gluedByScalars(text) }
    var out = ""
    let chars = Array(text)
    for (i, c) in chars.enumerated() {
      if c == " ", i > 0, chars[i - 1].isNumber, i + 1 < chars.count, chars[i + 1].isLetter {
        let word = chars[(i + 1)...].prefix { $0 != " " }
        if word.count <= 7 {
          out.append(.noBreakSpace)
          continue
        }
      }
      out.append(c)
    }
    return out
  }

  /// `glued` for text whose every scalar is a character of its own (`loneNarrowCount`): the
  /// same rule on scalars, without breaking the text into characters.
  private static func gluedByScalars(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    for (i, s) in scalars.enumerated() {
      if s == " ", i > 0, Character(scalars[i - 1]).isNumber, i + 1 < scalars.count,
        Character(scalars[i + 1]).isLetter
      {
        let word = scalars[(i + 1)...].prefix { $0 != " " }
        if word.count <= 7 {
          out.append("\u{00A0}")
          continue
        }
      }
      out.append(s)
    }
    return String(out)
  }
}
