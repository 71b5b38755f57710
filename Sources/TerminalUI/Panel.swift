/// A titled box. Draws its border (focus shown by the border style and a heavier title),
/// and gives back the inner rect for the content. Areas under 2x2 draw nothing and have an
/// empty inside.
public struct Panel: Widget {
  public var title: String
  public var focused: Bool
  /// What the border sits on (an overlay's colour): default colours of the border and title
  /// come from it.
  public var background: Style

  public init(_ title: String = "", focused: Bool = false, background: Style = .plain) {
    self.title = title
    self.focused = focused
    self.background = background
  }

  /// The rect inside the border.
  public static func inner(of area: Rect) -> Rect {
    area.width < 2 || area.height < 2
      ? Rect(x: area.x, y: area.y, width: 0, height: 0) : area.inset(1)
  }

  public func render(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    draw(into: &canvas, area: area, context: context)
  }

  /// Draws the panel and returns its inner rect.
  @discardableResult
  public func draw(into canvas: inout Canvas, area: Rect, context: RenderContext) -> Rect {
    let inner = Panel.inner(of: area)
    guard area.width >= 2, area.height >= 2 else { return inner }
    let g = context.glyphs
    let style = (focused ? context.theme.borderFocus : context.theme.border).over(background)
    // The rules are runs of one glyph: filled, not built as strings and measured.
    canvas.put(g.topLeft, x: area.x, y: area.y, style: style)
    canvas.fill(
      Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1), glyph: g.horizontal,
      style: style)
    canvas.put(g.topRight, x: area.maxX - 1, y: area.y, style: style)
    canvas.put(g.bottomLeft, x: area.x, y: area.maxY - 1, style: style)
    canvas.fill(
      Rect(x: area.x + 1, y: area.maxY - 1, width: area.width - 2, height: 1),
      glyph: g.horizontal, style: style)
    canvas.put(g.bottomRight, x: area.maxX - 1, y: area.maxY - 1, style: style)
    // The sides are columns of one glyph: the left one, then the right (rows never share a write).
    canvas.put(g.vertical, down: inner.height, x: area.x, y: inner.y, style: style)
    canvas.put(g.vertical, down: inner.height, x: area.maxX - 1, y: inner.y, style: style)
    // The title sits after the corner and one rule, with a space either side, and never
    // reaches the far corner.
    let room = area.width - 4
    let label = title.truncated(to: room - 2, ellipsis: g.ellipsis)
    if !label.isEmpty {
      let titleStyle = (focused ? context.theme.title.adding(.bold) : context.theme.title).over(
        background)
      let clip = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1)
      canvas.put(" ", x: area.x + 2, y: area.y, style: style, clip: clip)
      let end = canvas.put(label, x: area.x + 3, y: area.y, style: titleStyle, clip: clip)
      canvas.put(" ", x: end, y: area.y, style: style, clip: clip)
    }
    return inner
  }
}
