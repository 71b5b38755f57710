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
/// last resort is cutting each title to an equal share. `hitRects(in:)` gives each tab's
/// rect for mouse clicks.
public struct TabBar: Widget {
  public var tabs: [Tab]
  public var active: Int

  public init(_ tabs: [Tab], active: Int) {
    self.tabs = tabs
    self.active = active
  }

  /// The labels and padding chosen for a row of `width` columns.
  public func layout(width: Int) -> LabelRow {
    LabelRow.choose(
      [
        LabelRow(tabs.map { "\($0.key) \($0.title)" }, padding: 1),
        LabelRow(tabs.map { "\($0.key) \($0.shortTitle)" }, padding: 1),
        LabelRow(tabs.map { "\($0.key) \($0.shortTitle)" }),
        LabelRow(tabs.map(\.shortTitle)),
        LabelRow(tabs.map(\.key)),
      ], width: width, fallback: LabelRow(tabs.map(\.shortTitle)))
  }

  /// Each tab's rect in a one-row area (clipped to it; a tab that does not fit is empty).
  public func hitRects(in area: Rect) -> [Rect] { layout(width: area.width).rects(in: area) }

  /// The index of the tab at a point, if any.
  public func tab(at point: Point, in area: Rect) -> Int? {
    hitRects(in: area).firstIndex { $0.contains(point) }
  }

  public func render(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    let row = area.row(0)
    guard !row.isEmpty else { return }
    layout(width: row.width).draw(into: &canvas, area: row) {
      $0 == active ? context.theme.tabActive : context.theme.tabInactive
    }
  }
}
