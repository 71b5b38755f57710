/// One table column: a header, how wide it is, and how its cells align.
public struct TableColumn: Hashable, Sendable {
  public var title: String
  public var width: Constraint
  public var alignment: TextAlignment
  /// A column singled out (its header is drawn in the selection style).
  public var marked = false
  /// A label shared by neighbouring columns (e.g. the KV head their query heads share): when
  /// any column has one, a row above the headers draws each run of equal labels once, centred
  /// in a rule spanning the run, so the grouping reads without colour.
  public var group: String?

  public init(_ title: String, width: Constraint = .fill, alignment: TextAlignment = .left) {
    self.title = title
    self.width = width
    self.alignment = alignment
  }
}

/// A table with a header row, column widths from layout constraints (one space between
/// columns), an optional group row above the headers, an optional selected row, and scrolling
/// by `firstRow`. Cells longer than their column end in an ellipsis; rows past the bottom are
/// not drawn.
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

  /// Rows above the body: the headers, and the group row when a column has a group.
  public var headerRows: Int { columns.contains { $0.group != nil } ? 2 : 1 }

  /// The data row drawn at screen row `y` (for mouse clicks), if any.
  public func row(atY y: Int, in area: Rect) -> Int? {
    let index = firstRow + (y - area.y - headerRows)
    guard y >= area.y + headerRows, y < area.maxY, index >= 0, index < rows.count else {
      return nil
    }
    return index
  }

  public func render(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    guard !area.isEmpty else { return }
    let t = context.theme
    let rects = columnRects(in: area)
    let headerRows = headerRows
    if headerRows == 2 { drawGroups(rects, into: &canvas, area: area, context: context) }
    for (column, rect) in zip(columns, rects) {
      let title = StyledText(
        column.title, style: column.marked ? t.selection : t.title.adding(.underline))
      draw(
        title, in: rect.row(headerRows - 1), alignment: column.alignment, canvas: &canvas,
        context)
    }
    let body = area.droppingTop(headerRows)
    for line in 0..<body.height {
      let index = firstRow + line
      guard index >= 0, index < rows.count else { continue }
      let isSelected = index == selected
      if isSelected { canvas.fill(body.row(line), style: t.selection) }
      for (c, rect) in rects.enumerated() where c < rows[index].count {
        let cell = isSelected ? rows[index][c].over(t.selection) : rows[index][c].over(t.text)
        draw(
          cell, in: rect.row(line + headerRows), alignment: columns[c].alignment, canvas: &canvas,
          context)
      }
    }
  }

  /// `──── kv1 ────` over each run of neighbouring columns with the same group.
  private func drawGroups(
    _ rects: [Rect], into canvas: inout Canvas, area: Rect, context: RenderContext
  ) {
    var start = 0
    while start < min(columns.count, rects.count) {
      var end = start
      while end + 1 < min(columns.count, rects.count),
        columns[end + 1].group == columns[start].group
      {
        end += 1
      }
      if let label = columns[start].group {
        let x = rects[start].x
        let span = Rect(x: x, y: area.y, width: rects[end].maxX - x, height: 1)
        let room = span.width - label.count - 2
        let text: String
        if room >= 2 {
          let rule = String(context.glyphs.horizontal)
          let left = room / 2
          text =
            String(repeating: rule, count: left) + " \(label) "
            + String(repeating: rule, count: room - left)
        } else {
          text = label
        }
        draw(
          StyledText(text, style: context.theme.text), in: span, alignment: .center,
          canvas: &canvas, context)
      }
      start = end + 1
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
