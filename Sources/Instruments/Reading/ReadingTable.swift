import TerminalUI

extension ReadingState {
  /// The entries, one per line, the selected one highlighted. (Becomes the kit's Table once
  /// it lands on main.)
  func drawTable(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    for (i, row) in tableRows(context).enumerated() {
      let y = area.y + 1 + i
      guard y < area.maxY else { break }
      var line = StyledText()
      for (c, cell) in row.enumerated() {
        if c > 0 { line.append("  ") }
        line.append(cell)
      }
      if i == selected { canvas.fill(area.row(i + 1), style: context.theme.selection) }
      canvas.put(
        (i == selected ? line.over(context.theme.selection) : line).truncated(
          to: area.width, ellipsis: context.glyphs.ellipsis), x: area.x, y: y, clip: area)
    }
  }
}
