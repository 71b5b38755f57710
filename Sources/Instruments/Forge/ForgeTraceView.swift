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
    TextBlock(text).render(into: &canvas, area: inner.inset(left: 1, right: 1), context: context)
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
