import JourneyCore
import TerminalUI

/// The next-token panel: the top-8 bars with the remainder, following τ live; after a draw,
/// the distribution the token came from with the drawn token marked.
extension JourneyState {
  func drawTop(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    guard let machine = engine?.machine else {
      canvas.panel("Next token", area: area, context: context)
      return
    }
    let t = context.theme
    let vocab = machine.model.vocabulary
    let view = topView(machine, theme: t)
    let inner = canvas.panel(view.title, area: area, context: context)
    guard !inner.isEmpty else { return }
    let bars = view.entries.map {
      Bar.probability(
        JourneyText.fitted(vocab.token($0.id), context.glyphs), $0.probability,
        highlighted: $0.id == view.marked)
    }
    let remainder = view.remainder > 0 ? Bar.probability("(rest)", view.remainder) : nil
    let rows = bars.count + (remainder == nil ? 0 : 1)
    Bars(bars, remainder: remainder, labelWidth: min(12, inner.width / 3)).render(
      into: &canvas, area: inner.takingTop(rows), context: context)
    let captions = JourneyLayout.padded(inner).droppingTop(rows + 1)
    canvas.putLine(view.caption, in: captions.row(0), context: context)
    var settings = StyledText("τ \(temperatureText)", style: t.accent)
    let k = machine.settings.topK.map { "\($0)" } ?? "off"
    let p = machine.settings.topP.map { Self.fixed($0, 2) } ?? "off"
    settings.append(" · top-k \(k) · top-p \(p)", style: t.text)
    canvas.putLine(settings, in: captions.row(1), context: context)
    if view.marked == nil, let entropy = machine.distribution?.entropy {
      var line = StyledText("entropy ", style: t.muted)
      line.append("\(Self.fixed(entropy, 2)) bits", style: t.text)
      canvas.putLine(line, in: captions.row(2), context: context)
    }
  }

  /// What the bars show at this moment.
  struct TopView {
    var title: String
    var entries: [TokenProbability]
    var remainder: Double
    var marked: Int?
    var caption: StyledText
  }

  func topView(_ machine: StepMachine, theme: Theme) -> TopView {
    let vocab = machine.model.vocabulary
    if let draw = lastDraw, machine.stage == .sample || machine.stage == .append {
      let word = vocab.token(draw.drawn.id)
      var caption = StyledText("▶ drew '\(word)'", style: theme.barHighlight)
      caption.append(
        ": rank \(draw.drawn.rank), \(Bar.percent(draw.drawn.probability))", style: theme.text)
      return TopView(
        title: "Drew '\(word)' from these", entries: draw.top, remainder: draw.remainder,
        marked: draw.drawn.id, caption: caption)
    }
    let last = machine.history.last.map(vocab.token) ?? ""
    guard let dist = machine.distribution else {
      return TopView(
        title: "Next token", entries: [], remainder: 0, marked: nil,
        caption: StyledText("nothing ever follows '\(last)' here", style: theme.warn))
    }
    let top = dist.top(Self.topCount)
    let caption = StyledText("not drawn yet; [ ] turns τ", style: theme.muted)
    return TopView(
      title: "Next token after '\(last)'", entries: top.entries, remainder: top.remainder,
      marked: nil, caption: caption)
  }
}
