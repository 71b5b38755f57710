import ForgeCore
import TerminalUI

/// A figure's equation trace: the formula, the same formula with the numbers substituted, the
/// result, the seed's equation reference and the notes on assumptions. Drawn in a box beside
/// the dossier from 120 columns, and in a popup on Enter at any size.
enum ForgeTraceView {
  /// `Trace · Predicted loss`.
  static func title(_ figure: Figure, _ g: GlyphSet) -> String {
    "Trace \(g.middleDot) " + g.text(figure.label)
  }

  /// The title with the figure's shorter label when the full one does not fit `width`.
  static func title(_ figure: Figure, _ g: GlyphSet, width: Int) -> String {
    let forms = [figure.label] + ForgeDossierView.shorterLabels(figure.id)
    let titles = forms.map { "Trace \(g.middleDot) " + g.text($0) }
    return titles.first { $0.displayWidth <= width } ?? titles[titles.count - 1]
  }

  static func lines(_ figure: Figure, context: RenderContext) -> [StyledText] {
    let t = context.theme
    let trace = figure.trace
    func shown(_ s: String) -> String { context.glyphs.text(s) }
    var out: [StyledText] = [
      StyledText(shown(trace.formula), style: t.title),
      StyledText("= " + shown(trace.substituted), style: t.text),
      StyledText("= ", style: t.text)
        + StyledText(shown(trace.result), style: t.accent.adding(.bold))
        + StyledText(trace.eq.isEmpty ? "" : "   (\(trace.eq))", style: t.muted),
    ]
    // Read once: the dossier's notes are built when read.
    let notes = trace.notes
    if !notes.isEmpty { out.append("") }
    out += notes.map { StyledText("\(context.glyphs.bullet) " + shown($0), style: t.muted) }
    return out
  }

  /// The always-visible trace box's text, laid out for its area: the title, the selected
  /// figure's lines as drawn, and every figure's equation in the rows under them.
  struct Laid: Equatable, Sendable {
    var title: String
    var lines: [StyledText]
    var rows: [StyledText]
  }

  /// The trace box at `area` laid out (nil when the selected figure is not in the dossier).
  static func laidOut(
    _ state: ForgeState, _ dossier: Dossier, area: Rect, context: RenderContext
  ) -> Laid? {
    guard let figure = dossier[state.selectedFigureID] else { return nil }
    let body = Panel.inner(of: area).inset(left: 1, right: 1)
    // Laid out once: drawn, then counted (wrapped, so the ellipsis plays no part).
    let lines = layout(lines(figure, context: context), width: body.width)
    // On tall screens every figure's equation follows, so the whole dossier can be read as
    // arithmetic at a glance.
    let list = body.droppingTop(lines.count + 1)
    let rows = everyFigure(
      dossier, selected: figure.id, width: list.width, height: list.height, context: context)
    return Laid(
      title: title(figure, context.glyphs, width: area.width - 6), lines: lines, rows: rows)
  }

  /// The always-visible trace box.
  static func drawPanel(
    _ state: ForgeState, _ dossier: Dossier, into canvas: inout Canvas, area: Rect,
    context: RenderContext
  ) {
    drawPanel(
      laidOut(state, dossier, area: area, context: context), into: &canvas, area: area,
      context: context)
  }

  /// The trace box at `area`, from its text laid out for that area.
  static func drawPanel(
    _ laid: Laid?, into canvas: inout Canvas, area: Rect, context: RenderContext
  ) {
    guard let laid else { return }
    let inner = Panel(laid.title).draw(into: &canvas, area: area, context: context)
    let body = inner.inset(left: 1, right: 1)
    TextBlock(StyledText()).render(laid.lines, into: &canvas, area: body)
    let list = body.droppingTop(laid.lines.count + 1)
    for (i, line) in laid.rows.enumerated() {
      canvas.putLine(line, in: list.row(i), context: context)
    }
  }

  /// `lines` as a wrapping `TextBlock` of them joined by newlines lays them out at `width`:
  /// each line wrapped on its own (the join and the block's split undone), where no line
  /// holds a line break of its own.
  static func layout(_ lines: [StyledText], width: Int) -> [StyledText] {
    let breaks = lines.contains { line in
      line.spans.contains { $0.text.utf8.contains(10) || $0.text.utf8.contains(13) }
    }
    if breaks || width <= 0 {
      var text = StyledText()
      for (i, line) in lines.enumerated() {
        if i > 0 { text.append("\n") }
        text.append(line)
      }
      return TextBlock(text).layout(width: width)
    }
    return lines.flatMap { line in
      // The spans as the split gives them back: equal styles side by side joined.
      var one = StyledText()
      one.append(line)
      return one.wrapped(to: width)
    }
  }

  /// `▶ Predicted loss = 1.914 (EQ 4.1)` and its formula for each figure, in `height` rows of
  /// `width`: every formula on a line of its own under its figure when there is room for that,
  /// else after the result where it fits and under it where not, else after the result (cut);
  /// nothing when even one row a figure does not fit.
  static func everyFigure(
    _ dossier: Dossier, selected: String, width: Int, height: Int, context: RenderContext
  ) -> [StyledText] {
    let t = context.theme
    let g = context.glyphs
    let n = dossier.figures.count
    guard height >= 1 + n else { return [] }
    // Each entry with whether its head and formula overflow one row (measured once).
    var entries: [(head: StyledText, formula: String, wide: Bool)] = []
    for figure in dossier.figures {
      let mark = figure.id == selected ? "\(g.arrowRight) " : "  "
      let eq = figure.trace.eq.isEmpty ? "" : "  (\(figure.trace.eq))"
      // The figure's full label when its line holds it, else a shorter one (each built only
      // when the one before it does not fit).
      let labels = [figure.label] + ForgeDossierView.shorterLabels(figure.id)
      var head = StyledText()
      var headWidth = 0
      for label in labels {
        head =
          StyledText(mark, style: t.focus) + StyledText(g.text(label) + " = ", style: t.text)
          + StyledText(g.text(figure.trace.result), style: t.accent)
          + StyledText(eq, style: t.muted)
        headWidth = head.displayWidth
        if headWidth <= width { break }
      }
      let formula = g.text(figure.trace.formula)
      entries.append((head, formula, headWidth + 3 + formula.displayWidth > width))
    }
    let long = entries.filter(\.wide).count
    let split: (Int) -> Bool =
      height >= 1 + 2 * n
      ? { _ in true }
      : height >= 1 + n + long
        ? { i in entries[i].wide }
        : { _ in false }
    var out = [StyledText("Every figure, as arithmetic:", style: t.title)]
    for (i, entry) in entries.enumerated() {
      if split(i) {
        out.append(entry.head)
        out.append(StyledText("    " + entry.formula, style: t.muted))
      } else {
        out.append(entry.head + StyledText("   " + entry.formula, style: t.muted))
      }
    }
    return out
  }

  /// The trace popup, centred over the screen.
  static func overlay(_ state: ForgeState, _ dossier: Dossier, context: RenderContext)
    -> Overlay?
  {
    guard let figure = dossier[state.selectedFigureID] else { return nil }
    let k = ForgeInfoView.keyNames(context.glyphs)
    let dot = " \(context.glyphs.middleDot) "
    let hint = StyledText(
      k.upDown + " another figure" + dot + k.leftRight + " move the slider" + dot + "Esc close",
      style: context.theme.muted)
    return Overlay(
      title(figure, context.glyphs), lines: lines(figure, context: context) + ["", hint])
  }
}
