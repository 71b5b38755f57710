import ForgeCore
import TerminalUI

/// The picked real model's dossier beside the design's, both served on the design's GPU and
/// precision at its context, with the KV-cache assumption written out under the table.
public enum ForgeComparePanel {
  /// Draws the panel into `area` (border included).
  public static func render(
    into canvas: inout Canvas, area: Rect, design: ForgeDesign, state: ForgePlotState,
    context: RenderContext
  ) {
    let g = context.glyphs
    let t = context.theme
    guard let model = state.selectedModel else {
      let inner = Panel("Compare").draw(into: &canvas, area: area, context: context)
      let names = Gallery.models.map(\.name).joined(separator: ", ")
      TextBlock(
        StyledText("No real model picked: [ and ] step through ", style: t.text)
          + StyledText(names, style: t.muted)
      ).render(into: &canvas, area: inner, context: context)
      return
    }
    let past = design.context > model.context ? "\(g.warn) " : ""
    let inner = Panel(past + title(design: design, model: model, glyphs: g, width: area.width - 2))
      .draw(into: &canvas, area: area, context: context)
    guard !inner.isEmpty else { return }
    let data = ForgeCompareRows(design: design, model: model, glyphs: g)
    let notes = footer(data, width: inner.width, height: inner.height, context: context)
    let visible = data.visible(in: inner.height - 1 - notes.before.count - notes.after.count)
    let rows = labelled(visible, modelName: model.shortName, width: inner.width)
    let table = inner.takingTop(rows.count + 1)
    let labelWidth = rows.map(\.label.displayWidth).max() ?? 0
    Table(
      [
        TableColumn("", width: .fixed(labelWidth)),
        TableColumn("you", alignment: .right),
        TableColumn(model.shortName, alignment: .right),
      ],
      rows: rows.map { r in
        [
          StyledText(r.label, style: t.muted), StyledText(r.you, style: t.accent),
          StyledText(r.model, style: t.text),
        ]
      }
    ).render(into: &canvas, area: table.takingTop(rows.count + 1), context: context)
    let spare = inner.height - table.height - notes.before.count - notes.after.count
    let gap = spare > 0 ? 1 : 0
    for (i, line) in (notes.before + notes.after).enumerated() {
      canvas.put(line, x: inner.x, y: table.maxY + gap + i, clip: inner)
    }
  }

  /// Each row under the longest of its labels that leaves both value columns whole in
  /// `width` (its shortest when none does). The table shares what the labels leave equally
  /// between the two value columns, so each needs the room of the wider.
  static func labelled(_ rows: [ForgeCompareRows.Row], modelName: String, width: Int)
    -> [ForgeCompareRows.Row]
  {
    let you = rows.map(\.you.displayWidth).max().map { max($0, "you".displayWidth) } ?? 0
    let theirs = rows.map(\.model.displayWidth).max().map { max($0, modelName.displayWidth) } ?? 0
    let room = width - 2 * (1 + max(you, theirs))
    return rows.map { row in
      var row = row
      let labels = [row.label] + row.shorter
      row.label = labels.first { $0.displayWidth <= room } ?? labels[labels.count - 1]
      return row
    }
  }

  /// `Compare · GPT-3 175B vs you · H100 · FP8 · 128K`, shortened to fit `width`.
  static func title(design d: ForgeDesign, model: GalleryModel, glyphs g: GlyphSet, width: Int)
    -> String
  {
    let dot = " \(g.middleDot) "
    let setting = d.gpu.name + dot + d.precision.label + dot + Format.context(d.context)
    let forms = [
      "Compare" + dot + model.name + " vs you" + dot + setting,
      model.shortName + " vs you" + dot + setting, model.shortName + " vs you",
    ]
    return forms.first { $0.displayWidth <= width - 6 } ?? forms[forms.count - 1]
  }

  /// The lines under the table. The KV assumption always (in full when there is room beside
  /// the key rows, else in a few words), then the verdict when it fits; `after` (the source)
  /// only when every row fits too.
  static func footer(_ data: ForgeCompareRows, width: Int, height: Int, context: RenderContext)
    -> (before: [StyledText], after: [StyledText])
  {
    let muted = context.theme.muted
    func wrap(_ s: String) -> [StyledText] { StyledText(s, style: muted).wrapped(to: width) }
    let keyRows = data.rows.filter { $0.priority == 0 }.count + 1
    var room = height - keyRows
    var before: [StyledText] = []
    let full = data.kvNotes.flatMap(wrap)
    if full.count <= room {
      before = full
    } else if room > 0 {
      before = [
        StyledText(data.kvShort, style: muted).truncated(
          to: width, ellipsis: context.glyphs.ellipsis)
      ]
    }
    room -= before.count
    // Past the model's maximum context the warning takes the verdict's place unless both fit
    // (the title carries the warning mark whatever the room).
    let verdict = StyledText(data.verdict, style: context.theme.text).wrapped(to: width)
    let warning =
      data.warning.map {
        StyledText($0, style: context.theme.warn).wrapped(to: width)
      } ?? []
    let warned = !warning.isEmpty && warning.count <= room
    if warned { room -= warning.count }
    if verdict.count <= room {
      before = verdict + before
      room -= verdict.count
    }
    if warned { before = warning + before }
    let source = wrap(data.source)
    let allRows = data.rows.count + 1 - keyRows
    return (before, source.count <= room - allRows ? source : [])
  }
}
