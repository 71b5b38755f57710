import ForgeCore
import Foundation
import TerminalUI

/// The lines under the chart that say what each mark is, most important first (the panel
/// drops lines from the end when it runs out of rows).
struct ForgePlotLegend {
  let points: ForgePlotPoints
  let design: ForgeDesign
  let state: ForgePlotState
  let context: RenderContext

  private var t: Theme { context.theme }
  private var g: GlyphSet { context.glyphs }

  static func loss(_ l: Double) -> String { Format.fixed(l, 3) }

  private func mark(_ kind: ForgePlotMark, _ text: String) -> StyledText {
    StyledText([Span(String(kind.glyph(g)) + " ", style: kind.style(t)), Span(text, style: t.text)])
  }

  /// The legend for an area `width` columns wide: one line when not roomy.
  func lines(roomy: Bool, width: Int) -> [StyledText] {
    roomy
      ? roomyLines(width: width).flatMap { $0.wrapped(to: width) }
      : [compactLine.truncated(to: width, ellipsis: g.ellipsis)]
  }

  /// One line: the optimum, the design and the picked model's name.
  private var compactLine: StyledText {
    var line: StyledText
    switch state.mode {
    case .isoFLOP:
      line = mark(.optimum, "N_opt " + Format.params(points.optimum.x) + "  ")
      line.append(mark(.design, "you " + Format.params(points.design.x)))
    case .frontier:
      line = mark(.curve, "opt " + Self.loss(points.optimum.loss) + "  ")
      line.append(mark(.design, "you " + Self.loss(points.design.loss)))
    }
    if let m = state.selectedModel {
      line.append("  ")
      line.append(mark(.selectedModel, m.shortName))
    }
    return line
  }

  private var sep: String { " \(g.middleDot) " }

  /// The optimum and the design: on one line when it fits, else two.
  private func optimumAndDesign(width: Int) -> [StyledText] {
    let optimum: StyledText
    let you: StyledText
    switch state.mode {
    case .isoFLOP:
      optimum = mark(
        .optimum,
        "compute-optimal N_opt " + Format.params(points.optimum.x) + sep + "L "
          + Self.loss(points.optimum.loss))
      you = mark(
        .design,
        "you " + Format.params(points.design.x) + sep + "L " + Self.loss(points.design.loss)
          + sep + design.words(for: .overtrain, ascii: !g.isUnicode))
    case .frontier:
      optimum = mark(
        .curve,
        "compute-optimal: L " + Self.loss(points.optimum.loss) + " at "
          + Format.flopsPower(design.budget))
      let gap = points.design.loss - points.optimum.loss
      you = mark(
        .design,
        "you" + sep + "L " + Self.loss(points.design.loss) + " ("
          + (gap.sign == .minus ? "" : "+") + Format.fixed(gap, 3) + " above)")
    }
    let both = optimum + StyledText("   ") + you
    return both.displayWidth <= width ? [both] : [optimum, you]
  }

  private func roomyLines(width: Int) -> [StyledText] {
    var out = optimumAndDesign(width: width)
    out.append(selectedLine(width: width))
    if !design.isDense {
      let ratio = Format.significant(design.moeRatio, 3)
      out.append(
        StyledText(
          "MoE \(ratio):1 curve: N_eff = N\(g.middleDot)\(ratio)^"
            + Format.number(design.moeK) + ", on its own optimum",
          style: t.muted))
    }
    out.append(
      mark(
        .model,
        points.mode == .isoFLOP
          ? "real models, each at its own budget" : "real models at their 6ND budget"))
    return out
  }

  /// The picked model in a line: its loss and over-training, or why it is not plotted, or how
  /// to pick one.
  private func selectedLine(width: Int) -> StyledText {
    guard let index = state.selected, let m = state.selectedModel else {
      // Holds the picked model's row so the chart does not jump when one is picked.
      return self.mark(.selectedModel, "[ ] or a click picks a real model, c compares")
    }
    let picked = points.models.first { $0.index == index }
    guard let mark = picked?.mark, let over = picked?.comparison.overtraining
    else {
      return self.mark(.selectedModel, m.name + ": training tokens undisclosed, not plotted")
    }
    var text =
      m.name + sep + "L " + Self.loss(mark.loss) + sep + Format.ratio(over)
      + String(g.times) + " optimal D/N"
    // "faint curve" only when it fits: the line must not wrap in a small slot.
    let faint = sep + "faint curve"
    if !points.selectedCurve.isEmpty && (text + faint).displayWidth + 2 <= width { text += faint }
    return self.mark(.selectedModel, text)
  }
}
