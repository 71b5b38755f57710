import ForgeCore
import TerminalUI

/// The box under the sliders: the active preset, the advanced settings with their defaults,
/// and a short guide to the keys.
enum ForgeInfoView {
  /// Arrow key names in the glyph set's alphabet (in ASCII the letter keys that do the same).
  static func keyNames(_ g: GlyphSet) -> (upDown: String, leftRight: String) {
    g.isUnicode ? ("↑↓", "←→") : ("j/k", "h/l")
  }

  static func lines(_ state: ForgeState, context: RenderContext) -> [StyledText] {
    let t = context.theme
    let g = context.glyphs
    let k = keyNames(g)
    let dot = " \(g.middleDot) "
    var out: [StyledText] = []
    if let p = state.preset {
      out.append(
        StyledText("Preset \(p.rawValue): ", style: t.muted)
          + StyledText(title(p, g), style: t.accent.adding(.bold)))
    } else {
      out.append(StyledText("Own design (1-4, 0: presets)", style: t.muted))
    }
    let advanced = AdvancedSetting.allCases.map { $0.summary(in: state.design) }
    out.append(
      StyledText("a", style: t.key) + StyledText(" advanced: ", style: t.muted)
        + StyledText(advanced.joined(separator: dot), style: t.text))
    let guide: [[(String, String)]] =
      state.zone == .sliders
      ? [
        [(k.upDown, "pick"), (k.leftRight, "move"), ("Shift", "more")],
        [("t", "figures"), ("Enter", "trace"), ("g", state.showPlot ? "back" : "plot")],
      ]
      : [
        [(k.upDown, "figure"), ("Enter", "trace"), ("Esc", "back")],
        [(k.leftRight, "still moves the slider")],
      ]
    for pairs in guide {
      var line = StyledText()
      for (i, (key, action)) in pairs.enumerated() {
        if i > 0 { line.append("  ") }
        line.append(key, style: t.key)
        line.append(" " + action, style: t.muted)
      }
      out.append(line)
    }
    return out
  }

  /// A preset's title in the glyph set's alphabet.
  static func title(_ p: Preset, _ g: GlyphSet) -> String {
    g.text(p.title)
  }

  static func draw(
    _ state: ForgeState, into canvas: inout Canvas, area: Rect, context: RenderContext
  ) {
    let inner = Panel("Design").draw(into: &canvas, area: area, context: context)
    let body = inner.inset(left: 1, right: 1)
    let all = lines(state, context: context)
    // The preset line always owns the first two rows, so the lines under it stay put when a
    // preset's two-line title gives way to "Own design": nothing shifts, nothing is resent.
    TextBlock(all[0]).render(into: &canvas, area: body.takingTop(2), context: context)
    var text = StyledText()
    for (i, line) in all.dropFirst().enumerated() {
      if i > 0 { text.append("\n") }
      text.append(line)
    }
    TextBlock(text).render(into: &canvas, area: body.droppingTop(2), context: context)
  }
}
