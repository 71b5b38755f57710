import ForgeCore
import TerminalUI

/// The box under the sliders: the active preset, the advanced settings with their defaults,
/// and a short guide to the keys.
enum ForgeInfoView {
  /// Arrow key names in the glyph set's alphabet (in ASCII the letter keys that do the same).
  static func keyNames(_ g: GlyphSet) -> (upDown: String, leftRight: String) {
    g.isUnicode ? ("↑↓", "←→") : ("j/k", "h/l")
  }

  /// All of the state the box shows: the preset, the zone, whether `g` shows the plot and
  /// the advanced settings' summaries (the one part of the design it reads).
  struct Inputs: Equatable, Sendable {
    var preset: Preset?
    var zone: ForgeState.Zone
    var showPlot: Bool
    var advanced: [String]

    init(_ state: ForgeState) {
      preset = state.preset
      zone = state.zone
      showPlot = state.showPlot
      // Each setting whole on its line: a narrow box breaks the list between settings.
      advanced = AdvancedSetting.allCases.filter { $0.shown(in: state.design) }.map {
        String($0.summary(in: state.design).map { $0 == " " ? Character.noBreakSpace : $0 })
      }
    }
  }

  static func lines(_ state: ForgeState, context: RenderContext) -> [StyledText] {
    lines(Inputs(state), context: context)
  }

  static func lines(_ state: Inputs, context: RenderContext) -> [StyledText] {
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
    let advanced = state.advanced
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

  /// The preset's one-line note on the real model it is named after (or set beside), with the
  /// key that opens that model beside it; the longest form that fits `width`.
  static func realNote(_ state: Inputs, width: Int, context: RenderContext) -> StyledText? {
    guard let p = state.preset, let long = p.realNote, let short = p.realShort else { return nil }
    let t = context.theme
    let g = context.glyphs
    let key = StyledText("r", style: t.key) + StyledText(" compare", style: t.muted)
    let forms = [
      StyledText(g.text(long), style: t.text) + "  " + key,
      StyledText(g.text(short), style: t.text) + "  " + key,
      StyledText(g.text(short) + " \(g.middleDot) ", style: t.text) + StyledText("r", style: t.key),
    ]
    return forms.first { $0.displayWidth <= width }
      ?? forms[forms.count - 1].truncated(to: width, ellipsis: String(g.ellipsis))
  }

  /// A preset's title in the glyph set's alphabet.
  static func title(_ p: Preset, _ g: GlyphSet) -> String {
    g.text(p.title)
  }

  /// The box's text laid out for its area: the rows the preset line owns, its lines as
  /// drawn, and the lines drawn under them.
  struct Laid: Equatable, Sendable {
    var titleRows: Int
    var title: [StyledText]
    var rest: [StyledText]
  }

  static func draw(
    _ state: ForgeState, into canvas: inout Canvas, area: Rect, context: RenderContext
  ) {
    draw(laidOut(state, area: area, context: context), into: &canvas, area: area, context: context)
  }

  /// The box at `area`, from its text laid out for that area.
  static func draw(_ laid: Laid, into canvas: inout Canvas, area: Rect, context: RenderContext) {
    let inner = Panel("Design").draw(into: &canvas, area: area, context: context)
    let body = inner.inset(left: 1, right: 1)
    // Text blocks as `TextBlock(text).render(into:area:context:)` draws them, laid out already.
    let block = TextBlock(StyledText())
    block.render(laid.title, into: &canvas, area: body.takingTop(laid.titleRows))
    block.render(laid.rest, into: &canvas, area: body.droppingTop(laid.titleRows))
  }

  /// The box at `area` laid out: what `draw` puts in it.
  static func laidOut(_ state: ForgeState, area: Rect, context: RenderContext) -> Laid {
    laidOut(Inputs(state), area: area, context: context)
  }

  /// The box at `area` laid out from all it shows.
  static func laidOut(_ state: Inputs, area: Rect, context: RenderContext) -> Laid {
    let body = Panel.inner(of: area).inset(left: 1, right: 1)
    var all = lines(state, context: context)
    // The preset line owns at least two rows, so the lines under it stay put when a preset's
    // two-line title gives way to "Own design"; a longer title takes the rows it needs. A
    // preset named after a real model says how it differs on the second row when the title
    // takes one, else under the key guide.
    let titleLines = all[0].wrapped(to: body.width).count
    let titleRows = max(2, titleLines)
    let note = realNote(state, width: body.width, context: context)
    if let note, titleRows == 2, titleLines == 1 {
      all[0] = all[0] + "\n" + note
    } else if let note {
      all.append(note)
    }
    // Where the box is short, the key guide (which the hint bar and help repeat) gives way
    // from its last line, never the title, the advanced settings or the note.
    var rest = Array(all.dropFirst())
    // The rows each line wraps to, counted once.
    var restRows = rest.map { $0.wrapped(to: body.width).count }
    var guideLeft = 2  // the guide's two lines, after the advanced settings
    while titleRows + restRows.reduce(0, +) > body.height, guideLeft > 0 {
      rest.remove(at: guideLeft)
      restRows.remove(at: guideLeft)
      guideLeft -= 1
    }
    var text = StyledText()
    for (i, line) in rest.enumerated() {
      if i > 0 { text.append("\n") }
      text.append(line)
    }
    let ellipsis = context.glyphs.ellipsis
    return Laid(
      titleRows: titleRows, title: TextBlock(all[0]).layout(width: body.width, ellipsis: ellipsis),
      rest: TextBlock(text).layout(width: body.width, ellipsis: ellipsis))
  }
}
