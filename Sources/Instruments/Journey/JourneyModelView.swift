import JourneyCore
import TerminalUI

/// The model panel (on tall screens): what the model is, the residual norms and logit lens
/// per layer, the step time, and the CLI line that replays this run.
extension JourneyState {
  /// The model panel, and under it the stage explainer when the column has rows to spare
  /// (the model panel then takes only the rows its text needs).
  func drawDetails(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    guard area.height >= JourneyLayout.modelMinHeight, let machine = engine?.machine else {
      return
    }
    let block = TextBlock(
      JourneyText.fitted(modelText(machine, context: context), context.glyphs), overflow: .wrap)
    let textWidth = JourneyLayout.padded(Panel.inner(of: area)).width
    let needed = block.layout(width: textWidth).count + 2
    var modelArea = area
    // Shown only where the longest of its texts fits, so it does not come and go as the
    // stages light up.
    let explainRows = explainerLines(machine, width: textWidth, context: context) + 2
    if area.height - needed >= max(JourneyLayout.explainMinHeight, explainRows) {
      modelArea = area.takingTop(needed)
      drawExplainer(into: &canvas, area: area.droppingTop(needed), context: context)
    }
    let inner = JourneyLayout.padded(
      canvas.panel("Model · \(machine.model.name)", area: modelArea, context: context))
    block.render(into: &canvas, area: inner, context: context)
  }

  /// What the model is, its layers' residual norms and logit lens, the step time and the
  /// command that replays the run.
  private func modelText(_ machine: StepMachine, context: RenderContext) -> StyledText {
    let t = context.theme
    var text = StyledText(machine.model.summary + "\n", style: t.text)
    let vocab = machine.model.vocabulary
    if let pass = machine.pass, machine.model.layerCount > 0 {
      for l in 0..<machine.model.layerCount {
        text.append("layer \(l + 1): ", style: t.muted)
        if pass.residualNorms.indices.contains(l) {
          text.append("residual norm \(Self.fixed(pass.residualNorms[l], 2))", style: t.text)
        }
        if pass.logitLens.indices.contains(l) {
          text.append(" · lens '\(vocab.token(pass.logitLens[l]))'", style: t.text)
        }
        text.append("\n")
      }
    }
    if let seconds = stepSeconds {
      text.append("last step's forward pass: ", style: t.muted)
      text.append(Self.milliseconds(seconds) + "\n", style: t.accent)
    }
    if settingsChangedMidRun {
      text.append(
        "settings changed mid-run: r restarts from the prompt for a run the CLI can replay",
        style: t.muted)
    } else {
      text.append("replay with:\n", style: t.muted)
      text.append(cliLineForWrapping(machine), style: t.key)
    }
    return text
  }

  /// The `fullstack journey` command that prints this run's tokens.
  func cliLine(_ machine: StepMachine) -> String { cliLine(machine, prompt: promptText) }

  /// The same command for the panel: it never wraps inside the quoted prompt, where a break
  /// would read as two arguments.
  func cliLineForWrapping(_ machine: StepMachine) -> String {
    cliLine(machine, prompt: String(promptText.map { $0 == " " ? Character.noBreakSpace : $0 }))
  }

  private func cliLine(_ machine: StepMachine, prompt: String) -> String {
    let model =
      (machine.model as? LlamaModel)?.files.map {
        "--checkpoint \($0.checkpoint) --tokenizer \($0.tokenizer)"
      } ?? "--model \(machine.model.name)"
    var parts = [
      "fullstack journey \(model) --prompt '\(prompt)'",
      "--temperature \(temperatureText) --seed \(machine.seed)",
    ]
    if let k = machine.settings.topK { parts.append("--top-k \(k)") }
    if let p = machine.settings.topP { parts.append("--top-p \(Self.fixed(p, 2))") }
    let generated = machine.history.generatedCount
    if generated > 0 { parts.append("--tokens \(generated)") }
    return parts.joined(separator: " ")
  }
}
