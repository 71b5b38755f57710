/// A row of labels laid out left to right, each with `padding` spaces either side and `gap`
/// columns between neighbours. Tab bars and stage strips pick the first of several
/// candidate rows (from roomiest to tightest) that fits their width.
public struct LabelRow: Hashable, Sendable {
  public var labels: [String]
  public var padding: Int
  public var gap: Int

  public init(_ labels: [String], padding: Int = 0, gap: Int = 1) {
    self.labels = labels
    self.padding = padding
    self.gap = gap
  }

  /// The columns the whole row takes.
  public var width: Int {
    labels.reduce(0) { $0 + $1.displayWidth + 2 * padding } + gap * max(0, labels.count - 1)
  }

  /// The first candidate that fits in `width`; if none does, `fallback` (by default the last
  /// candidate) with its labels cut to an equal share each (at least one column).
  public static func choose(
    _ candidates: [LabelRow], width: Int, fallback: LabelRow? = nil
  ) -> LabelRow {
    if let fit = candidates.first(where: { $0.width <= width }) { return fit }
    guard var last = fallback ?? candidates.last, !last.labels.isEmpty else { return LabelRow([]) }
    let n = last.labels.count
    let share = max(1, (width - last.gap * (n - 1)) / n - 2 * last.padding)
    last.labels = last.labels.map { $0.truncated(to: share, ellipsis: "") }
    return last
  }

  /// Each label's rect in the first row of `area`, clipped to it (empty when it falls outside).
  public func rects(in area: Rect) -> [Rect] {
    var x = area.x
    return labels.map { label in
      let w = label.displayWidth + 2 * padding
      let r = Rect(x: x, y: area.y, width: w, height: min(1, area.height)).intersection(area)
      x += w + gap
      return r.isEmpty ? Rect(x: area.x, y: area.y, width: 0, height: 0) : r
    }
  }

  /// Draws each label padded into its rect, styled by index.
  public func draw(into canvas: inout Canvas, area: Rect, style: (Int) -> Style) {
    let pad = String(repeating: " ", count: padding)
    for (i, rect) in rects(in: area).enumerated() where !rect.isEmpty {
      canvas.put(pad + labels[i] + pad, x: rect.x, y: rect.y, style: style(i), clip: rect)
    }
  }
}
