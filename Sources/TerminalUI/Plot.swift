/// A curve on a plot: its points in data units and how it is drawn.
public struct PlotSeries: Hashable, Sendable {
  public var points: [PlotPoint]
  public var style: Style
  /// The character for each point of the curve in ASCII mode (Unicode uses Braille dots).
  public var asciiGlyph: Character

  public init(_ points: [PlotPoint], style: Style = .plain, asciiGlyph: Character = "*") {
    self.points = points
    self.style = style
    self.asciiGlyph = asciiGlyph
  }
}

public struct PlotPoint: Hashable, Sendable {
  public var x: Double
  public var y: Double
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// A labelled point: the optimum, the current design, a gallery model.
public struct PlotMarker: Hashable, Sendable {
  public var at: PlotPoint
  public var glyph: Character
  public var label: String
  public var style: Style

  public init(at: PlotPoint, glyph: Character, label: String = "", style: Style = .plain) {
    self.at = at
    self.glyph = glyph
    self.label = label
    self.style = style
  }
}

/// A small chart: axis names on the top row, y ticks on the left, x ticks under the x axis,
/// curves in Braille dots (or ASCII characters) and labelled markers on top. Points that an
/// axis cannot place (not finite, not positive on a log axis) break the curve; markers out
/// of range are not drawn. Areas too small for axes draw nothing.
public struct Plot: Widget, Equatable, Sendable {
  public var x: PlotAxis
  public var y: PlotAxis {
    didSet { yLabelWidth = Self.labelWidth(y) }
  }
  public var series: [PlotSeries]
  public var markers: [PlotMarker]
  /// The widest y tick label, worked out once per axis (every marker's cell needs it).
  private var yLabelWidth: Int

  public init(x: PlotAxis, y: PlotAxis, series: [PlotSeries] = [], markers: [PlotMarker] = []) {
    self.x = x
    self.y = y
    self.series = series
    self.markers = markers
    yLabelWidth = Self.labelWidth(y)
  }

  private static func labelWidth(_ y: PlotAxis) -> Int {
    y.ticks.map { y.label(for: $0).displayWidth }.max() ?? 0
  }

  /// The rect the curves are drawn in (empty when the area is too small for the axes).
  public func plotRect(in area: Rect) -> Rect {
    let r = area.inset(top: 1, left: yLabelWidth + 1, bottom: 2)
    return r.width < 2 || r.height < 2 ? Rect(x: area.x, y: area.y, width: 0, height: 0) : r
  }

  /// The cell where a data point falls, if it is inside the plot.
  public func cell(for p: PlotPoint, in area: Rect) -> Point? {
    cell(for: p, plot: plotRect(in: area))
  }

  /// The cell where a data point falls in the plot rect `plot`, if inside it.
  private func cell(for p: PlotPoint, plot: Rect) -> Point? {
    guard !plot.isEmpty, let px = x.position(p.x), let py = y.position(p.y),
      (0...1).contains(px), (0...1).contains(py)
    else { return nil }
    return Point(
      x: plot.x + Int((px * Double(plot.width - 1)).rounded()),
      y: plot.y + Int(((1 - py) * Double(plot.height - 1)).rounded()))
  }

  public func render(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    let plot = plotRect(in: area)
    guard !plot.isEmpty, x.isValid, y.isValid else { return }
    drawAxes(into: &canvas, area: area, plot: plot, context: context)
    var grid = DotGrid(cells: plot.size, unicode: context.glyphs.isUnicode)
    for s in series { trace(s, on: &grid) }
    grid.draw(into: &canvas, origin: Point(x: plot.x, y: plot.y))
    // A labelled marker keeps a blank cell either side of it and its label, so the curve
    // never runs into the text; cleared first, so no label or marker is cleared.
    let markerCells = Set(markers.compactMap { cell(for: $0.at, in: area) })
    for m in markers {
      for p in halo(m, area: area, plot: plot) where !markerCells.contains(p) {
        canvas.put(" ", x: p.x, y: p.y, clip: plot)
      }
    }
    for m in markers { draw(m, into: &canvas, area: area, plot: plot) }
  }

  /// The cells either side of a labelled marker and its label (none for a bare marker).
  private func halo(_ m: PlotMarker, area: Rect, plot: Rect) -> [Point] {
    guard !m.label.isEmpty, let c = cell(for: m.at, in: area) else { return [] }
    let width = m.label.displayWidth + 1
    return labelsRight(m, at: c, plot: plot)
      ? [Point(x: c.x - 1, y: c.y), Point(x: c.x + width + 1, y: c.y)]
      : [Point(x: c.x - width - 1, y: c.y), Point(x: c.x + 1, y: c.y)]
  }

