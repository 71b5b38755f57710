/// One table column: a header, how wide it is, and how its cells align.
public struct TableColumn: Hashable, Sendable {
  public var title: String
  public var width: Constraint
  public var alignment: TextAlignment
  /// A column singled out (its header is drawn in the selection style).
  public var marked = false

  public init(_ title: String, width: Constraint = .fill, alignment: TextAlignment = .left) {
    self.title = title
    self.width = width
    self.alignment = alignment
  }
}

/// A table with a header row, column widths from layout constraints (one space between
/// columns), an optional selected row, and scrolling by `firstRow`. Cells longer than their
/// column end in an ellipsis; rows past the bottom are not drawn.
public struct Table: Widget {
  public var columns: [TableColumn]
  public var rows: [[StyledText]]
  public var selected: Int?
  public var firstRow: Int

  public init(
    _ columns: [TableColumn], rows: [[StyledText]], selected: Int? = nil, firstRow: Int = 0
  ) {
    self.columns = columns
    self.rows = rows
    self.selected = selected
    self.firstRow = firstRow
  }

  /// The first row to show so that `selected` is visible in a body of `height` rows.
  public func scrolled(toShowSelectedIn height: Int) -> Int {
    guard let selected, height > 0 else { return firstRow }
    if selected < firstRow { return selected }
    if selected >= firstRow + height { return selected - height + 1 }
    return firstRow
  }

  /// Each column's rect over the whole area (header and body).
  public func columnRects(in area: Rect) -> [Rect] {
    area.columns(columns.map(\.width), spacing: 1)
  }

  /// The data row drawn at screen row `y` (for mouse clicks), if any.
  public func row(atY y: Int, in area: Rect) -> Int? {
    let index = firstRow + (y - area.y - 1)
    guard y > area.y, y < area.maxY, index >= 0, index < rows.count else { return nil }
    return index
  }

  public func render(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    guard !area.isEmpty else { return }
    let t = context.theme
    let rects = columnRects(in: area)
    for (column, rect) in zip(columns, rects) {
      let title = StyledText(
        column.title, style: column.marked ? t.selection : t.title.adding(.underline))
      draw(title, in: rect.row(0), alignment: column.alignment, canvas: &canvas, context)
    }
    let body = area.droppingTop(1)
    for line in 0..<body.height {
      let index = firstRow + line
      guard index >= 0, index < rows.count else { continue }
      let isSelected = index == selected
      if isSelected { canvas.fill(body.row(line), style: t.selection) }
      for (c, rect) in rects.enumerated() where c < rows[index].count {
        let cell = isSelected ? rows[index][c].over(t.selection) : rows[index][c].over(t.text)
        draw(
          cell, in: rect.row(line + 1), alignment: columns[c].alignment, canvas: &canvas, context)
      }
    }
  }

  private func draw(
    _ text: StyledText, in rect: Rect, alignment: TextAlignment, canvas: inout Canvas,
    _ context: RenderContext
  ) {
    TextBlock(text, overflow: .ellipsis, alignment: alignment).render(
      into: &canvas, area: rect, context: context)
  }
}
