import ForgeCore
import Foundation
import TerminalUI

/// The Forge's plot: the IsoFLOP curve at the design's budget (or the loss frontier over
/// 10^20…10^27) with the compute-optimal point, the design and the real models marked, in a
/// titled box with a legend under the chart.
public enum ForgePlotPanel {
  /// Inner sizes below these get the compact legend (one line, only the picked model named)
  /// and unlabelled real models.
  static let roomyWidth = 40
  static let roomyHeight = 14

  /// What the panel draws in an area: the chart's rect, its points and the legend's lines.
  struct Frame: Equatable, Sendable {
    let inner: Rect
    let chartArea: Rect
    let points: ForgePlotPoints
    let roomy: Bool
    let legend: [StyledText]
  }

  /// The frame for `area` (border included); nil when the area has no inside.
  static func frame(
    area: Rect, design: ForgeDesign, state: ForgePlotState, context: RenderContext,
    curves: ForgePlotCurves = ForgePlotCurves()
  ) -> Frame? {
    let inner = Panel.inner(of: area)
    guard !inner.isEmpty else { return nil }
    let roomy = inner.width >= roomyWidth && inner.height >= roomyHeight
    let points = ForgePlotPoints(
      design: design, state: state, resolution: resolution(inner), curves: curves)
    let legend = ForgePlotLegend(points: points, design: design, state: state, context: context)
      .lines(roomy: roomy, width: inner.width)
    // The chart keeps at least three quarters of the rows; the legend's tail goes first.
    let legendRows = min(legend.count, max(1, inner.height / 4), max(0, inner.height - 5))
    return Frame(
      inner: inner, chartArea: inner.droppingBottom(legendRows), points: points, roomy: roomy,
      legend: Array(legend.prefix(legendRows)))
  }

  /// Points a curve for a panel whose inside is `inner`: two a column (Braille dots), and one.
  static func resolution(_ inner: Rect) -> Int { inner.width * 2 + 1 }

  /// The IsoFLOP curves a panel at `area` draws (`ForgePlotPoints.curveArgs`).
  static func curveArgs(area: Rect, design: ForgeDesign, state: ForgePlotState)
    -> [IsoFLOPCurveArgs]
  {
    let inner = Panel.inner(of: area)
    guard !inner.isEmpty else { return [] }
    return ForgePlotPoints.curveArgs(design: design, state: state, resolution: resolution(inner))
  }

  /// The panel for an area laid out: its title, its frame and the chart widget (no frame
  /// and no chart when the area has no inside).
  struct Laid: Equatable, Sendable {
    let title: String
    let frame: Frame?
    let chart: Plot?

    /// Whether `render` draws the two the same: the same title, chart, legend and places.
    /// The points the chart was made from may differ where nothing drawn does (the gallery
    /// models' serving comparisons follow the GPU, precision and context; the plot does not).
    func drawsSame(as other: Laid) -> Bool {
      guard title == other.title, chart == other.chart else { return false }
      guard let f = frame, let g = other.frame else {
        return (frame == nil) == (other.frame == nil)
      }
      return f.inner == g.inner && f.chartArea == g.chartArea && f.legend == g.legend
    }
  }

  /// The panel at `area` laid out, taking the curves `curves` holds.
  static func laidOut(
    area: Rect, design: ForgeDesign, state: ForgePlotState, context: RenderContext,
    curves: ForgePlotCurves = ForgePlotCurves()
  ) -> Laid {
    let title = title(design: design, state: state, glyphs: context.glyphs, width: area.width)
    guard
      let f = frame(area: area, design: design, state: state, context: context, curves: curves)
    else {
      return Laid(title: title, frame: nil, chart: nil)
    }
    let plot = chart(f.points, state: state, area: f.chartArea, roomy: f.roomy, context: context)
    return Laid(title: title, frame: f, chart: plot)
  }

  /// Draws the panel into `area` (border included), taking the curves `curves` holds.
  public static func render(
    into canvas: inout Canvas, area: Rect, design: ForgeDesign, state: ForgePlotState,
    context: RenderContext, curves: ForgePlotCurves = ForgePlotCurves()
  ) {
    render(
      laidOut(area: area, design: design, state: state, context: context, curves: curves),
      into: &canvas, area: area, context: context)
  }

  /// Draws the panel into `area` from its layout for that area.
  static func render(_ laid: Laid, into canvas: inout Canvas, area: Rect, context: RenderContext) {
    Panel(laid.title).draw(into: &canvas, area: area, context: context)
    guard let f = laid.frame, let chart = laid.chart else { return }
    chart.render(into: &canvas, area: f.chartArea, context: context)
    for (i, line) in f.legend.enumerated() {
      TextBlock(line, overflow: .clip).render(
        into: &canvas, area: f.inner.row(f.chartArea.height + i), context: context)
    }
  }

  /// The panel drawn at `area` from its layout, as cells to put back with `Canvas.apply`:
  /// what `render` draws there on a blank canvas.
  static func drawn(_ laid: Laid, area: Rect, context: RenderContext) -> CanvasPatch {
    // Drawn on a canvas of the panel's size, everything moved to its top left.
    func moved(_ r: Rect) -> Rect {
      Rect(x: r.x - area.x, y: r.y - area.y, width: r.width, height: r.height)
    }
    let frame = laid.frame.map {
      Frame(
        inner: moved($0.inner), chartArea: moved($0.chartArea), points: $0.points,
        roomy: $0.roomy, legend: $0.legend)
    }
    var cells = Canvas(size: area.size)
    render(
      Laid(title: laid.title, frame: frame, chart: laid.chart), into: &cells,
      area: moved(area), context: context)
    return CanvasPatch(cells, x: area.x, y: area.y)
  }

