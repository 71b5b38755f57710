import JourneyCore
import TerminalUI

/// On tall screens, under the context: every head's attention from the current position to
/// each token the model read, one row per token (newest at the bottom, like the context).
extension JourneyState {
  func drawAttentionMap(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    guard !area.isEmpty, let machine = engine?.machine, let pass = machine.pass else { return }
    let vocab = machine.model.vocabulary
    let last = machine.history.last.map(vocab.token) ?? "?"
    let inner = JourneyLayout.padded(
      canvas.panel("Attention from '\(last)' to each token it read", area: area, context: context))
    let t = context.theme
    let lookup = machine.model.layerCount == 0
    let heads = pass.attention.enumerated().flatMap { l, layer in
      layer.enumerated().map { h, row in
        (title: lookup ? "bigram" : "L\(l + 1)·H\(h + 1)", row: row)
      }
    }
    let window = Array(machine.window.tokens)
    let shown = max(0, min(window.count, inner.height - 1))
    let first = window.count - shown
    let rows: [[StyledText]] = (first..<window.count).map { i in
      let word = JourneyText.fitted(vocab.token(window[i]), context.glyphs)
      var cells = [StyledText(word, style: t.text)]
      for head in heads where head.row.indices.contains(i) {
        cells.append(cell(head.row[i], context: context))
      }
      return cells
    }
    let columns =
      [TableColumn("token", width: .fixed(12))]
      + heads.map {
        TableColumn(JourneyText.fitted($0.title, context.glyphs), width: .fixed(8))
      }
    Table(columns, rows: rows).render(into: &canvas, area: inner, context: context)
  }

  /// `▓▓  68%`: a shade and the weight, styled by its glow level.
  private func cell(_ weight: Double, context: RenderContext) -> StyledText {
    let t = context.theme
    let g = context.glyphs
    let level = AttentionGlow.level(of: weight)
    let shade =
      level.map { g.heat[min($0 + 2, g.heat.count - 1)] } ?? g.heat[weight > 0.005 ? 1 : 0]
    let style = level.map { t.glow[min($0, t.glow.count - 1)] } ?? t.muted
    let percent = "\(Int((weight * 100).rounded()))%"
    return StyledText(String(repeating: shade, count: 2), style: style)
      + StyledText(" " + percent.leftPadded(to: 4), style: level == nil ? t.muted : t.text)
  }
}
