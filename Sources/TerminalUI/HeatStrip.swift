/// A row of numbers as shaded cells (an embedding row at a glance): the shade is the size
/// relative to the largest magnitude (any non-zero value shows), the style tells the sign (positive `changedUp`,
/// negative `changedDown`, so it also reads in monochrome as bold shades). Values that do
/// not fit the width are cut, with an ellipsis in the last cell.
public struct HeatStrip: Widget {
  public var values: [Double]
  /// Cells per value.
  public var cellWidth: Int

  public init(_ values: [Double], cellWidth: Int = 1) {
    self.values = values
    self.cellWidth = max(1, cellWidth)
  }

  /// The shade level (index into `GlyphSet.heat`) of each value.
  public func levels(count: Int) -> [Int] {
    let finite = values.map { $0.isFinite ? abs($0) : 0 }
    let top = finite.max() ?? 0
    return finite.map { m in
      guard top > 0, m > 0 else { return 0 }
      return max(1, Int((m / top * Double(count - 1)).rounded()))
    }
  }

  public func render(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    let row = area.row(0)
    guard !row.isEmpty, !values.isEmpty else { return }
    let g = context.glyphs
    let shown = min(values.count, row.width / cellWidth)
    let levels = levels(count: g.heat.count)
    for i in 0..<shown {
      let cut = shown < values.count && i == shown - 1
      let glyph = cut ? g.ellipsis : String(repeating: g.heat[levels[i]], count: cellWidth)
      let style = values[i] < 0 ? context.theme.changedDown : context.theme.changedUp
      canvas.put(
        glyph, x: row.x + i * cellWidth, y: row.y, style: cut ? context.theme.muted : style,
        clip: row)
    }
  }
}
