import ForgeCore
import TerminalUI

/// The twelve-figure dossier: one row per figure, its value on the right, lit up with an arrow
/// when the last move changed it, and a severity mark on the figures a verdict is about.
enum ForgeDossierView {
  /// The dossier box at `area` (the layout's `dossier`).
  static func draw(
    _ state: ForgeState, _ dossier: Dossier, into canvas: inout Canvas, area: Rect,
    context: RenderContext
  ) {
    let t = context.theme
    let g = context.glyphs
    let changes = ForgeMarks.changes(from: state.previousDossier, to: dossier)
    let severities = ForgeMarks.severities(dossier)
    let active = state.zone == .figures && state.popup == nil
    var title = "Model dossier"
    if dossier.worst == .fail { title += " \(g.fail) FAILS" }
    let panel = Panel(title, focused: active)
    panel.draw(into: &canvas, area: area, context: context)
    if dossier.worst == .fail, !area.isEmpty {
      // The failure word in the fail style, so it reads in every theme.
      let word = " \(g.fail) FAILS"
      let x = area.x + 3 + "Model dossier".displayWidth
      canvas.put(word, x: x, y: area.y, style: t.fail, clip: area.row(0))
    }
    for (i, figure) in dossier.figures.enumerated() {
      let row = ForgeLayout.figureRow(i, inBox: area)
      guard !row.isEmpty else { continue }
      let selected = i == state.figure
      if selected && state.zone == .figures {
        canvas.fill(row, style: t.selection)
        canvas.put(g.arrowRight, x: row.x, y: row.y, style: t.selection, clip: row)
      }
      let base = selected && state.zone == .figures ? t.selection : Style.plain
      let severity = severities[figure.id]
      if let severity {
        let mark = severity == .fail ? g.fail : g.warn
        canvas.put(
          mark, x: row.maxX - 1, y: row.y, style: style(severity, t).over(base), clip: row)
      }
      let valueEnd = row.maxX - 2
      let (labelText, valueText) = fitted(figure, width: valueEnd - (row.x + 2), glyphs: g)
      let text = valueText
      let valueX = max(row.x + 4, valueEnd - text.displayWidth)
      // A changed value and its arrow share one style (the verdict's, if one is about this
      // figure): the room sees what lit up, and the row costs one colour switch on the wire.
      let change = changes[figure.id]
      let valueStyle =
        severity.map { style($0, t) } ?? (change == nil ? t.accent : t.changed)
      canvas.put(
        text, x: valueX, y: row.y, style: valueStyle.over(base),
        clip: Rect(x: row.x, y: row.y, width: valueEnd - row.x, height: 1))
      if let change {
        canvas.put(
          "\(arrow(change, g)) ", x: valueX - 2, y: row.y, style: valueStyle.over(base),
          clip: row)
      }
      let labelRoom = max(0, valueX - 3 - (row.x + 2))
      let label = labelText.truncated(to: labelRoom, ellipsis: g.ellipsis)
      // Out of the dossier, the figure Enter would trace stays underlined.
      let labelStyle = selected ? t.text.adding(.underline) : t.text
      canvas.put(label, x: row.x + 2, y: row.y, style: labelStyle.over(base), clip: row)
    }
  }

  /// Shorter labels, in order of preference, for rows whose value carries a second figure.
  static func shorterLabels(_ id: String) -> [String] {
    switch id {
    case "fleet": ["90-day fleet", "Fleet"]
    case "kv_per_user": ["KV cache at full context", "KV cache / user", "KV / user"]
    case "training_cost": ["Training cost", "Cost"]
    case "weights": ["Weights"]
    case "decode_ceiling": ["Decode ceiling", "Decoding"]
    case "users_per_node": ["Concurrent users", "Users"]
    default: []
    }
  }

  /// The label and value a row of `width` columns shows: the value with its second figure
  /// under the full label, else under a shorter label, else the value alone the same way; a
  /// label that still does not fit is cut by the caller.
  static func fitted(_ figure: Figure, width: Int, glyphs g: GlyphSet) -> (String, String) {
    let label = g.text(figure.label)
    let labels = [label] + shorterLabels(figure.id).map { g.text($0) }
    let short = g.text(figure.text)
    // In ASCII a comma separates the two (a `*` or `.` would read as arithmetic).
    let values =
      (figure.detail.isEmpty ? [] : [short + (g.isUnicode ? " · " : ", ") + g.text(figure.detail)])
      + [short]
    for value in values {
      for candidate in labels where candidate.displayWidth + 3 + value.displayWidth <= width {
        return (candidate, value)
      }
    }
    return (label, short)
  }

  static func style(_ severity: Severity, _ t: Theme) -> Style {
    switch severity {
    case .ok: t.good
    case .warn: t.warn
    case .fail: t.fail
    }
  }

  static func arrow(_ change: FigureChange, _ g: GlyphSet) -> Character {
    switch change {
    case .up: g.arrowUp
    case .down: g.arrowDown
    case .other: g.bullet
    }
  }
}
