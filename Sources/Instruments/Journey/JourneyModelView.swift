import JourneyCore
import TerminalUI

/// The model panel (on tall screens): what the model is, the residual norms and logit lens
/// per layer, the step time, and the CLI line that replays this run.
extension JourneyState {
  /// The model panel, and under it the stage explainer when the column has rows to spare
  /// (the model panel then takes only the rows its text needs) and `explainer` is set (it is
  /// not when the layout put the explainer in the left column).
  func drawDetails(
    into canvas: inout Canvas, area: Rect, explainer: Bool = true, context: RenderContext
  ) {
    guard area.height >= JourneyLayout.modelMinHeight, let machine = engine?.machine else {
      return
    }
    let block = modelBlock(machine, context: context)
    let textWidth = JourneyLayout.padded(Panel.inner(of: area)).width
    let needed = block.layout(width: textWidth).count + 2
    var modelArea = area
    // Shown only where the longest of its texts fits, so it does not come and go as the
    // stages light up.
    let explainRows = explainerLines(machine, width: textWidth, context: context) + 2
    if explainer, area.height - needed >= max(JourneyLayout.explainMinHeight, explainRows) {
      modelArea = area.takingTop(needed)
      drawExplainer(into: &canvas, area: area.droppingTop(needed), context: context)
    }
    let inner = JourneyLayout.padded(
      canvas.panel("Model · \(machine.model.name)", area: modelArea, context: context))
    block.render(into: &canvas, area: inner, context: context)
  }

  private func modelBlock(_ machine: StepMachine, context: RenderContext) -> TextBlock {
    TextBlock(
      JourneyText.fitted(modelText(machine, context: context), context.glyphs), overflow: .wrap)
  }

  /// Lines the model panel's text takes at `width` (for the layout).
  func modelLines(_ machine: StepMachine, width: Int, context: RenderContext) -> Int {
    modelBlock(machine, context: context).layout(width: width).count
  }

  /// What the model is, its layers' residual norms and logit lens, the step time and the
  /// command that replays the run.
  private func modelText(_ machine: StepMachine, context: RenderContext) -> StyledText {
    let t = context.theme
    var text = StyledText(machine.model.summary + "\n", style: t.text)
    let vocab = machine.model.vocabulary
    if machine.model.layerCount > 0 {
      // Only the layers the step has run: a later layer's numbers would give away the result.
      let norms = reveal?.shownNorms ?? []
      let lens = reveal?.shownLens ?? []
      for l in 0..<machine.model.layerCount {
        text.append("layer \(l + 1): ", style: t.muted)
        if norms.indices.contains(l) {
          text.append("vector length \(Self.fixed(norms[l], 2))", style: t.text)
          if lens.indices.contains(l) {
            text.append(" · best guess '\(vocab.token(lens[l]))'", style: t.text)
          }
        } else {
          text.append("not run yet this step", style: t.muted)
        }
        text.append("\n")
      }
    }
    if let seconds = stepSeconds {
      text.append(
        machine.model.layerCount == 0 ? "last lookup took " : "last forward pass took ",
        style: t.muted)
      text.append(Self.duration(seconds) + "\n", style: t.accent)
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
