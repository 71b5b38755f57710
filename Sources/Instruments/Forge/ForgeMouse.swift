import ForgeCore
import TerminalUI

/// Mouse on the Forge screen: a press on a track jumps there and starts a drag, drags slide,
/// release ends the drag; a press on a figure puts the cursor on it (a second press opens its
/// trace); a press anywhere closes a popup.
extension ForgeState {
  mutating func handle(_ mouse: MouseEvent, page: ForgePage, context: RenderContext)
    -> ScreenResult
  {
    let layout = page.layout
    switch mouse.kind {
    case .press:
      if popup != nil {
        popup = nil
        return .handled
      }
      let plotArea = layout.plotShown(toggled: showPlot)
      if plotArea.contains(x: mouse.x, y: mouse.y) {
        let used = ForgePlotSlot.handle(
          mouse, area: plotArea, design: design, state: &plot, context: context)
        return used ? .handled : .ignored
      }
      return press(x: mouse.x, y: mouse.y, layout: layout)
    case .drag, .release:
      guard let decision = dragging else { return .ignored }
      let track = ForgeSlidersView.trackRow(decision, layout: layout)
      if let stop = ForgeSlidersView.slider(decision, in: self).stop(atColumn: mouse.x, in: track) {
        set(decision, stop: stop)
      }
      if mouse.kind == .release { dragging = nil }
      return .handled
    case .scrollUp, .scrollDown:
      let showsVerdicts = !layout.plotCoversDossier(toggled: showPlot)
      guard popup == nil, showsVerdicts, layout.verdicts.contains(x: mouse.x, y: mouse.y) else {
        return .ignored
      }
      let before = verdictLine
      scroll(.scrollVerdicts(mouse.kind == .scrollUp ? -1 : 1), page: page, context: context)
      return verdictLine == before ? .ignored : .handled
    }
  }

  private mutating func press(x: Int, y: Int, layout: ForgeLayout) -> ScreenResult {
    for (i, decision) in Decision.allCases.enumerated() where layout.slider(i).contains(x: x, y: y)
    {
      focus = decision
      zone = .sliders
      let row = ForgeSlidersView.trackRow(decision, layout: layout)
      let slider = ForgeSlidersView.slider(decision, in: self)
      if slider.trackRect(in: row).contains(x: x, y: y) {
        dragging = decision
        if let stop = slider.stop(atColumn: x, in: row) { set(decision, stop: stop) }
      }
      return .handled
    }
    let showsDossier = !layout.plotCoversDossier(toggled: showPlot)
    for i in Dossier.figureIDs.indices
    where showsDossier && layout.figureRow(i).contains(x: x, y: y) {
      if figure == i && zone == .figures { popup = .trace }
      figure = i
      zone = .figures
      return .handled
    }
    return .ignored
  }
}
