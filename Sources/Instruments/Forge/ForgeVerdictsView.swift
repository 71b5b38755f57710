import ForgeCore
import TerminalUI

/// The verdicts, worst first, each led by its severity symbol (✓ ! ✗, or + ! X in ASCII) so
/// they read without colour. Problems are always wrapped in full; when room runs short the
/// passing checks become a checklist of names, and what still does not fit is counted on the
/// last line, with the key that scrolls on to it.
enum ForgeVerdictsView {
  static func draw(
    _ dossier: Dossier, firstLine: Int = 0, into canvas: inout Canvas, area: Rect,
    context: RenderContext
  ) {
    let verdicts = dossier.verdicts
    let inner = Panel(title(verdicts, context.glyphs)).draw(
      into: &canvas, area: area, context: context)
    let width = inner.width - 2
    guard width > 4, inner.height > 0 else { return }
    let lines = self.lines(
      verdicts, width: width, height: inner.height, firstLine: firstLine, context: context)
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

  /// Every line the verdicts take in a box of `width` × `height`, and how many verdicts start
  /// on each: all of them in full when that fits, else the problems in full and the passing
  /// checks as a checklist of names (which, having no numbers, stays still while the sliders
  /// move).
  static func content(_ verdicts: [Verdict], width: Int, height: Int, context: RenderContext)
    -> (lines: [StyledText], starts: [Int])
  {
    let ranked = ForgeMarks.ranked(verdicts)
    let full = ranked.map { wrap($0, width: width, context: context) }
    func starts(_ blocks: [[StyledText]], _ counts: [Int]) -> [Int] {
      zip(blocks, counts).flatMap { block, count in
        [count] + Array(repeating: 0, count: block.count - 1)
      }
    }
    if full.joined().count <= height {
      return (Array(full.joined()), starts(full, Array(repeating: 1, count: full.count)))
    }
    let passing = ranked.filter { $0.severity == .ok }
    var blocks = zip(ranked, full).filter { $0.0.severity != .ok }.map(\.1)
    var counts = Array(repeating: 1, count: blocks.count)
    // Each line of the checklist starts the verdicts it names.
    for line in checklist(passing, width: width, context: context) {
      blocks.append([line.text])
      counts.append(line.count)
    }
    var lines = Array(blocks.joined())
    var starting = starts(blocks, counts)
    let note = StyledText(
      "A problem shows here in full when a slider causes one.", style: context.theme.muted
    ).wrapped(to: width)
    if passing.count == ranked.count, lines.count + 1 + note.count <= height {
      lines += [StyledText()] + note
      starting += Array(repeating: 0, count: 1 + note.count)
    }
    return (lines, starting)
  }

  /// Lines on show in a panel that does not hold them all: all but the last row.
  static func page(area: Rect) -> Int { max(1, Panel.inner(of: area).height - 1) }

  /// The last first line a scroll can reach in `area`; 0 when every verdict fits.
  static func lastLine(_ dossier: Dossier, area: Rect, context: RenderContext) -> Int {
    let inner = Panel.inner(of: area)
    guard inner.width - 2 > 4, inner.height > 0 else { return 0 }
    let all = content(
      dossier.verdicts, width: inner.width - 2, height: inner.height, context: context)
    guard all.lines.count > inner.height else { return 0 }
    return max(0, all.lines.count - page(area: area))
  }

  /// The verdict lines for a box of `width` × `height` scrolled to `firstLine`: when they do
  /// not all fit, a window of them over a last line that counts what is further down and names
  /// the key that shows it (or, at the end, the way back to the top).
  static func lines(
    _ verdicts: [Verdict], width: Int, height: Int, firstLine: Int = 0, context: RenderContext
  ) -> [StyledText] {
    let all = content(verdicts, width: width, height: height, context: context)
    if all.lines.count <= height { return all.lines }
    let rows = max(0, height - 1)
    let first = min(max(0, firstLine), max(0, all.lines.count - rows))
    let end = min(all.lines.count, first + rows)
    var out = Array(all.lines[first..<end])
    let hidden = all.starts[end...].reduce(0, +)
    let key = String(ForgeKeys.moreVerdicts)
    let t = context.theme
    let status: StyledText
    if end < all.lines.count {
      let more =
        hidden > 0 ? "\(context.glyphs.ellipsis) \(hidden) more" : "\(context.glyphs.ellipsis) more"
      status =
        StyledText(more + ": ", style: t.muted) + StyledText(key, style: t.key)
        + StyledText(" shows \(hidden > 1 ? "them" : "it")", style: t.muted)
    } else {
      status = StyledText(key, style: t.key) + StyledText(" back to the first", style: t.muted)
    }
    out += Array(repeating: StyledText(), count: rows - out.count)
    out.append(status)
    return out
  }

  /// `✓ KV fits  ✓ one node  ✓ fleet …`, as many items a line as fit in `width`.
  static func checklist(_ passing: [Verdict], width: Int, context: RenderContext)
    -> [(text: StyledText, count: Int)]
  {
    var lines: [(text: StyledText, count: Int)] = []
    var line = StyledText()
    var count = 0
    for verdict in passing {
      // The whole list in the passing style: it reads as one green list (and costs one
      // colour switch a line on the wire, not two an item).
      let item =
        symbol(verdict, context)
        + StyledText(ForgeMarks.checkNames[verdict.id] ?? verdict.id, style: context.theme.good)
      if !line.isEmpty, line.displayWidth + 2 + item.displayWidth > width {
        lines.append((line, count))
        line = StyledText()
        count = 0
      }
      if !line.isEmpty { line.append("  ") }
      line.append(item)
      count += 1
    }
    if !line.isEmpty { lines.append((line, count)) }
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
