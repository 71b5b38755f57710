import TerminalUI

extension ReadingState {
  public func view(into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext) {
    let layout = ReadingLayout(area, context: context)
    let theme = context.theme
    let g = context.glyphs
    canvas.put(
      StyledText(
        "Each road starts somewhere in this app; Enter opens the screen it connects to.",
        style: theme.title
      )
      .truncated(to: layout.intro.width, ellipsis: g.ellipsis),
      x: layout.intro.x, y: layout.intro.y, clip: layout.intro)
    Panel("Where to go next", focused: true).draw(
      into: &canvas, area: layout.tablePanel, context: context)
    drawTable(into: &canvas, layout: layout, context: context)
    // The detail panel is as tall as its text, up to the room there is.
    let text = TextBlock(detailText(context, why: !layout.whyColumn))
    let height = text.layout(width: layout.detail.width - 4).count + 2
    let inner = Panel(entry.want, focused: false).draw(
      into: &canvas, area: layout.detail.takingTop(height), context: context)
    text.render(into: &canvas, area: inner.inset(left: 1, right: 1), context: context)
    drawList(into: &canvas, area: layout.list, context: context)
  }

  /// The selected entry in full: what to read or build, why (unless the table shows it), and
  /// what to try in this app.
  func detailText(_ context: RenderContext, why: Bool = true) -> StyledText {
    let theme = context.theme
    let g = context.glyphs
    let e = entry
    var text = StyledText("Read / build: ", style: theme.title)
    text.append(g.text(e.items.joined(separator: " \(g.middleDot) ")) + "\n", style: theme.accent)
    if why { text.append(g.text(e.why) + "\n", style: theme.text) }
    text.append("In this app: ", style: theme.title)
    text.append("F\(e.screen.functionKey) \(e.screen.title)", style: theme.accent)
    text.append(", " + g.text(e.tryThere) + ". ", style: theme.text)
    text.append("Enter", style: theme.key)
    text.append(" opens it.", style: theme.text)
    return text
  }
}
