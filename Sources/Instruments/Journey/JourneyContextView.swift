import JourneyCore
import TerminalUI

/// The context panel: prompt tokens grey, generated ones mint, `?` at the position being
/// predicted (the drawn token there, in brackets, during the sample stage; at append the
/// token in its place), and the attention glow once the step has computed attention.
extension JourneyState {
  /// One token placed on a line of the context.
  struct Placed: Equatable {
    var x: Int
    var text: String
    var style: Style
  }

  func drawContext(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    let layout = JourneyLayout.self
    let textArea = layout.padded(Panel.inner(of: area)).droppingBottom(layout.contextFooter)
    let t = context.theme
    let glow = self.glow
    let lines = contextLines(width: textArea.width, glow: glow, theme: t)
    let first = max(0, lines.count - textArea.height - scrollBack)
    var title = engine.map { "Context · \($0.model.name)" } ?? "Context"
    if scrollBack > 0 {
      title += " · ↓ \(scrollBack) newer lines"
    } else if first > 0 {
      title += " · ↑ \(first) earlier lines"
    }
    let inner = canvas.panel(title, area: area, context: context)
    guard !inner.isEmpty else { return }
    for (row, line) in lines.dropFirst(first).prefix(textArea.height).enumerated() {
      for item in line {
        let text = JourneyText.fitted(item.text, context.glyphs)
        canvas.put(
          text, x: textArea.x + item.x, y: textArea.y + row, style: item.style, clip: textArea)
      }
    }
    let footer = layout.padded(inner).takingBottom(layout.contextFooter)
    // No legend while the model loads: there is no context to glow yet.
    if engine != nil {
      drawLegend(into: &canvas, area: footer.row(0), glow: glow, context: context)
    }
    if let glow {
      // The keys that pick the layer and head, where they fit after the caption.
      let keys = " · l h pick"
      let bigram = engine?.model.layerCount == 0
      let fits = glow.caption.displayWidth + keys.displayWidth <= footer.width
      canvas.putLine(
        glow.caption + (fits && !bigram ? keys : ""), in: footer.row(1), style: t.muted,
        context: context)
    } else if engine != nil {
      canvas.putLine(
        "glow lights at the attn 1 stage", in: footer.row(1), style: t.muted, context: context)
    }
  }

  /// The glow of the step on show: the lit layer, or the chosen one once all have run.
  var glow: AttentionGlow? {
    guard let engine, let reveal else { return nil }
    return AttentionGlow(
      reveal: reveal, layer: layer, head: head, bigram: engine.model.layerCount == 0,
      subword: engine.model.subwordTokenizer != nil,
      pinned: layerPin != nil && layerPin == StagePin(engine.machine))
  }

  /// What the step on show has computed (nil before its first stage).
  var reveal: Reveal? {
    engine.flatMap { Reveal(machine: $0.machine, finished: lastDraw) }
  }

  /// `glow = attention from ?: ≥5% ≥20% ≥50%`, each sample in its own glow style.
  private func drawLegend(
    into canvas: inout Canvas, area: Rect, glow: AttentionGlow?, context: RenderContext
  ) {
    let t = context.theme
    let finished = engine?.machine.stage == .append
    let drawn = lastDraw.flatMap { d in engine.map { $0.model.vocabulary.token(d.drawn.id) } }
    let from = finished ? drawn ?? "?" : "?"
    let lead = finished ? "glow = attention that drew " : "glow = attention from "
    // The long form where it fits, else a short one (the token and the tiers matter most).
    // At `append` the glow is the attention that drew the token, never attention from it.
    let short = finished ? "glow that drew " : "glow from "
    let forms = [lead, short].map { lead -> StyledText in
      var text = StyledText(lead, style: t.muted)
      text.append(from, style: t.focus.adding(.reverse))
      text.append(":", style: t.muted)
      for (i, bound) in AttentionGlow.levels.enumerated() {
        text.append(" ", style: t.muted)
        text.append("≥\(Int(bound * 100))%", style: t.glow[min(i, t.glow.count - 1)])
      }
      return text
    }
    let text = forms.first { $0.displayWidth <= area.width } ?? forms[forms.count - 1]
    canvas.putLine(text, in: area, context: context)
  }

  /// The context laid out in lines of at most `width` columns, oldest first, ending with the
  /// slot for the next token.
  func contextLines(width: Int, glow: AttentionGlow?, theme t: Theme) -> [[Placed]] {
    guard let machine = engine?.machine, width > 0 else { return [] }
    let history = machine.history
    let vocabulary = machine.model.vocabulary
    var items: [(String, Style)] = history.stored.enumerated().map { i, id in
      let position = history.droppedCount + i
      let base = history.isPrompt(position: position) ? t.prompt : t.generated
      let style =
        glow?.level(at: position).map {
          t.glow[min($0, t.glow.count - 1)].adding(base.attrs)
        } ?? base
      return (vocabulary.token(id), style)
    }
    if machine.stage == .sample, let drawn = machine.pending {
      items.append(("[" + vocabulary.token(drawn.id) + "]", t.selection))
    } else if machine.stage == .append, !items.isEmpty {
      // The drawn token has taken the place of `?`: it is marked where `?` was, and the next
      // `?` appears when the next step starts.
      items[items.count - 1].1 = t.focus.adding(.reverse)
    } else {
      items.append(("?", t.focus.adding(.reverse)))
    }
    var lines: [[Placed]] = [[]]
    var x = 0
    for (text, style) in items {
      let word = text.truncated(to: width, ellipsis: "~")
      let w = word.displayWidth
      if x > 0 && x + 1 + w > width {
        lines.append([])
        x = 0
      }
      if x > 0 { x += 1 }
      lines[lines.count - 1].append(Placed(x: x, text: word, style: style))
      x += w
    }
    return lines
  }

  /// How many lines the context takes at this width (for scrolling).
  func contextLineCount(width: Int) -> Int {
    contextLines(width: width, glow: nil, theme: .monochrome).count
  }
}
