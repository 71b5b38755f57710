import ForgeCore
import TerminalUI

/// Draws the Forge screen into the rects of a `ForgeLayout`. Pure: same state, same canvas.
enum ForgeView {
  static func draw(
    _ state: ForgeState, page: ForgePage, context: RenderContext, into canvas: inout Canvas
  ) {
    let layout = page.layout
    let dossier = state.dossier  // once per frame; the views below all read it
    ForgeSlidersView.draw(state, into: &canvas, layout: layout, context: context)
    ForgeInfoView.draw(state, into: &canvas, area: layout.info, context: context)
    if !layout.plotCoversDossier(toggled: state.showPlot) {
      ForgeDossierView.draw(state, dossier, into: &canvas, layout: layout, context: context)
      ForgeVerdictsView.draw(
        page.verdicts, firstLine: state.verdictLine, into: &canvas, area: layout.verdicts,
        context: context)
    }
    if !layout.terms.isEmpty {
      ForgeTermsView.draw(page.terms, into: &canvas, area: layout.terms, context: context)
    }
    if !layout.trace.isEmpty {
      ForgeTraceView.drawPanel(state, dossier, into: &canvas, area: layout.trace, context: context)
    }
    let plotArea = layout.plotShown(toggled: state.showPlot)
    if !plotArea.isEmpty {
      ForgePlotSlot.render(
        into: &canvas, area: plotArea, design: state.design, state: state.plot,
        context: context, curves: state.plotCurves)
    }
    switch state.popup {
    case .trace:
      ForgeTraceView.overlay(state, dossier, context: context)?.render(
        into: &canvas, area: layout.area, context: context)
    case .advanced:
      ForgeAdvancedView.draw(state, into: &canvas, area: layout.area, context: context)
    case nil: break
    }
  }
}
