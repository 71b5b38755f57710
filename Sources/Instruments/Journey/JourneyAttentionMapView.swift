import JourneyCore
import TerminalUI

/// On tall screens, under the context: each head's attention from the position being
/// predicted to each token the model read, one row per token (newest at the bottom, like the
/// context). It follows the step like the glow: empty before `attn 1`, then the layers
/// computed so far (only the lit layer's heads when they do not all fit), and the column the
/// glow shows is marked (an extra "avg" column when the glow is an average). With
/// grouped-query attention a row above the headers groups the query heads that share a KV
/// head under its label ("L1·kv1").
extension JourneyState {
  /// Columns of the attention map: a title, the weights over the window, and whether the
  /// glow shows it.
  struct AttentionColumn: Equatable {
    var title: String
    var weights: [Double]
    var marked: Bool
    /// The KV head this query head reads, e.g. "L1·kv1", when heads share KV heads (GQA).
    var kvGroup: String? = nil
  }

  static let tokenColumnWidth = 12
  static let headColumnWidth = 8

  /// The map's columns for this reveal at `width` columns of room.
  func attentionColumns(_ reveal: Reveal, glow: AttentionGlow?, width: Int) -> [AttentionColumn] {
    guard let glow, let model = engine?.model else { return [] }
    let bigram = model.layerCount == 0
    let fits = { (n: Int) in Self.tokenColumnWidth + n * (Self.headColumnWidth + 1) <= width }
    let done = reveal.attention.prefix(reveal.attentionDone)
    let allHeads = done.reduce(0) { $0 + $1.count }
    let average =
      glow.head == nil && (reveal.attention.first?.count ?? 0) > 1
      || glow.layer == nil && reveal.layers > 1
    let layers: [Int] =
      fits(allHeads + (average ? 1 : 0)) || glow.layer == nil
      ? Array(done.indices) : [glow.layer!]
    let perKV = model.headCount / max(1, model.kvHeadCount)
    var columns: [AttentionColumn] = []
    for l in layers where reveal.attention.indices.contains(l) {
      for (h, row) in reveal.attention[l].enumerated() {
        let marked =
          !average && (glow.layer ?? 0) == l && (glow.head ?? 0) == h
        columns.append(
          AttentionColumn(
            title: bigram ? "bigram" : "L\(l + 1)·H\(h + 1)", weights: row, marked: marked,
            kvGroup: perKV > 1 ? "L\(l + 1)·kv\(h / perKV + 1)" : nil))
      }
    }
    if average,
      let row = AttentionGlow.row(
        Array(reveal.attention.prefix(reveal.attentionDone)), layer: glow.layer, head: glow.head)
    {
      let title =
        switch (glow.layer, glow.head) {
        case (let l?, nil): "L\(l + 1) avg"
        case (nil, let h?): "H\(h + 1) avg"
        default: "all avg"
        }
      columns.append(AttentionColumn(title: title, weights: row, marked: true))
    }
    // Too many for the room: keep the marked ones and as many others as fit before them.
    let room = max(1, (width - Self.tokenColumnWidth) / (Self.headColumnWidth + 1))
    if columns.count > room {
      let marked = columns.filter(\.marked)
      let others = columns.filter { !$0.marked }.prefix(max(0, room - marked.count))
      columns = Array(others) + marked
    }
    return columns
  }

  func drawAttentionMap(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    guard !area.isEmpty, let machine = engine?.machine else { return }
    let vocab = machine.model.vocabulary
    let t = context.theme
    guard let reveal, let glow else {
      let inner = JourneyLayout.padded(canvas.panel("Attention", area: area, context: context))
      canvas.putLine(
        "computed at the attn 1 stage (n lights one stage at a time)", in: inner,
        style: t.muted, context: context)
      return
    }
    // At `append` the map is the attention that drew the token (from the position it now
    // holds, before it was there), as the glow legend says; never attention from the token.
    let lead =
      reveal.finished
      ? "Attention that drew '\(lastDraw.map { vocab.token($0.drawn.id) } ?? "?")'"
      : "Attention from ?"
    // The whole title where it fits, else shorter ones (never a word cut short).
    let titles = [
      lead + (reveal.finished ? ", on each token read" : " to each token it read")
        + " · ▶ the glow's column",
      "\(lead) · ▶ the glow's column",
      lead,
    ]
    let title = titles.first { $0.displayWidth + 6 <= area.width } ?? titles[titles.count - 1]
    let inner = JourneyLayout.padded(canvas.panel(title, area: area, context: context))
    let columns = attentionColumns(reveal, glow: glow, width: inner.width)
    let window = reveal.window
    let headerRows = columns.contains { $0.kvGroup != nil } ? 2 : 1
    let shown = max(0, min(window.count, inner.height - headerRows))
    let first = window.count - shown
    let rows: [[StyledText]] = (first..<window.count).map { i in
      let word = JourneyText.fitted(vocab.token(window[i]), context.glyphs)
      var cells = [StyledText(word, style: t.text)]
      for column in columns where column.weights.indices.contains(i) {
        cells.append(cell(column.weights[i], marked: column.marked, context: context))
      }
      return cells
    }
    let headers =
      [TableColumn("token", width: .fixed(Self.tokenColumnWidth))]
      + columns.map {
        var c = TableColumn(
          JourneyText.fitted(($0.marked ? "▶" : "") + $0.title, context.glyphs),
          width: .fixed(Self.headColumnWidth))
        c.marked = $0.marked
        c.group = $0.kvGroup.map { JourneyText.fitted($0, context.glyphs) }
        return c
      }
    Table(headers, rows: rows).render(into: &canvas, area: inner, context: context)
  }

  /// `▓▓  68%`: a shade in the glow level's colour as ink (never a dark glyph on a bright
  /// background, which reads as a hole) and the weight, bold in the glow's column.
  private func cell(_ weight: Double, marked: Bool, context: RenderContext) -> StyledText {
    let t = context.theme
    let g = context.glyphs
    let level = AttentionGlow.level(of: weight)
    let shade =
      level.map { g.heat[min($0 + 2, g.heat.count - 1)] } ?? g.heat[weight > 0.005 ? 1 : 0]
    let ink = level.map { t.glowInk($0) } ?? t.muted
    let percent = "\(Int((weight * 100).rounded()))%"
    let number = level == nil ? t.muted : (marked ? t.text.adding(.bold) : t.text)
    return StyledText(String(repeating: shade, count: 2), style: ink)
      + StyledText(" " + percent.leftPadded(to: 4), style: number)
  }
}
