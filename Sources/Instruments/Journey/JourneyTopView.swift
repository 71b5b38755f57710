import JourneyCore
import TerminalUI

/// The next-token panel. It follows the step: empty (or the last step's draw, dimmed) until
/// the step reaches `logits`, where the bars fill and follow the temperature live; at
/// `sample` the drawn token is marked (one ranked below the bars on show takes the last bar
/// row, with its rank), and it stays marked at `append`. Tokens a filter cut stay in the
/// bars, greyed and struck, and the caption names the filter.
extension JourneyState {
  func drawTop(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    guard let machine = engine?.machine else {
      canvas.panel("Next token", area: area, context: context)
      return
    }
    let t = context.theme
    let inner0 = Panel.inner(of: area)
    let barRows = Self.barRows(forInnerHeight: inner0.height)
    let view = topView(machine, theme: t, count: barRows)
    let inner = canvas.panel(view.title, area: area, context: context)
    guard !inner.isEmpty else { return }
    let vocab = machine.model.vocabulary
    let rows = Self.shownRows(view, count: barRows)
    let bars = rows.map { entry in
      guard let (row, rank) = entry else {
        return Bar(context.glyphs.ellipsis, fraction: 0, valueText: "")
      }
      let word = JourneyText.fitted(vocab.token(row.id), context.glyphs)
      // The drawn token from below the bars on show says its rank.
      let label = rank.map { "\($0) '\(word)'" } ?? word
      var bar = Bar.probability(label, row.probability, highlighted: row.id == view.marked)
      if let cut = row.cutBy {
        bar.fraction = row.unfiltered
        bar.cut = cut
      }
      bar.dimmed = view.dimmed
      return bar
    }
    let shownMass = rows.reduce(0) { $0 + ($1?.0.probability ?? 0) }
    let rest = view.bars.map { _ in max(0, 1 - shownMass) } ?? 0
    let remainder = rest > 0.000_5 ? Bar.probability("(rest)", rest) : nil
    let drawnRows = bars.count + (remainder == nil ? 0 : 1)
    Bars(bars, remainder: remainder, labelWidth: min(12, inner.width / 3)).render(
      into: &canvas, area: inner.takingTop(drawnRows), context: context)
    let captions = JourneyLayout.padded(inner).droppingTop(drawnRows + (drawnRows > 0 ? 1 : 0))
    // The temperature is also on the slider under the panel: where the whole line does not
    // fit, the filters alone stay.
    var settings = settingsLine(machine.settings, theme: t)
    if settings.displayWidth > captions.width {
      settings = settingsLine(machine.settings, theme: t, withTemperature: false)
    }
    let lines = view.captions.map { $0 ?? [settings] }
    // Each caption wraps at word boundaries when the panel is narrow, rather than being cut;
    // where its rows run out, a shorter form of it that fits takes its place.
    var y = captions.y
    for (i, forms) in lines.enumerated() where y < captions.maxY {
      let blocks = forms.map { TextBlock(JourneyText.fitted($0, context.glyphs), overflow: .wrap) }
      // The rows it may take and still leave one to each caption after it.
      let rows = max(1, captions.maxY - y - (lines.count - 1 - i))
      let block = blocks.first { $0.layout(width: captions.width).count <= rows } ?? blocks.last!
      let height = min(block.layout(width: captions.width).count, captions.maxY - y)
      block.render(
        into: &canvas, area: Rect(x: captions.x, y: y, width: captions.width, height: height),
        context: context)
      y += height
    }
  }

  /// Bars that fit a panel inside of this height, with the remainder, a gap and three
  /// captions under them: 8 at least, more on tall screens.
  static func barRows(forInnerHeight h: Int) -> Int {
    min(Self.maxBars, max(Self.smallBars, h - 5))
  }

  static let smallBars = 8

  /// The bar rows on show, at most `count`: the likeliest tokens, except that a drawn token
  /// ranked below them takes the last row (with its rank, so it is always seen marked), after
  /// a gap row (nil) when there are rows enough to spare one. Rows carry a rank only there.
  static func shownRows(_ view: TopView, count: Int) -> [(NextTokenRow, rank: Int?)?] {
    var rows: [(NextTokenRow, rank: Int?)?] =
      view.bars.map { $0.rows.prefix(count).map { ($0, rank: nil) } } ?? []
    guard let drawn = view.drawn, count > 0, !rows.isEmpty,
      !rows.contains(where: { $0?.0.id == drawn.id })
    else { return rows }
    let row = NextTokenRow(
      id: drawn.id, probability: drawn.probability, unfiltered: drawn.probability)
    let gap = rows.count > smallBars
    rows.removeLast(gap ? 2 : 1)
    if gap { rows.append(nil) }
    rows.append((row, rank: drawn.rank))
    return rows
  }

