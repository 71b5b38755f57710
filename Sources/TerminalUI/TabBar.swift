/// One tab: the key that selects it, its title, and an optional shorter title for narrow
/// terminals.
public struct Tab: Hashable, Sendable {
  public var key: String
  public var title: String
  public var shortTitle: String

  public init(key: String, title: String, shortTitle: String? = nil) {
    self.key = key
    self.title = title
    self.shortTitle = shortTitle ?? title
  }
}

/// A row of tabs ("F1 Forge  F2 Token Journey …") with one active. When the row is too narrow
/// it tries, in turn: short titles, tighter padding, titles without keys, keys only; the
/// last resort is cutting each label to an equal share. `hitRects(in:)` gives each tab's
/// rect for mouse clicks.
public struct TabBar: Widget {
  public var tabs: [Tab]
  public var active: Int

  public init(_ tabs: [Tab], active: Int) {
    self.tabs = tabs
    self.active = active
  }

  /// The labels and padding chosen for a row of `width` columns.
  public func labels(width: Int) -> (labels: [String], padding: Int) {
    let gap = 1
    let choices: [([String], Int)] = [
      (tabs.map { "\($0.key) \($0.title)" }, 1),
      (tabs.map { "\($0.key) \($0.shortTitle)" }, 1),
      (tabs.map { "\($0.key) \($0.shortTitle)" }, 0),
      (tabs.map(\.shortTitle), 0),
      (tabs.map(\.key), 0),
    ]
    for (labels, padding) in choices {
      let total = labels.reduce(0) { $0 + $1.displayWidth + 2 * padding } + gap * (labels.count - 1)
      if total <= width { return (labels, padding) }
    }
    let share = max(1, (width - gap * (tabs.count - 1)) / max(1, tabs.count))
    return (tabs.map { $0.shortTitle.truncated(to: share, ellipsis: "") }, 0)
  }

  /// Each tab's rect in a one-row area (clipped to it; a tab that does not fit is empty).
  public func hitRects(in area: Rect) -> [Rect] {
    let (labels, padding) = labels(width: area.width)
    var x = area.x
    return labels.map { label in
      let w = label.displayWidth + 2 * padding
      let r = Rect(x: x, y: area.y, width: w, height: min(1, area.height)).intersection(area)
      x += w + 1
      return r.isEmpty ? Rect(x: area.x, y: area.y, width: 0, height: 0) : r
    }
  }

  /// The index of the tab at a point, if any.
  public func tab(at point: Point, in area: Rect) -> Int? {
    hitRects(in: area).firstIndex { $0.contains(point) }
  }

  public func render(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    let row = area.row(0)
    guard !row.isEmpty else { return }
    let (labels, padding) = labels(width: row.width)
    let rects = hitRects(in: row)
    let pad = String(repeating: " ", count: padding)
    for (i, rect) in rects.enumerated() where !rect.isEmpty {
      let style = i == active ? context.theme.tabActive : context.theme.tabInactive
      canvas.put(pad + labels[i] + pad, x: rect.x, y: rect.y, style: style, clip: rect)
    }
  }
}
