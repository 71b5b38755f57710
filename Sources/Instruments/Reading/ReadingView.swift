import TerminalUI

extension ReadingState {
  public func view(into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext) {
    let layout = ReadingLayout(area)
    let theme = context.theme
    let g = context.glyphs
    canvas.put(
      StyledText("Where to go next, and where each road starts in this app.", style: theme.title)
        .truncated(to: layout.intro.width, ellipsis: g.ellipsis),
      x: layout.intro.x, y: layout.intro.y, clip: layout.intro)
    Panel("If you want", focused: true).draw(
      into: &canvas, area: layout.tablePanel, context: context)
    drawTable(into: &canvas, area: layout.table, context: context)
    let inner = Panel(entry.want, focused: false).draw(
      into: &canvas, area: layout.detail, context: context)
    TextBlock(detailText(context)).render(
      into: &canvas, area: inner.inset(left: 1, right: 1), context: context)
  }

  /// The selected entry in full: what to read or build, why, and what to try in this app.
  func detailText(_ context: RenderContext) -> StyledText {
    let theme = context.theme
    let g = context.glyphs
    let e = entry
    var text = StyledText("Read / build\n", style: theme.title)
    for item in e.items { text.append("  \(g.bullet) \(g.text(item))\n", style: theme.text) }
    text.append("\n" + g.text(e.why) + "\n\n", style: theme.text)
    text.append("In this app: ", style: theme.title)
    text.append("F\(e.screen.functionKey) \(e.screen.title)", style: theme.accent)
    text.append(", " + g.text(e.tryThere) + ". ", style: theme.text)
    text.append("Enter", style: theme.key)
    text.append(" opens it.", style: theme.text)
    return text
  }

  /// The table's cells for each entry: want, read/build, screen.
  func tableRows(_ context: RenderContext) -> [[StyledText]] {
    let g = context.glyphs
    return ReadingEntry.all.map { e in
      [
        StyledText(e.want, style: context.theme.title),
        StyledText(g.text(e.items.joined(separator: " \(g.middleDot) "))),
        StyledText("F\(e.screen.functionKey) \(e.screen.title)", style: context.theme.accent),
      ]
    }
  }
}
