import TerminalUI

extension ReadingState {
  /// One entry's cells: what you want, what to read or build, (why,) and the screen.
  static func cells(_ e: ReadingEntry, why: Bool, context: RenderContext) -> [StyledText] {
    let g = context.glyphs
    var cells = [
      StyledText(e.want, style: context.theme.title),
      StyledText(g.text(e.items.joined(separator: " \(g.middleDot) "))),
    ]
    if why { cells.append(StyledText(g.text(e.why))) }
    cells.append(
      StyledText("F\(e.screen.functionKey) \(e.screen.title)", style: context.theme.accent))
    return cells
  }

  /// The where-to-go-next table: a header, then one row per entry (as tall as the layout
  /// gives it, its cells wrapped; one line rows end in an ellipsis where they cut), the
  /// selected one highlighted.
  func drawTable(into canvas: inout Canvas, layout: ReadingLayout, context: RenderContext) {
    let t = context.theme
    var titles = ["If you want", "Read / build"]
    if layout.whyColumn { titles.append("Why") }
    titles.append("In this app")
    for (title, rect) in zip(titles, layout.columns) {
      canvas.put(
        StyledText(title, style: t.title.adding(.underline)), x: rect.x, y: layout.table.y,
        clip: rect.row(0))
    }
    for (i, entry) in ReadingEntry.all.enumerated() {
      let top = layout.rowTops[i]
      let height = layout.rowHeights[i]
      let band = Rect(x: layout.table.x, y: top, width: layout.table.width, height: height)
        .intersection(layout.table)
      guard !band.isEmpty else { continue }
      let isSelected = i == selected
      if isSelected { canvas.fill(band, style: t.selection) }
      let cells = Self.cells(entry, why: layout.whyColumn, context: context)
      for (cell, column) in zip(cells, layout.columns) {
        let rect = Rect(x: column.x, y: top, width: column.width, height: height)
          .intersection(band)
        TextBlock(
          isSelected ? cell.over(t.selection) : cell.over(t.text),
          overflow: height == 1 ? .ellipsis : .wrap
        ).render(into: &canvas, area: rect, context: context)
      }
    }
  }
}
