import ForgeCore
import TerminalUI

/// Draws the Forge screen into the rects of a `ForgeLayout`. Pure: same state, same canvas.
enum ForgeView {
  static func draw(
    _ state: ForgeState, page: ForgePage, context: RenderContext, into canvas: inout Canvas
  ) {
    let layout = page.layout
    let dossier = state.dossier  // once per frame; the views below all read it
    // The sliders box and the dossier box as drawn by the last event where they show the
    // same, else drawn now.
    canvas.apply(
      state.panels.sliders(for: state.slidersInputs(layout.sliders), in: context),
      at: layout.sliders
    ) { ForgeSlidersView.draw(state, into: &$0, area: layout.sliders, context: context) }
    if let info = page.info {
      ForgeInfoView.draw(info, into: &canvas, area: layout.info, context: context)
    } else {
      ForgeInfoView.draw(state, into: &canvas, area: layout.info, context: context)
    }
    if !layout.plotCoversDossier(toggled: state.showPlot) {
      canvas.apply(
        state.panels.dossier(for: state.dossierInputs(layout.dossier), in: context),
        at: layout.dossier
      ) { ForgeDossierView.draw(state, dossier, into: &$0, area: layout.dossier, context: context) }
      ForgeVerdictsView.draw(
        page.verdicts, firstLine: state.verdictLine, into: &canvas, area: layout.verdicts,
        context: context, kept: page.verdictContent(at: layout.verdicts))
    }
    if !layout.terms.isEmpty {
      canvas.apply(page.termsDrawn, at: layout.terms) {
        ForgeTermsView.draw(page.terms, into: &$0, area: layout.terms, context: context)
      }
    }
    if !layout.trace.isEmpty {
      canvas.apply(page.traceDrawn, at: layout.trace) {
        ForgeTraceView.drawPanel(page.trace, into: &$0, area: layout.trace, context: context)
      }
    }
    let plotArea = layout.plotShown(toggled: state.showPlot)
    if !plotArea.isEmpty {
      ForgePlotSlot.render(
        plot: page.plot, drawn: page.plotDrawn, into: &canvas, area: plotArea,
        design: state.design, state: state.plot, context: context)
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
