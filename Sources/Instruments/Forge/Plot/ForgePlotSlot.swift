import ForgeCore
import TerminalUI

/// The Forge screen's plot slot in one call: the plot alone, or with the comparison open the
/// comparison beside the plot when the slot is wide enough and instead of it when not.
public enum ForgePlotSlot {
  /// The narrowest compare panel worth drawing beside a plot, and the narrowest plot.
  static let compareMinWidth = 40
  static let plotMinWidth = 44

  /// The plot's and the comparison's rects in `area` for `state` (either may be empty).
  public static func layout(_ area: Rect, state: ForgePlotState) -> (plot: Rect, compare: Rect) {
    let none = Rect(x: area.x, y: area.y, width: 0, height: 0)
    guard state.compareOpen else { return (area, none) }
    guard area.width >= compareMinWidth + plotMinWidth else { return (none, area) }
    let compare = max(compareMinWidth, area.width * 2 / 5)
    let parts = area.columns([.fill, .fixed(compare)])
    return (parts[0], parts[1])
  }

  /// Draws the slot; the plot takes the curves `curves` holds (and works out the others).
  public static func render(
    into canvas: inout Canvas, area: Rect, design: ForgeDesign, state: ForgePlotState,
    context: RenderContext, curves: ForgePlotCurves = ForgePlotCurves()
  ) {
    render(
      plot: plotLaidOut(
        area: area, design: design, state: state, context: context, curves: curves),
      into: &canvas, area: area, design: design, state: state, context: context)
  }

  /// The slot's plot panel laid out (nil where the slot shows no plot).
  static func plotLaidOut(
    area: Rect, design: ForgeDesign, state: ForgePlotState, context: RenderContext,
    curves: ForgePlotCurves = ForgePlotCurves()
  ) -> ForgePlotPanel.Laid? {
    let plot = layout(area, state: state).plot
    guard !plot.isEmpty else { return nil }
    return ForgePlotPanel.laidOut(
      area: plot, design: design, state: state, context: context, curves: curves)
  }

  /// Draws the slot with its plot panel laid out already (`plotLaidOut`), and drawn already
  /// where `drawn` is the panel's cells at its place (`ForgePlotPanel.drawn`).
  static func render(
    plot laid: ForgePlotPanel.Laid?, drawn: CanvasPatch? = nil, into canvas: inout Canvas,
    area: Rect, design: ForgeDesign, state: ForgePlotState, context: RenderContext
  ) {
    let parts = layout(area, state: state)
    if !parts.plot.isEmpty, let laid {
      canvas.apply(drawn, at: parts.plot) {
        ForgePlotPanel.render(laid, into: &$0, area: parts.plot, context: context)
      }
    }
    if !parts.compare.isEmpty {
      ForgeComparePanel.render(
        into: &canvas, area: parts.compare, design: design, state: state, context: context)
    }
  }

  /// The slot at `area` with its curves: those of `old` it still draws kept, the rest worked
  /// out (none where the slot shows no plot).
  public static func curves(
    area: Rect, design: ForgeDesign, state: ForgePlotState, keeping old: ForgePlotCurves
  ) -> ForgePlotCurves {
    let plot = layout(area, state: state).plot
    let needed =
      plot.isEmpty ? [] : ForgePlotPanel.curveArgs(area: plot, design: design, state: state)
    return ForgePlotCurves(needed, keeping: old)
  }

  /// A press on a real model's point in the plot picks that model; true when it did. The
  /// host passes the same `area` and context it draws the slot with.
  public static func handle(
    _ mouse: MouseEvent, area: Rect, design: ForgeDesign, state: inout ForgePlotState,
    context: RenderContext
  ) -> Bool {
    let plot = layout(area, state: state).plot
    let cell = Point(x: mouse.x, y: mouse.y)
    guard mouse.kind == .press, plot.contains(cell),
      let index = ForgePlotPanel.model(
        at: cell, area: plot, design: design, state: state, context: context)
    else { return false }
    state.pick(index)
    return true
  }
}
