import ForgeCore
import TerminalUI

/// The six decision sliders: each a row with its name and its value in words, over a row with
/// the track. The same `Slider` values draw the tracks and map mouse columns to stops.
enum ForgeSlidersView {
  /// The track widget of `decision` (the name and value are drawn on the row above).
  static func slider(_ decision: Decision, in state: ForgeState) -> Slider {
    Slider(
      "", stops: decision.stopCount, value: state.stop(of: decision), valueText: "",
      focused: state.focus == decision, dragging: state.dragging == decision, labelWidth: 0,
      valueWidth: 0)
  }

  /// The row holding `decision`'s track.
  static func trackRow(_ decision: Decision, layout: ForgeLayout) -> Rect {
    layout.slider(Decision.allCases.firstIndex(of: decision) ?? 0).row(1)
  }

  /// The sliders box at `area` (the layout's `sliders`).
  static func draw(
    _ state: ForgeState, into canvas: inout Canvas, area: Rect, context: RenderContext
  ) {
    let t = context.theme
    let active = state.zone == .sliders && state.popup == nil
    Panel("Six decisions", focused: active).draw(into: &canvas, area: area, context: context)
    for (i, decision) in Decision.allCases.enumerated() {
      let rows = ForgeLayout.slider(i, inBox: area)
      guard !rows.isEmpty else { continue }
      let top = rows.row(0).inset(left: 1, right: 1)
      let focused = state.focus == decision
      let ascii = !context.glyphs.isUnicode
      // The whole value when it fits beside the name, else its shorter forms: the name is
      // cut only when even the shortest does not fit.
      let room = top.width - decision.label.displayWidth - 1
      let forms =
        [state.design.words(for: decision, ascii: ascii)]
        + state.design.shortWords(for: decision, ascii: ascii)
      let value = forms.first { $0.displayWidth <= room } ?? forms[forms.count - 1]
      let name = decision.label.truncated(
        to: max(0, top.width - value.displayWidth - 1), ellipsis: context.glyphs.ellipsis)
      canvas.put(name, x: top.x, y: top.y, style: focused ? t.focus : t.text, clip: top)
      let shown = value.truncated(to: top.width - name.displayWidth - 1)
      canvas.put(
        shown, x: top.maxX - shown.displayWidth, y: top.y, style: t.accent.adding(.bold),
        clip: top)
      slider(decision, in: state).render(
        into: &canvas, area: rows.row(1), context: context)
    }
  }
}
