import Foundation
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
      machine.stages.map {
        TerminalUI.Stage($0.label, short: Self.shortLabel($0), collapsible: Self.isLayer($0))
      },
      lit: machine.stageIndex)
    strip.render(into: &canvas, area: inner.row(0), context: context)
    // On tall screens the lit stage's data has several lines (whole lists instead of cut ones).
    let data = inner.droppingTop(1).droppingBottom(1)
    drawStageData(
      into: &canvas, area: data, stage: machine.stage, machine: machine, context: context)
    let line = modelLine(machine, width: inner.width, context: context)
    canvas.putLine(line, in: inner.takingBottom(1), context: context)
  }

  /// Attention and MLP stages: one pair per layer, shown as marks on a narrow strip.
  static func isLayer(_ stage: JourneyCore.Stage) -> Bool {
    switch stage {
    case .attention, .mlp: true
    default: false
    }
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

  /// One line: what a stage holds (the lit one under the strip, each reached one in the
  /// trace), or how to start when none is lit.
  func drawStageData(
    into canvas: inout Canvas, area: Rect, stage: JourneyCore.Stage?, machine: StepMachine,
    context: RenderContext
  ) {
    let t = context.theme
    guard let stage, let data = machine.data(for: stage) else {
      let hint = "Space steps one token through every stage; n lights one stage at a time."
      canvas.putLine(hint, in: area, style: t.muted, context: context)
      return
    }
    let vocab = machine.model.vocabulary
    // What the rows hold, leaving room for word wrapping on each row after the first.
    let budget = area.width * area.height - (area.height - 1) * 16
    var line = StyledText()
    switch data {
    case .text(let text):
      line.append("the model reads: ", style: t.muted)
      let room = max(0, budget - line.displayWidth)
      let shown = text.count > room ? "…" + String(text.suffix(max(0, room - 1))) : text
      line.append(shown, style: t.text)
    case .tokens(let ids):
      line.append("token ids: ", style: t.muted)
      // The newest ids that fit, oldest first; a leading "…" says earlier ones are left out.
      var items: [String] = []
      var used = line.displayWidth
      for id in ids.reversed() {
        let item = "\(vocab.token(id))=\(id)"
        guard used + item.displayWidth + 2 <= budget else { break }
        items.insert(item, at: 0)
        used += item.displayWidth + 1
      }
      if items.count < ids.count { items.insert("…", at: 0) }
      line.append(items.joined(separator: " "), style: t.text)
    case .embedding(let row):
      let word = vocab.token(machine.history.last ?? 0)
      let label =
        machine.model.layerCount == 0
        ? "embedding of '\(word)' = its table row (\(row.count) numbers) "
        : "embedding of '\(word)' (\(row.count) numbers) "
      line.append(label, style: t.muted)
      let x = canvas.putLine(line, in: area, context: context)
      var finite = row.map { $0.isFinite ? $0 : 0 }
      // More numbers than cells: each cell shows the largest of its group, said in words.
      let room = max(1, area.maxX - x)
      var note = ""
      // Too narrow for a strip worth reading (the trace beside a long label): the label only.
      guard finite.count <= room || room >= 24 else { return }
      if finite.count > room {
        let cells = max(1, room - 16)
        let per = (finite.count + cells - 1) / cells
        finite = stride(from: 0, to: finite.count, by: per).map { start in
          finite[start..<min(start + per, finite.count)].max { abs($0) < abs($1) } ?? 0
        }
        note = " (\(per) per cell)"
        canvas.putLine(
          note, in: area.droppingLeft(x - area.x + finite.count), style: t.muted,
          context: context)
      }
      HeatStrip(finite).render(
        into: &canvas,
        area: Rect(x: x, y: area.y, width: min(finite.count, area.maxX - x), height: 1),
        context: context)
      return
    case .attention(let layer, let weights):
      line = attentionLine(
        layer: layer, weights: weights, machine: machine, theme: t, budget: budget)
    case .mlp(let layer, let norm):
      line = mlpLine(layer: layer, norm: norm, machine: machine, theme: t, budget: budget)
    case .logits(let logits):
      line = logitsLine(logits, stage: stage, machine: machine, theme: t, budget: budget)
    case .sample(let drawn):
      line.append("drew ", style: t.muted)
      line.append("'\(vocab.token(drawn.id))'", style: t.selection)
      line.append(
        ": rank \(drawn.rank), p \(Bar.percent(drawn.probability)), seed \(machine.seed)",
        style: t.text)
    case .append(let id):
      line.append("'\(vocab.token(id))' joins the context at position ", style: t.muted)
      line.append("\(machine.history.totalCount)", style: t.text)
      let tail = "; the next step reads it"
      if line.displayWidth + tail.displayWidth <= budget { line.append(tail, style: t.muted) }
    }
    if area.height > 1 {
      TextBlock(JourneyText.fitted(line, context.glyphs), overflow: .wrap).render(
        into: &canvas, area: area, context: context)
    } else {
      canvas.putLine(line, in: area, context: context)
    }
  }

  /// `layer 1 attends · head 1: 'robot' 67% · …`, as many whole heads as `budget` holds.
  private func attentionLine(
    layer: Int, weights: [[Double]], machine: StepMachine, theme t: Theme, budget: Int
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
        let share = " · \(group) heads share each KV head"
        if line.displayWidth + share.displayWidth <= budget { line.append(share, style: t.muted) }
      }
      for (h, row) in weights.enumerated() {
        guard let best = row.indices.dropFirst().max(by: { row[$0] < row[$1] }) else { continue }
        var item = StyledText(" · h\(h + 1) ", style: t.muted)
        item.append("'\(vocab.token(window[best]))' \(Bar.percent(row[best]))", style: t.text)
        guard line.displayWidth + item.displayWidth <= budget else { break }
        line = line + item
      }
      return line
    }
    for (h, row) in weights.enumerated() {
      guard let best = row.indices.max(by: { row[$0] < row[$1] }), window.indices.contains(best)
      else { continue }
      var item = StyledText(" · head \(h + 1): ", style: t.muted)
      item.append("'\(vocab.token(window[best]))' \(Bar.percent(row[best]))", style: t.text)
      guard line.displayWidth + item.displayWidth <= budget else { break }
      line = line + item
    }
    return line
  }

  private func mlpLine(
    layer: Int, norm: Double?, machine: StepMachine, theme t: Theme, budget: Int
  ) -> StyledText {
    var line = StyledText()
    guard let norm else {
      line.append("MLP: none in a bigram; the row passes straight through", style: t.muted)
      return line
    }
    line.append("after layer \(layer + 1) the token's vector has length ", style: t.muted)
    line.append(Self.fixed(norm, 2), style: t.text)
    let norms = (machine.pass?.residualNorms ?? []).prefix(layer + 1)
    let list = "  (by layer: " + norms.map { Self.fixed($0, 1) }.joined(separator: " → ") + ")"
    if norms.count > 1 && line.displayWidth + list.displayWidth <= budget {
      line.append(list, style: t.muted)
    }
    return line
  }

  private func logitsLine(
    _ logits: [Double], stage: JourneyCore.Stage, machine: StepMachine, theme t: Theme,
    budget: Int
  ) -> StyledText {
    let vocab = machine.model.vocabulary
    let finite = logits.indices.filter { logits[$0].isFinite }
    let highest = finite.map { logits[$0] }.max() ?? 0
    let top = NextTokenBars.top(40, of: logits.map { $0.isFinite ? exp($0 - highest) : 0 })
    var line = StyledText()
    let tau = machine.settings.temperature
    let items: [String]
    if stage == .unembed {
      let scope =
        finite.count == vocab.count
        ? "a score for each of \(vocab.count) words; highest: "
        : "scores: \(finite.count) of \(vocab.count) words can follow at all; highest: "
      line.append(scope, style: t.muted)
      items = top.map { "\(vocab.token($0)) \(Self.fixed(logits[$0], 2))" }
    } else {
      line.append("score ÷ temperature \(temperatureText) → probability: ", style: t.muted)
      let p = machine.distribution?.probabilities ?? []
      items = top.map {
        let share = Bar.percent(p.indices.contains($0) ? p[$0] : 0)
        return "\(vocab.token($0)) \(Self.fixed(logits[$0] / tau, 1))→\(share)"
      }
    }
    // As many whole entries as the rows hold (the likeliest first), never one cut in half.
    var used = line.displayWidth
    var shown: [String] = []
    for item in items {
      guard used + item.displayWidth + 2 <= budget else { break }
      shown.append(item)
      used += item.displayWidth + 2
    }
    line.append(shown.joined(separator: "  "), style: t.text)
    return line
  }

  /// Each layer's best guess so far (the logit lens, for the layers the step has run) and
  /// the measured time of the last pass; the model's summary for a lookup table.
  func modelLine(_ machine: StepMachine, width: Int, context: RenderContext) -> StyledText {
    let t = context.theme
    var line = StyledText()
    let bigram = machine.model.layerCount == 0
    if let seconds = stepSeconds {
      line.append(
        (bigram ? "table lookup " : "forward pass ") + Self.duration(seconds), style: t.accent)
      line.append(" · ", style: t.muted)
    }
    let lens = reveal?.shownLens ?? []
    if bigram || machine.pass?.logitLens.isEmpty != false {
      // The summary where it fits after the time; else the model's name (the summary is in
      // the model panel on taller screens).
      let room = width - line.displayWidth
      let summary = machine.model.summary
      line.append(summary.displayWidth <= room ? summary : machine.model.name, style: t.muted)
    } else if lens.isEmpty {
      line.append("each layer's best guess shows once its MLP has run", style: t.muted)
    } else {
      // Each layer's guess named by its layer where that fits, else the guesses in layer
      // order, else the latest ones after a "…" (never a guess cut in half).
      let vocab = machine.model.vocabulary
      let guesses = lens.map { "'\(vocab.token($0))'" }
      var long = StyledText("best guess ", style: t.muted)
      for (i, guess) in guesses.enumerated() {
        long.append(i == 0 ? "after layer \(i + 1) " : " → after \(i + 1) ", style: t.muted)
        long.append(guess, style: t.text)
      }
      let room = width - line.displayWidth
      func byLayer(from first: Int) -> StyledText {
        var text = StyledText("best guess by layer ", style: t.muted)
        if first > 0 { text.append("… → ", style: t.muted) }
        for (i, guess) in guesses.enumerated().dropFirst(first) {
          if i > first { text.append(" → ", style: t.muted) }
          text.append(guess, style: t.text)
        }
        return text
      }
      let forms = [long] + guesses.indices.map(byLayer(from:))
      line.append(forms.first { $0.displayWidth <= room } ?? forms[forms.count - 1])
    }
    return line
  }

  /// A measured time in the unit that keeps it readable: "12 µs", "0.97 ms", "31 ms".
  static func duration(_ seconds: Double) -> String {
    if seconds < 0.000_999_5 { return "\(fixed(seconds * 1_000_000, 0)) µs" }
    return milliseconds(seconds)
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