  /// The real model whose point is drawn at `cell`, else one column either side, for
  /// clicks. Where points overlap, the one drawn on top wins (the picked one, then the
  /// earliest in the gallery).
  public static func model(
    at cell: Point, area: Rect, design: ForgeDesign, state: ForgePlotState,
    context: RenderContext
  ) -> Int? {
    guard let f = frame(area: area, design: design, state: state, context: context) else {
      return nil
    }
    let plot = chart(f.points, state: state, area: f.chartArea, roomy: f.roomy, context: context)
    let cells = f.points.models.compactMap { m -> (index: Int, cell: Point)? in
      guard let mark = m.mark,
        let c = plot.cell(for: PlotPoint(x: mark.x, y: mark.loss), in: f.chartArea)
      else { return nil }
      return (m.index, c)
    }
    for slack in 0...1 {
      let hits = cells.filter { $0.cell.y == cell.y && abs($0.cell.x - cell.x) <= slack }
      if let hit = hits.first(where: { $0.index == state.selected }) ?? hits.first {
        return hit.index
      }
    }
    return nil
  }

  /// `IsoFLOP · loss vs params at 10^25.0 FLOPs` or `Loss frontier · 10^20 to 10^27 FLOPs`,
  /// shortened to fit `width`.
  static func title(
    design: ForgeDesign, state: ForgePlotState, glyphs g: GlyphSet, width: Int
  ) -> String {
    let dot = " \(g.middleDot) "
    let forms: [String]
    switch state.mode {
    case .isoFLOP:
      let budget = Format.flopsPower(design.budget)
      forms = [
        "IsoFLOP" + dot + "loss vs params at " + budget + " FLOPs",
        "IsoFLOP at " + budget + " FLOPs", "IsoFLOP " + budget,
      ]
    case .frontier:
      let r = ForgePlotPoints.frontierRange
      let span =
        "10^\(Int(log10(r.lowerBound).rounded())) to 10^\(Int(log10(r.upperBound).rounded()))"
      forms = ["Loss frontier" + dot + span + " FLOPs", "Frontier " + span, "Frontier"]
    }
    // The panel keeps a corner, a rule and a space either side of its title.
    return forms.first { $0.displayWidth <= width - 6 } ?? forms[forms.count - 1]
  }

  /// The chart widget for `points` in `area`: curves, then markers from least to most
  /// important so the design is drawn last and always visible.
  static func chart(
    _ points: ForgePlotPoints, state: ForgePlotState, area: Rect, roomy: Bool,
    context: RenderContext
  ) -> Plot {
    let t = context.theme
    let g = context.glyphs
    let top = points.lossRange.upperBound
    let xName = points.mode == .isoFLOP ? "active params (log)" : "budget, FLOPs (log)"
    var plot = Plot(
      x: PlotAxis(points.xRange, scale: .log, label: xName),
      y: PlotAxis(points.lossRange, label: "loss (nats/token)"),
      series: [
        // The picked model's own curve is cut where it leaves the chart.
        PlotSeries(
          points.selectedCurve.map {
            PlotPoint(x: $0.x, y: $0.loss <= top ? $0.loss : .nan)
          }, style: t.muted,
          asciiGlyph: ForgePlotMark.selectedCurveASCII),
        PlotSeries(
          points.curve.map { PlotPoint(x: $0.x, y: $0.loss) }, style: t.barFill,
          asciiGlyph: ForgePlotMark.curveASCII),
      ])
    // Most important first for labelling; drawn in reverse so it lands on top.
    // The frontier is itself the optimum at every budget: no separate marker there.
    var ranked: [(ForgePlotMark, ForgePlotPoints.Mark, String)] = [(.design, points.design, "you")]
    if points.mode == .isoFLOP { ranked.append((.optimum, points.optimum, "N_opt")) }
    let models = points.models.filter { $0.mark != nil }
    for m in models where m.index == state.selected {
      ranked.append((.selectedModel, m.mark!, m.model.shortName))
    }
    for m in models where m.index != state.selected {
      ranked.append((.model, m.mark!, roomy ? m.model.shortName : ""))
    }
    let placed = ranked.compactMap { kind, mark, label in
      let at = PlotPoint(x: mark.x, y: mark.loss)
      return plot.cell(for: at, in: area).map { (kind, at, label, $0) }
    }
    // The picked model's label may cover other real models' points, never the design's or
    // the optimum's.
    let cells = placed.map(\.3)
    let firstModel = placed.firstIndex { $0.0 == .selectedModel || $0.0 == .model }
    let keyCells = Array(cells.prefix(firstModel ?? cells.count))
    var placer = LabelPlacer(plot: plot.plotRect(in: area))
    let markers = placed.map { kind, at, label, cell in
      let avoiding = kind == .selectedModel ? keyCells : cells
      return PlotMarker(
        at: at, glyph: kind.glyph(g), label: placer.place(label, at: cell, avoiding: avoiding),
        style: kind.style(t))
    }
    plot.markers = markers.reversed()
    return plot
  }
}
