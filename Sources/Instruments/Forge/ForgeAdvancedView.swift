import ForgeCore
import TerminalUI

/// The advanced-settings popup (`a`): MFU and MoE k on sliders, each with its default and what
/// it means.
enum ForgeAdvancedView {
  static func slider(_ setting: AdvancedSetting, in state: ForgeState) -> Slider {
    let value = setting.value(in: state.design)
    return Slider(
      setting.label, stops: setting.stops.count, value: setting.stopIndex(in: state.design),
      valueText: setting.words(value) + "  default " + setting.words(setting.defaultValue),
      focused: state.advanced == setting,
      labelWidth: AdvancedSetting.allCases.map(\.label.displayWidth).max() ?? 0, valueWidth: 17)
  }

  /// The popup's box in `area`.
  static func frame(in area: Rect) -> Rect {
    area.centered(width: 64, height: 3 * AdvancedSetting.allCases.count + 3)
  }

  static func draw(
    _ state: ForgeState, into canvas: inout Canvas, area: Rect, context: RenderContext
  ) {
    let t = context.theme
    let box = frame(in: area)
    guard !box.isEmpty else { return }
    canvas.fill(box, style: t.overlay)
    let inner = Panel("Advanced settings", focused: true, background: t.overlay).draw(
      into: &canvas, area: box, context: context)
    let body = inner.inset(left: 1, right: 1)
    for (i, setting) in AdvancedSetting.allCases.enumerated() {
      let rows = body.droppingTop(3 * i).takingTop(2)
      slider(setting, in: state).render(into: &canvas, area: rows.row(0), context: context)
      canvas.put(
        setting.meaning, x: rows.x + 2, y: rows.y + 1, style: t.muted, clip: rows.row(1))
    }
    let k = ForgeInfoView.keyNames(context.glyphs)
    let dot = " \(context.glyphs.middleDot) "
    let hint =
      k.upDown + " setting" + dot + k.leftRight + " change" + dot + "d default" + dot
      + "Esc close"
    canvas.put(hint, x: body.x, y: body.maxY - 1, style: t.muted, clip: body)
    canvas.restyle(inner) { $0.over(t.overlay) }
  }
}
