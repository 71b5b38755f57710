import TerminalUI

extension JourneyState {
  public func view(into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext) {
    let layout = layout(area)
    drawContext(into: &canvas, area: layout.context, context: context)
    drawAttentionMap(into: &canvas, area: layout.attention, context: context)
    drawTop(into: &canvas, area: layout.top, context: context)
    drawDetails(
      into: &canvas, area: layout.model, explainer: layout.explainer.isEmpty, context: context)
    drawExplainer(into: &canvas, area: layout.explainer, context: context)
    drawTrace(into: &canvas, area: layout.trace, context: context)
    drawStages(into: &canvas, area: layout.stages, context: context)
    drawControls(into: &canvas, layout: layout, context: context)
  }
}
