import ForgeCore
import TerminalUI

/// Where the lifecycle figure's parts go, as a pure function of the body rect and what the
/// boxes hold: the view draws into these rects and mouse clicks are hit-tested against the
/// same ones. Narrow or short screens stack the boxes over the substrate and the explanation;
/// from 120x30 up the explanation of the selected box stands beside the boxes, which grow to
/// carry their own explanation, and the return path gets a panel of its own.
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
  /// The room for the explanation of the selected box (the panel is as tall as its text);
  /// empty when there is no room.
  var detail: Rect
  /// The room for the panel that says what each box sends back; empty when there is none.
  var returns: Rect
  /// Boxes are narrow: short titles.
  var narrow: Bool
  /// The explanation stands beside the boxes, and boxes carry their own explanation.
  var beside: Bool

  static let gap = 2
  static let minBoxWidth = 14
  static let margin = 2
  /// The narrowest explanation column beside the boxes.
  static let minDetailWidth = 38

  init(
    _ area: Rect, dossier: Dossier = Dossier(.seedDefault), context: RenderContext = RenderContext()
  ) {
    self.area = area
    let stages = LifecycleStage.allCases
    caption = area.takingTop(1)
    let body = area.droppingTop(1)
    let leastBoxes = Self.margin + 5 * Self.minBoxWidth + 4 * Self.gap
    let columnWidth = min(
      max(Self.minDetailWidth, area.width * 34 / 100), area.width - leastBoxes - 1)
    // Beside where the column fits and the two rows of boxes hold their titles and figures
    // over the return path and the substrate.
    let besideWidths = Self.widths(body.width - columnWidth - 1, perRow: 5)
    let besideNarrow = (besideWidths.min() ?? 0) < 18
    let headers = Self.needs(
      widths: besideWidths, perRow: 5, narrow: besideNarrow, explains: false, dossier: dossier,
      context: context)
    beside =
      area.width >= leastBoxes + 1 + Self.minDetailWidth
      && 1 + 2 * ((headers.max() ?? 0) + 2) + 1 + 1 + 4 <= area.height
    var left = body
    var column = Rect(x: body.maxX, y: body.y, width: 0, height: body.height)
    if beside {
      left = body.takingLeft(body.width - columnWidth - 1)
      column = body.droppingLeft(left.width + 1)
    }
    let usable = max(0, left.width - Self.margin)
    let fit = max(1, (usable + Self.gap) / (Self.minBoxWidth + Self.gap))
    // Beside the explanation the boxes take two rows, so they grow tall rather than thin.
    let rows =
      beside ? 2 : (stages.count + min(stages.count, fit) - 1) / min(stages.count, fit)
    let perRow = (stages.count + rows - 1) / rows
    self.perRow = perRow
    let widths = Self.widths(left.width, perRow: perRow)
    let narrow = (widths.min() ?? 0) < 18
    self.narrow = narrow
    var heights: [Int]
    if beside {
      // As tall as the fullest box wants, no taller than twice the emptiest one's need (so
      // no box is more than half empty), and no taller than the room there is.
      let explains = (widths.min() ?? 0) - 2 >= LifecycleBox.explainingWidth
      let needs = Self.needs(
        widths: widths, perRow: perRow, narrow: narrow, explains: explains, dossier: dossier,
        context: context)
      let room = (left.height - (rows - 1) - 1 - 4) / rows
      // The blank row between a box's figures and its explanation fills nothing.
      let filled = needs.map { explains ? $0 - 1 : $0 }
      let want = min(needs.max() ?? 0, 2 * (filled.min() ?? 0)) + 2
      heights = Array(repeating: max(3, min(room, want)), count: rows)
    } else {
      // Each row as tall as its fullest box, where that leaves the substrate its rows; else
      // every row the same share (the boxes then take their short gists).
      let fixed = (rows - 1) + 1 + 3
      let share = max(3, min(9, (body.height - fixed) / rows))
      let needs = Self.needs(
        widths: widths, perRow: perRow, narrow: narrow, explains: false, dossier: dossier,
        context: context)
      let wants = (0..<rows).map { row in
        max(3, (needs[(row * perRow)..<min(needs.count, (row + 1) * perRow)].max() ?? 0) + 2)
      }
      heights =
        wants.reduce(0, +) <= body.height - fixed ? wants : wants.map { min($0, share) }
    }
    var boxes: [Rect] = []
    for i in stages.indices {
      let row = i / perRow
      let column = i % perRow
      let x = left.x + Self.margin + widths.prefix(column).reduce(0, +) + column * Self.gap
      let y = left.y + heights.prefix(row).reduce(0, +) + row
      boxes.append(
        Rect(x: x, y: y, width: widths[column], height: heights[row]).intersection(left))
    }
    self.boxes = boxes
    returnColumn = left.x
    let below = left.droppingTop(heights.reduce(0, +) + (rows - 1))
    returnRow = below.takingTop(1)
    let rest = below.droppingTop(1)
    if beside {
      substrate = rest.takingTop(4)
      detail = column
      // The return path's panel under the substrate where it fits whole, else under the
      // explanation (the view gives it the rows the explanation leaves).
      let under = rest.droppingTop(4)
      let height = LifecycleReturns.height(width: under.width, context: context)
      returns = under.height >= height ? under.takingTop(height) : column
    } else {
      // The explanation under the substrate where it gets two rows inside at least (a line
      // of it and the way to the rest); the substrate gives up its topics line for that.
      let least = 4
      if rest.height - 4 >= least {
        substrate = rest.takingTop(4)
        detail = rest.droppingTop(4)
      } else if rest.height - 3 >= least {
        substrate = rest.takingTop(3)
        detail = rest.droppingTop(3)
      } else {
        substrate = rest.takingTop(min(rest.height, 4))
        detail = Rect(x: rest.x, y: rest.maxY, width: rest.width, height: 0)
      }
      returns = Rect(x: rest.x, y: rest.maxY, width: rest.width, height: 0)
    }
  }

  /// The widths of `perRow` boxes across `width` (margin and gaps taken off).
  private static func widths(_ width: Int, perRow: Int) -> [Int] {
    Layout.solve(
      total: max(0, width - margin), Array(repeating: .fill, count: perRow), spacing: gap)
  }

  /// The rows each box's contents want at these widths (`explains`: with its explanation).
  private static func needs(
    widths: [Int], perRow: Int, narrow: Bool, explains: Bool, dossier: Dossier,
    context: RenderContext
  ) -> [Int] {
    LifecycleStage.allCases.map { stage in
      LifecycleBox(stage: stage, width: widths[stage.rawValue % perRow] - 2, narrow: narrow)
        .need(dossier: dossier, explains: explains, context: context)
    }
  }

  /// The stage whose box holds the point, if any.
  func stage(atX x: Int, y: Int) -> LifecycleStage? {
    boxes.firstIndex { $0.contains(x: x, y: y) }.flatMap { LifecycleStage(rawValue: $0) }
  }
}
