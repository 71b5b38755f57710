import TerminalUI

/// Where the lifecycle figure's parts go, as a pure function of the body rect: the view draws
/// into these rects and mouse clicks are hit-tested against the same ones.
struct LifecycleLayout: Equatable, Sendable {
  /// The whole body: nothing is drawn outside it.
  var area: Rect
  /// One line on top naming the design the live figures come from.
  var caption: Rect
  /// One rect per stage, in `LifecycleStage` order, left to right then top to bottom.
  var boxes: [Rect]
  /// Boxes per row of boxes.
  var perRow: Int
  /// The column of the return path's climb back to the first box.
  var returnColumn: Int
  /// The row under the boxes where the return path runs back.
  var returnRow: Rect
  var substrate: Rect
  /// The always-visible explanation of the selected box; empty when there is no room.
  var detail: Rect
  /// Boxes are narrow: short titles.
  var narrow: Bool

  static let gap = 2
  static let minBoxWidth = 14
  static let margin = 2

  init(_ area: Rect) {
    self.area = area
    let stages = LifecycleStage.allCases.count
    let usable = max(0, area.width - Self.margin)
    let fit = max(1, (usable + Self.gap) / (Self.minBoxWidth + Self.gap))
    let rows = (stages + min(stages, fit) - 1) / min(stages, fit)
    perRow = (stages + rows - 1) / rows
    let fixed = 1 + (rows - 1) + 1 + 3
    let boxHeight = max(3, min(9, (area.height - fixed) / rows))
    caption = area.takingTop(1)
    let widths = Layout.solve(
      total: usable, Array(repeating: .fill, count: perRow), spacing: Self.gap)
    var boxes: [Rect] = []
    for i in 0..<stages {
      let row = i / perRow
      let column = i % perRow
      let x = area.x + Self.margin + widths.prefix(column).reduce(0, +) + column * Self.gap
      let y = area.y + 1 + row * (boxHeight + 1)
      boxes.append(Rect(x: x, y: y, width: widths[column], height: boxHeight).intersection(area))
    }
    self.boxes = boxes
    narrow = (widths.min() ?? 0) < 18
    returnColumn = area.x
    let below = area.droppingTop(1 + rows * boxHeight + (rows - 1))
    returnRow = below.takingTop(1)
    let rest = below.droppingTop(1)
    let detailRoom = rest.height - 3
    if detailRoom >= 6 {
      substrate = rest.takingTop(4)
      detail = rest.droppingTop(4)
    } else {
      substrate = rest.takingTop(min(rest.height, 4))
      detail = Rect(x: rest.x, y: rest.maxY, width: rest.width, height: 0)
    }
  }

  /// The stage whose box holds the point, if any.
  func stage(atX x: Int, y: Int) -> LifecycleStage? {
    boxes.firstIndex { $0.contains(x: x, y: y) }.flatMap { LifecycleStage(rawValue: $0) }
  }
}
