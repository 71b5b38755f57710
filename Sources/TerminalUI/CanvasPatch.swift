/// The cells of one rect of a canvas, kept to be put back later: a part of a frame drawn once
/// and reused while what it was drawn from stays the same (the Forge's plot, terms and trace).
public struct CanvasPatch: Equatable, Sendable {
  /// Where the cells go (inside the canvas they were taken from).
  public let rect: Rect
  /// The cells, `rect.width` by `rect.height`, row by row.
  let cells: Canvas

  /// The cells of `rect` (clipped to the canvas) of `canvas`.
  public init(of rect: Rect, in canvas: Canvas) {
    let r = rect.intersection(canvas.bounds)
    self.rect = r
    var cells = Canvas(size: r.size)
    canvas.cells.withUnsafeBufferPointer { from in
      cells.withRows { to in
        for y in 0..<r.height {
          let start = (r.y + y) * canvas.size.width + r.x
          _ = to[(y * r.width)..<((y + 1) * r.width)].update(
            fromContentsOf: from[start..<(start + r.width)])
        }
      }
    }
    self.cells = cells
  }

  /// What `draw` draws in the rect it is given, a rect of `rect`'s size at the top left of a
  /// blank canvas of that size, as the patch for `rect`: the cells drawing at `rect` would
  /// give, for a drawing that goes by its rect alone.
  public init(drawing rect: Rect, _ draw: (inout Canvas, Rect) -> Void) {
    var cells = Canvas(size: rect.size)
    draw(&cells, Rect(size: rect.size))
    self.init(cells, x: rect.x, y: rect.y)
  }

  /// A canvas's cells as the patch for the rect of its size at (`x`, `y`).
  public init(_ cells: Canvas, x: Int, y: Int) {
    rect = Rect(x: x, y: y, width: cells.size.width, height: cells.size.height)
    self.cells = cells
  }
}

extension Canvas {
  /// Puts a patch's cells back at its rect, as if they had been drawn there: a wide character
  /// of this canvas cut by the rect's edge turns its other half into a blank, and a wide
  /// character the patch would cut at this canvas's right edge becomes a blank.
  public mutating func apply(_ patch: CanvasPatch) {
    let r = patch.rect.intersection(bounds)
    guard !r.isEmpty else { return }
    let width = size.width
    let patchWidth = patch.rect.width
    let dx = r.x - patch.rect.x
    let dy = r.y - patch.rect.y
    withRows { to in
      patch.cells.cells.withUnsafeBufferPointer { from in
        for y in r.y..<r.maxY {
          let row = y * width
          // Halves of wide characters of this canvas that the patch cuts in two.
          if to[row + r.x].width == 0, r.x > 0 { Canvas.blankHalf(&to[row + r.x - 1]) }
          if to[row + r.maxX - 1].width == 2, r.maxX < width {
            Canvas.blankHalf(&to[row + r.maxX])
          }
          let start = (y - r.y + dy) * patchWidth + dx
          _ = to[(row + r.x)..<(row + r.maxX)].update(
            fromContentsOf: from[start..<(start + r.width)])
          // Halves of the patch's wide characters whose other half stays outside.
          if to[row + r.x].width == 0 { Canvas.blankHalf(&to[row + r.x]) }
          if to[row + r.maxX - 1].width == 2 { Canvas.blankHalf(&to[row + r.maxX - 1]) }
        }
      }
    }
  }

  /// `patch` where it is the cells of `rect`, else what `draw` draws there: a part drawn
  /// ahead (a page's) or drawn now, the same cells either way.
  public mutating func apply(
    _ patch: CanvasPatch?, at rect: Rect, orDraw draw: (inout Canvas) -> Void
  ) {
    if let patch, patch.rect == rect {
      apply(patch)
    } else {
      draw(&self)
    }
  }
}
