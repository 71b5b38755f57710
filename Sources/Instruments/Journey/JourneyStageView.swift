import JourneyCore
import TerminalUI

/// The stage strip, the lit stage's data on the line under it, and a model line (the logit
/// lens and the step time for a transformer).
extension JourneyState {
  func drawStages(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    let pace = Int((self.pace * 1000).rounded())
    let inner = JourneyLayout.padded(
      canvas.panel("Stages · one forward pass · \(pace) ms a stage", area: area, context: context))
    guard let machine = engine?.machine, !inner.isEmpty else { return }
    let strip = StageStrip(
      machine.stages.map { TerminalUI.Stage($0.label, short: Self.shortLabel($0)) },
      lit: machine.stageIndex)
    strip.render(into: &canvas, area: inner.row(0), context: context)
    drawStageData(into: &canvas, area: inner.row(1), machine: machine, context: context)
    let line = modelLine(machine, context: context)
    canvas.putLine(line, in: inner.row(2), context: context)
  }

  static func shortLabel(_ stage: JourneyCore.Stage) -> String {
    switch stage {
    case .text: "txt"
    case .tokens: "tok"
    case .embed: "emb"
    case .attention(let l): "at\(l + 1)"
    case .mlp(let l): "ml\(l + 1)"
    case .unembed: "unemb"
    case .logits: "logit"
    case .sample: "smpl"
    case .append: "app"
    }
  }

  /// One line: what the lit stage holds, or how to start when none is lit.
  private func drawStageData(
    into canvas: inout Canvas, area: Rect, machine: StepMachine, context: RenderContext
  ) {
    let t = context.theme
    guard let stage = machine.stage, let data = machine.data(for: stage) else {
      let hint = "Space steps one token through every stage; n lights one stage at a time."
      canvas.putLine(hint, in: area, style: t.muted, context: context)
      return
    }
    let vocab = machine.model.vocabulary
    var line = StyledText()
    switch data {
    case .text(let text):
      line.append("the model reads: ", style: t.muted)
      line.append(String(text.suffix(max(0, area.width - 20))), style: t.text)
    case .tokens(let ids):
      line.append("token ids: ", style: t.muted)
      let shown = ids.suffix(max(1, area.width / 6))
      line.append(shown.map { "\(vocab.token($0))=\($0)" }.joined(separator: " "), style: t.text)
    case .embedding(let row):
      let word = vocab.token(machine.history.last ?? 0)
      let label =
        machine.model.layerCount == 0
        ? "embedding of '\(word)' = its table row (\(row.count) numbers) "
        : "embedding of '\(word)' (\(row.count) numbers) "
      line.append(label, style: t.muted)
      let x = canvas.putLine(line, in: area, context: context)
      let finite = row.map { $0.isFinite ? $0 : 0 }
      HeatStrip(finite).render(
        into: &canvas, area: Rect(x: x, y: area.y, width: area.maxX - x, height: 1),
        context: context)
      return
    case .attention(let layer, let weights):
      line = attentionLine(layer: layer, weights: weights, machine: machine, theme: t)
    case .mlp(let layer, let norm):
      line = mlpLine(layer: layer, norm: norm, machine: machine, theme: t)
    case .logits(let logits):
      line = logitsLine(logits, stage: stage, machine: machine, theme: t)
    case .sample(let drawn):
      line.append("drew ", style: t.muted)
      line.append("'\(vocab.token(drawn.id))'", style: t.selection)
      line.append(
        ": rank \(drawn.rank), p \(Bar.percent(drawn.probability)), seed \(machine.seed)",
        style: t.text)
    case .append(let id):
      line.append("'\(vocab.token(id))' joins the context at position ", style: t.muted)
      line.append("\(machine.history.totalCount)", style: t.text)
      line.append("; the next step reads it", style: t.muted)
    }
    canvas.putLine(line, in: area, context: context)
  }

