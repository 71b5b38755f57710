import TerminalUI

extension ReadingState {
  /// The where-to-go-next table: one row per entry, the selected one highlighted.
  func table(_ context: RenderContext) -> Table {
    let g = context.glyphs
    let rows = ReadingEntry.all.map { e in
      [
        StyledText(e.want, style: context.theme.title),
        StyledText(g.text(e.items.joined(separator: " \(g.middleDot) "))),
        StyledText("F\(e.screen.functionKey) \(e.screen.title)", style: context.theme.accent),
      ]
    }
    return Table(
      [
        TableColumn("If you want", width: .fixed(19)), TableColumn("Read / build"),
        TableColumn("In this app", width: .fixed(16)),
      ],
      rows: rows, selected: selected)
  }
}
