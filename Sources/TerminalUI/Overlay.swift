/// A modal box centred over the screen: it clears the cells under it, draws a focused panel
/// with a title, and word-wraps its lines inside. For help and traces. Content taller than
/// the screen scrolls with `firstLine`; arrows on the border show there is more above or
/// below.
public struct Overlay: Widget {
  public var title: String
  public var lines: [StyledText]
  /// The widest the box may grow (it also never exceeds the area).
  public var maxWidth: Int
  /// The first wrapped line shown.
  public var firstLine: Int

  public init(_ title: String, lines: [StyledText], maxWidth: Int = 72, firstLine: Int = 0) {
    self.title = title
    self.lines = lines
    self.maxWidth = maxWidth
    self.firstLine = firstLine
  }

  private var body: TextBlock {
    var text = StyledText()
    for (i, line) in lines.enumerated() {
      if i > 0 { text.append("\n") }
      text.append(line)
    }
    return TextBlock(text)
  }

  /// The box's rect inside `area`: wide enough for the title and the longest line when it can
  /// be, tall enough for the wrapped lines, border and one column of margin each side.
  public func frame(in area: Rect) -> Rect {
    let widest = max(title.displayWidth + 4, lines.map(\.displayWidth).max() ?? 0)
    let width = min(area.width, maxWidth, widest + 4)
    let height = body.layout(width: width - 4).count + 2
    return area.centered(width: width, height: height)
  }

  /// The largest useful `firstLine` in `area` (0 when everything fits): for clamping scrolls.
  public func lastFirstLine(in area: Rect) -> Int {
    let box = frame(in: area)
    return max(0, body.layout(width: box.width - 4).count - max(0, box.height - 2))
  }

  public func render(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    let box = frame(in: area)
    guard !box.isEmpty else { return }
    let style = context.theme.overlay
    canvas.fill(box, style: style)
    let panel = Panel(title, focused: true, background: style)
    let inner = panel.draw(into: &canvas, area: box, context: context)
    var block = body
    block.base = style
    block.firstLine = min(max(0, firstLine), lastFirstLine(in: area))
    block.render(into: &canvas, area: inner.inset(left: 1, right: 1), context: context)
    guard box.width >= 4, box.height >= 3 else { return }
    let arrowStyle = context.theme.key.over(style)
    if block.firstLine > 0 {
      canvas.put(context.glyphs.arrowUp, x: box.maxX - 3, y: box.y, style: arrowStyle)
    }
    if block.firstLine < lastFirstLine(in: area) {
      canvas.put(context.glyphs.arrowDown, x: box.maxX - 3, y: box.maxY - 1, style: arrowStyle)
    }
  }
}