  /// True when a marker's label goes on its right (where it fits, or where the left has no room).
  private func labelsRight(_ m: PlotMarker, at c: Point, plot: Rect) -> Bool {
    let width = m.label.displayWidth + 1
    return c.x + 1 + width <= plot.maxX || c.x - width < plot.x
  }

  private func trace(_ s: PlotSeries, on grid: inout DotGrid) {
    let dots = grid.dots
    let xAxis = x.positioner
    let yAxis = y.positioner
    func dot(_ p: PlotPoint) -> (x: Int, y: Int)? {
      guard let px = xAxis.position(p.x), let py = yAxis.position(p.y) else { return nil }
      // Far-off points are pulled in so a line towards them stays short to trace.
      let cx = min(max(px, -1), 2)
      let cy = min(max(py, -1), 2)
      return (
        Int((cx * Double(dots.width - 1)).rounded()),
        Int(((1 - cy) * Double(dots.height - 1)).rounded())
      )
    }
    var previous: (x: Int, y: Int)?
    for p in s.points {
      let d = dot(p)
      if let d {
        grid.line(from: previous ?? d, to: d, style: s.style, ascii: s.asciiGlyph)
      }
      previous = d
    }
  }

  private func drawAxes(
    into canvas: inout Canvas, area: Rect, plot: Rect, context: RenderContext
  ) {
    let t = context.theme
    let g = context.glyphs
    let axisX = plot.x - 1
    let yEnd = canvas.put(y.label, x: area.x, y: area.y, style: t.muted, clip: area)
    let xStart = area.maxX - x.label.displayWidth
    if xStart > yEnd || y.label.isEmpty {
      canvas.put(x.label, x: xStart, y: area.y, style: t.muted, clip: area)
    }
    canvas.put(g.vertical, down: plot.height, x: axisX, y: plot.y, style: t.border)
    if g.bottomLeft.loneNarrowScalar != nil {
      // One cell, then the run: as the two written as one string.
      canvas.put(g.bottomLeft, x: axisX, y: plot.maxY, style: t.border, clip: area)
      canvas.put(
        g.horizontal, repeating: plot.width, x: axisX + 1, y: plot.maxY, style: t.border,
        clip: area)
    } else {
      let rule = String(g.bottomLeft) + String(repeating: g.horizontal, count: plot.width)
      canvas.put(rule, x: axisX, y: plot.maxY, style: t.border, clip: area)
    }
    for tick in y.ticks {
      guard let p = y.position(tick) else { continue }
      let row = plot.y + Int(((1 - p) * Double(plot.height - 1)).rounded())
      canvas.put(g.teeRight, x: axisX, y: row, style: t.border)
      canvas.put(
        y.label(for: tick).leftPadded(to: axisX - area.x), x: area.x, y: row, style: t.muted)
    }
    let tickMark: Character = g.isUnicode ? "┬" : "+"
    var free = area.x
    for tick in x.ticks {
      guard let p = x.position(tick) else { continue }
      let col = plot.x + Int((p * Double(plot.width - 1)).rounded())
      canvas.put(tickMark, x: col, y: plot.maxY, style: t.border)
      let label = x.label(for: tick)
      let start = min(max(col - label.displayWidth / 2, area.x), area.maxX - label.displayWidth)
      guard start >= free else { continue }
      free = canvas.put(label, x: start, y: plot.maxY + 1, style: t.muted, clip: area) + 1
    }
  }

  private func draw(_ m: PlotMarker, into canvas: inout Canvas, area: Rect, plot: Rect) {
    guard let c = cell(for: m.at, plot: plot) else { return }
    canvas.put(m.glyph, x: c.x, y: c.y, style: m.style, clip: plot)
    guard !m.label.isEmpty else { return }
    // One blank cell between the glyph and its label, on the right when it fits.
    let width = m.label.displayWidth + 1
    let fitsRight = labelsRight(m, at: c, plot: plot)
    let text = fitsRight ? " " + m.label : m.label + " "
    canvas.put(text, x: fitsRight ? c.x + 1 : c.x - width, y: c.y, style: m.style, clip: plot)
  }
}
