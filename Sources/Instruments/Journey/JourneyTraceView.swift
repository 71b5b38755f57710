import JourneyCore
import TerminalUI

/// On tall screens, the step's trace: every stage on a line of its own, in order. A stage the
/// step has reached shows what it computed (the line the strip shows for the lit stage); one
/// it has not reached yet says, muted, what it will do. At `append` the machine already holds
/// the next context's pass, so the stages before it are only ticked off.
extension JourneyState {
  func drawTrace(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    guard !area.isEmpty, let machine = engine?.machine else { return }
    let t = context.theme
    let inner = JourneyLayout.padded(
      canvas.panel("This step, stage by stage", area: area, context: context))
    guard !inner.isEmpty else { return }
    let stages = machine.stages
    let lit = machine.stageIndex
    let labelWidth = (stages.map { $0.label.displayWidth }.max() ?? 0) + 2
    // The lit stage stays in view when the lines do not all fit.
    let first = max(0, min((lit ?? 0) - inner.height / 2, stages.count - inner.height))
    for (row, i) in (first..<stages.count).prefix(inner.height).enumerated() {
      let stage = stages[i]
      let line = inner.row(row)
      let reached = lit.map { i <= $0 } ?? false
      let mark = i == lit ? "▶ " : reached ? "✓ " : "  "
      let style = i == lit ? t.focus : reached ? t.text : t.muted
      canvas.putLine(
        StyledText(JourneyText.fitted(mark, context.glyphs) + stage.label, style: style),
        in: line.takingLeft(labelWidth + 2), context: context)
      let data = line.droppingLeft(labelWidth + 2)
      let finishedStep = machine.stage == .append && i < (lit ?? 0)
      if reached && !finishedStep {
        drawStageData(into: &canvas, area: data, stage: stage, machine: machine, context: context)
      } else {
        canvas.putLine(Self.traceNote(stage), in: data, style: t.muted, context: context)
      }
    }
  }

  /// What a stage will compute, in a few words.
  static func traceNote(_ stage: JourneyCore.Stage) -> String {
    switch stage {
    case .text: "the prompt and every token drawn so far"
    case .tokens: "each word becomes its id in the vocabulary"
    case .embed: "each id picks a row of numbers, its vector"
    case .attention(let l): "layer \(l + 1)'s heads weigh the earlier tokens (the glow)"
    case .mlp(let l): "layer \(l + 1) reworks each position's vector alone"
    case .unembed: "a score (logit) for every word it knows"
    case .logits: "scores ÷ temperature → probabilities (the bars)"
    case .sample: "a seeded draw picks one token"
    case .append: "the drawn token joins the context"
    }
  }
}
