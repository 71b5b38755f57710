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
    if !trace.notes.isEmpty { out.append("") }
    out += trace.notes.map { StyledText("\(context.glyphs.bullet) " + shown($0), style: t.muted) }
    return out
  }

  /// The always-visible trace box.
  static func drawPanel(
    _ state: ForgeState, _ dossier: Dossier, into canvas: inout Canvas, area: Rect,
    context: RenderContext
  ) {
    guard let figure = dossier[state.selectedFigureID] else { return }
    let inner = Panel(title(figure, context.glyphs)).draw(
      into: &canvas, area: area, context: context)
    var text = StyledText()
    for (i, line) in lines(figure, context: context).enumerated() {
      if i > 0 { text.append("\n") }
      text.append(line)
    }
    let body = inner.inset(left: 1, right: 1)
    let block = TextBlock(text)
    block.render(into: &canvas, area: body, context: context)
    // On tall screens every figure's equation follows, so the whole dossier can be read as
    // arithmetic at a glance.
    let used = block.layout(width: body.width).count + 1
    let list = body.droppingTop(used)
    let n = dossier.figures.count
    if list.height >= 1 + n {
      drawEveryFigure(
        dossier, selected: figure.id, twoLines: list.height >= 1 + 2 * n, into: &canvas,
        area: list, context: context)
    }
  }

  /// `▶ Predicted loss = 1.914 (EQ 4.1)` and its formula for each figure: indented on a line
  /// of its own with `twoLines`, after the result otherwise.
  static func drawEveryFigure(
    _ dossier: Dossier, selected: String, twoLines: Bool, into canvas: inout Canvas, area: Rect,
    context: RenderContext
  ) {
    let t = context.theme
    let g = context.glyphs
    canvas.putLine(
      StyledText("Every figure, as arithmetic:", style: t.title), in: area.row(0), context: context)
    for (i, figure) in dossier.figures.enumerated() {
      let mark = figure.id == selected ? "\(g.arrowRight) " : "  "
      var head = StyledText(mark, style: t.focus)
      head.append(g.text(figure.label) + " = ", style: t.text)
      head.append(g.text(figure.trace.result), style: t.accent)
      if !figure.trace.eq.isEmpty { head.append("  (\(figure.trace.eq))", style: t.muted) }
      let formula = g.text(figure.trace.formula)
      if twoLines {
        canvas.putLine(head, in: area.row(1 + 2 * i), context: context)
        canvas.putLine(
          StyledText("    " + formula, style: t.muted), in: area.row(2 + 2 * i), context: context)
      } else {
        head.append("   " + formula, style: t.muted)
        canvas.putLine(head, in: area.row(1 + i), context: context)
      }
    }
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
