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
    let inner = Panel(title(design: design, model: model, glyphs: g, width: area.width))
      .draw(into: &canvas, area: area, context: context)
    guard !inner.isEmpty else { return }
    let data = ForgeCompareRows(design: design, model: model, glyphs: g)
    let notes = footer(data, width: inner.width, height: inner.height, context: context)
    let table = inner.droppingBottom(notes.count)
    let rows = data.visible(in: table.height - 1)
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
    for (i, line) in notes.enumerated() {
      canvas.put(line, x: inner.x, y: table.maxY + i, clip: inner)
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

  /// The lines under the table: the KV assumption in full when there is room (wrapped), in
  /// a few words otherwise, then the source if room remains after the table's key rows.
  static func footer(_ data: ForgeCompareRows, width: Int, height: Int, context: RenderContext)
    -> [StyledText]
  {
    let muted = context.theme.muted
    let keyRows = data.rows.filter { $0.priority == 0 }.count + 1
    let full = data.kvNotes.flatMap { StyledText($0, style: muted).wrapped(to: width) }
    let source = StyledText(data.source, style: muted).wrapped(to: width)
    let short = StyledText(data.kvShort, style: muted).truncated(
      to: width, ellipsis: context.glyphs.ellipsis)
    let room = height - keyRows
    if full.count + source.count <= room - (data.rows.count + 1 - keyRows) {
      return full + source
    }
    if full.count <= room { return full }
    return room > 0 ? [short] : []
  }
}
