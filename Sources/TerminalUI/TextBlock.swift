/// Horizontal placement of a line inside its area.
public enum TextAlignment: Sendable {
  case left, center, right

  /// The column where a line of `width` columns starts inside `area`.
  public func x(for width: Int, in area: Rect) -> Int {
    switch self {
    case .left: return area.x
    case .center: return area.x + max(0, area.width - width) / 2
    case .right: return area.x + max(0, area.width - width)
    }
  }
}

/// Styled text laid out in an area: word-wrapped, clipped at the edge, or cut with an
/// ellipsis; aligned left, centre or right. Lines that do not fit in the height are dropped
/// (use `firstLine` to scroll).
public struct TextBlock: Widget {
  public enum Overflow: Sendable {
    /// Break lines at spaces (long words are broken too).
    case wrap
    /// Cut lines at the right edge.
    case clip
    /// Cut lines at the right edge, ending in an ellipsis.
    case ellipsis
  }

  public var text: StyledText
  public var overflow: Overflow
  public var alignment: TextAlignment
  /// Drawn under every span (a span's default colours come from it) and over the whole area.
  public var base: Style
  /// The first laid-out line to show.
  public var firstLine: Int

  public init(
    _ text: StyledText, overflow: Overflow = .wrap, alignment: TextAlignment = .left,
    base: Style = .plain, firstLine: Int = 0
  ) {
    self.text = text
    self.overflow = overflow
    self.alignment = alignment
    self.base = base
    self.firstLine = firstLine
  }

  /// The lines as they are drawn at `width` columns (before vertical clipping).
  public func layout(width: Int, ellipsis: String = "…") -> [StyledText] {
    guard width > 0 else { return [] }
    let lines = text.over(base).lines
    switch overflow {
    case .wrap: return lines.flatMap { $0.wrapped(to: width) }
    case .clip: return lines.map { $0.truncated(to: width, ellipsis: "") }
    case .ellipsis: return lines.map { $0.truncated(to: width, ellipsis: ellipsis) }
    }
  }

  public func render(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    guard !area.isEmpty else { return }
    render(layout(width: area.width, ellipsis: context.glyphs.ellipsis), into: &canvas, area: area)
  }

  /// `render` with `lines` already laid out for `area` (`layout(width:ellipsis:)` at its
  /// width), for a caller that needs them too: laid out once, not twice.
  public func render(_ lines: [StyledText], into canvas: inout Canvas, area: Rect) {
    guard !area.isEmpty else { return }
    if base != .plain { canvas.fill(area, style: base) }
    for (row, line) in lines.dropFirst(max(0, firstLine)).prefix(area.height).enumerated() {
      let x = alignment.x(for: line.displayWidth, in: area)
      canvas.put(line, x: x, y: area.y + row, clip: area)
    }
  }
}