  /// `temperature 1.0 · top-k off · top-p off`.
  func settingsLine(_ settings: SamplerSettings, theme t: Theme, withTemperature: Bool = true)
    -> StyledText
  {
    var line = StyledText()
    if withTemperature {
      line.append("temperature \(temperatureText)", style: t.accent)
      line.append(" · ", style: t.text)
    }
    let k = settings.topK.map { "\($0)" } ?? "off"
    let p = settings.topP.map { Self.fixed($0, 2) } ?? "off"
    line.append("top-k \(k) · top-p \(p)", style: t.text)
    return line
  }

  /// What the bars show at this moment.
  struct TopView {
    var title: String
    var bars: NextTokenBars?
    var marked: Int?
    /// The drawn token (its rank and probability), shown in the last row when it ranks below
    /// the bars on show.
    var drawn: SampledToken?
    /// The last step's bars, shown until this step reaches logits.
    var dimmed = false
    /// The lines under the bars, most important first, each in its forms, longest first (a
    /// shorter one where the longer would not fit); nil is the settings line.
    var captions: [[StyledText]?]
  }

  func topView(_ machine: StepMachine, theme: Theme, count: Int) -> TopView {
    let vocab = machine.model.vocabulary
    let stage = machine.stage
    let last = machine.history.last.map(vocab.token) ?? ""
    if let draw = lastDraw, stage == .sample || stage == .append {
      let word = vocab.token(draw.drawn.id)
      let caption = StyledText("▶ drew '\(word)'", style: theme.barHighlight)
      var rank = StyledText("rank \(draw.drawn.rank) · ", style: theme.muted)
      rank.append(Bar.percent(draw.drawn.probability), style: theme.text)
      rank.append(" likely · seed \(machine.seed)", style: theme.muted)
      return TopView(
        title: "Drew '\(word)' from these", bars: draw.bars, marked: draw.drawn.id,
        drawn: draw.drawn,
        captions: [[caption], [rank]] + cutCaption(draw.bars, theme: theme) + [nil])
    }
    let reachedLogits = stage == .logits || stage == .sample
    if reachedLogits, let logits = machine.pass?.logits {
      guard
        let bars = NextTokenBars(logits: logits, settings: machine.settings, count: count)
      else {
        return TopView(
          title: "Next token", bars: nil,
          captions: [[StyledText("nothing ever follows '\(last)' here", style: theme.warn)], nil])
      }
      var entropy = StyledText("spread (entropy) ", style: theme.muted)
      entropy.append(
        "\(Self.fixed(machine.distribution?.entropy ?? 0, 2)) bits", style: theme.text)
      // What comes next and the keys that reshape the bars, in the words that fit.
      let hint = [
        "nothing drawn yet · [ ] temperature", "no draw yet · [ ] temperature",
        "no draw yet · [ ] temp",
      ].map { StyledText($0, style: theme.muted) }
      return TopView(
        title: "Next token after '\(last)'", bars: bars,
        captions: cutCaption(bars, theme: theme) + [nil, [entropy], hint])
    }
    let fill = StyledText("bars fill at the logits stage", style: theme.muted)
    if let draw = lastDraw {
      let word = vocab.token(draw.drawn.id)
      return TopView(
        title: "Last step drew '\(word)'", bars: draw.bars, marked: draw.drawn.id,
        drawn: draw.drawn, dimmed: true, captions: [[fill], nil])
    }
    let how = StyledText("Space: STEP · n: one stage", style: theme.muted)
    return TopView(
      title: "Next token after '\(last)'", bars: nil, captions: [[fill], [how], nil])
  }

  /// `struck: cut by top-k 3` when a filter removed a shown token.
  private func cutCaption(_ bars: NextTokenBars, theme t: Theme) -> [[StyledText]?] {
    guard bars.anyCut else { return [] }
    let settings = bars.settings
    var names: [String] = []
    if bars.rows.contains(where: { $0.cutBy == "top-k" }), let k = settings.topK {
      names.append("top-k \(k)")
    }
    if bars.rows.contains(where: { $0.cutBy == "top-p" }), let p = settings.topP {
      names.append("top-p \(Self.fixed(p, 2))")
    }
    return [[StyledText("struck: cut by " + names.joined(separator: " and "), style: t.muted)]]
  }
}
