import JourneyCore
import TerminalUI

/// The STEP and AUTO buttons, the temperature slider, and the status line (the prompt
/// editor while typing, else a message, else the run's settings).
extension JourneyState {
  func drawControls(into canvas: inout Canvas, layout: JourneyLayout, context: RenderContext) {
    let t = context.theme
    let auto: Bool
    if case .auto = animation?.mode { auto = true } else { auto = false }
    drawButton(
      "STEP", into: &canvas, area: layout.stepButton, lit: animation?.mode == .step,
      theme: t)
    drawButton("AUTO", into: &canvas, area: layout.autoButton, lit: auto, theme: t)
    if engine != nil {
      temperatureSlider.render(into: &canvas, area: layout.slider, context: context)
    }
    canvas.putLine(statusLine(theme: t), in: layout.status, context: context)
  }

  /// `[ STEP ]`: bold when idle, reversed while it runs (legible without colour).
  private func drawButton(
    _ label: String, into canvas: inout Canvas, area: Rect, lit: Bool, theme t: Theme
  ) {
    let row = area.row(0)
    canvas.put("[ \(label) ]", x: row.x, y: row.y, style: lit ? t.selection : t.key, clip: row)
  }

  func statusLine(theme t: Theme) -> StyledText {
    if let draft {
      var line = StyledText("prompt: ", style: t.key)
      line.append(draft.styled(text: t.text, selection: t.selection, cursor: t.selection))
      if let message, message.isProblem {
        line.append("  " + message.text, style: t.warn)
      } else {
        line.append(
          draft.selected
            ? "   typing replaces it · Enter uses it · Esc cancels"
            : "   Enter uses it · Esc cancels", style: t.muted)
      }
      return line
    }
    if let message { return StyledText(message.text, style: message.isProblem ? t.warn : t.accent) }
    guard let machine = engine?.machine else { return StyledText("no model", style: t.warn) }
    var line = StyledText("model ", style: t.muted)
    line.append(machine.model.name, style: t.text)
    line.append(" · prompt ", style: t.muted)
    line.append("'\(promptText)'", style: t.prompt)
    line.append(" · seed ", style: t.muted)
    line.append("\(machine.seed)", style: t.text)
    line.append(" · \(machine.history.generatedCount) generated", style: t.muted)
    return line
  }
}