  private func attentionLine(
    layer: Int, weights: [[Double]], machine: StepMachine, theme t: Theme
  ) -> StyledText {
    let vocab = machine.model.vocabulary
    let window = Array(machine.window.tokens)
    var line = StyledText()
    guard machine.model.layerCount > 0 else {
      line.append("attention: 100% on '\(vocab.token(window.last ?? 0))'", style: t.text)
      line.append(" (a bigram's one trivial head)", style: t.muted)
      return line
    }
    line.append("layer \(layer + 1) attends", style: t.muted)
    // Real models park much of their attention on the first token: the attention sink.
    if machine.model.subwordTokenizer != nil, machine.window.start == 0, window.count > 1,
      !weights.isEmpty
    {
      let sink = weights.reduce(0) { $0 + ($1.first ?? 0) } / Double(weights.count)
      line.append(" · sink '\(vocab.token(window[0]))' ", style: t.muted)
      line.append(Bar.percent(sink), style: t.text)
      let model = machine.model
      if model.kvHeadCount < model.headCount {
        let group = model.headCount / max(model.kvHeadCount, 1)
        line.append(" · \(group) heads share each KV head", style: t.muted)
      }
      for (h, row) in weights.enumerated() {
        guard let best = row.indices.dropFirst().max(by: { row[$0] < row[$1] }) else { continue }
        line.append(" · h\(h + 1) ", style: t.muted)
        line.append("'\(vocab.token(window[best]))' \(Bar.percent(row[best]))", style: t.text)
      }
      return line
    }
    for (h, row) in weights.enumerated() {
      guard let best = row.indices.max(by: { row[$0] < row[$1] }), window.indices.contains(best)
      else { continue }
      line.append(" · head \(h + 1): ", style: t.muted)
      line.append("'\(vocab.token(window[best]))' \(Bar.percent(row[best]))", style: t.text)
    }
    return line
  }

  private func mlpLine(layer: Int, norm: Double?, machine: StepMachine, theme t: Theme)
    -> StyledText
  {
    var line = StyledText()
    guard let norm else {
      line.append("MLP: none in a bigram; the row passes straight through", style: t.muted)
      return line
    }
    line.append("after layer \(layer + 1) the residual stream has norm ", style: t.muted)
    line.append(Self.fixed(norm, 2), style: t.text)
    let norms = machine.pass?.residualNorms ?? []
    line.append(
      "  (layers: " + norms.map { Self.fixed($0, 1) }.joined(separator: " → ") + ")",
      style: t.muted)
    return line
  }

  private func logitsLine(
    _ logits: [Double], stage: JourneyCore.Stage, machine: StepMachine, theme t: Theme
  ) -> StyledText {
    let vocab = machine.model.vocabulary
    let finite = logits.indices.filter { logits[$0].isFinite }
    let top = finite.sorted { logits[$0] > logits[$1] }.prefix(6)
    var line = StyledText()
    let tau = machine.settings.temperature
    if stage == .unembed {
      line.append("\(finite.count) of \(vocab.count) logits finite: ", style: t.muted)
      line.append(
        top.map { "\(vocab.token($0)) \(Self.fixed(logits[$0], 2))" }.joined(separator: "  "),
        style: t.text)
    } else {
      line.append("logit ÷ τ \(temperatureText) → softmax: ", style: t.muted)
      let p = machine.distribution?.probabilities ?? []
      line.append(
        top.map {
          "\(vocab.token($0)) \(Self.fixed(logits[$0] / tau, 1))→\(Bar.percent(p.indices.contains($0) ? p[$0] : 0))"
        }.joined(separator: "  "), style: t.text)
    }
    return line
  }

  /// The logit lens and the measured step time (or the model's summary for a lookup table).
  func modelLine(_ machine: StepMachine, context: RenderContext) -> StyledText {
    let t = context.theme
    var line = StyledText()
    if let seconds = stepSeconds {
      line.append("step \(Self.milliseconds(seconds))", style: t.accent)
      line.append(" · ", style: t.muted)
    }
    let lens = machine.pass?.logitLens ?? []
    if lens.isEmpty {
      line.append(machine.model.summary, style: t.muted)
    } else {
      line.append("logit lens: ", style: t.muted)
      let vocab = machine.model.vocabulary
      line.append(
        lens.enumerated().map { "L\($0.offset + 1) '\(vocab.token($0.element))'" }
          .joined(separator: " → "), style: t.text)
    }
    return line
  }

  static func fixed(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite else { return "–" }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let n = Int((abs(x) * scale).rounded())
    let whole = n / Int(scale)
    let frac = String(n % Int(scale))
    let padded = String(repeating: "0", count: max(0, digits - frac.count)) + frac
    return (x < 0 && n > 0 ? "-" : "") + "\(whole)" + (digits > 0 ? "." + padded : "")
  }

  static func milliseconds(_ seconds: Double) -> String {
    seconds < 0.01 ? "\(fixed(seconds * 1000, 2)) ms" : "\(fixed(seconds * 1000, 0)) ms"
  }
}
