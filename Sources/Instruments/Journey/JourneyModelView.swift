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

  /// Lines the model panel's text takes at `width` (for the layout): the most it takes in the
  /// step on show, with every layer run or none, the step's time and the replay command
  /// counting the step's token, so the panel does not grow as the stages light up.
  func modelLines(_ machine: StepMachine, width: Int, context: RenderContext) -> Int {
    let pass = machine.stage == .append ? lastDraw?.pass : StepPass(machine)
    let atEnd = (machine.stage == .append ? 0 : 1, stepSeconds ?? 0.999)
    let variants: [(ArraySlice<Double>, ArraySlice<Int>, Int, Double?)] = [
      (reveal?.shownNorms ?? [], reveal?.shownLens ?? [], 0, stepSeconds),
      ([], [], atEnd.0, atEnd.1),
      (pass?.residualNorms[...] ?? [], pass?.logitLens[...] ?? [], atEnd.0, atEnd.1),
    ]
    return variants.map { norms, lens, more, seconds in
      let text = modelText(
        machine, context: context, norms: norms, lens: lens, moreTokens: more, seconds: seconds)
      return TextBlock(JourneyText.fitted(text, context.glyphs), overflow: .wrap)
        .layout(width: width).count
    }.max() ?? 0
  }

  /// What the model is, its layers' residual norms and logit lens, the step time and the
  /// command that replays the run. (The layout measures it with every layer run, the step's
  /// time and `moreTokens` more in the replay command.)
  private func modelText(
    _ machine: StepMachine, context: RenderContext, norms: ArraySlice<Double>? = nil,
    lens: ArraySlice<Int>? = nil, moreTokens: Int = 0, seconds: Double?? = nil
  ) -> StyledText {
    let t = context.theme
    var text = StyledText(machine.model.summary + "\n", style: t.text)
    let vocab = machine.model.vocabulary
    if machine.model.layerCount > 0 {
      // Only the layers the step has run: a later layer's numbers would give away the result.
      let norms = norms ?? reveal?.shownNorms ?? []
      let lens = lens ?? reveal?.shownLens ?? []
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
    if let seconds = seconds ?? stepSeconds {
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
      text.append(cliLineForWrapping(machine, moreTokens: moreTokens), style: t.key)
    }
    return text
  }

  /// The `fullstack journey` command that prints this run's tokens.
  func cliLine(_ machine: StepMachine) -> String { cliLine(machine, prompt: promptText) }

  /// The same command for the panel: it never wraps inside the quoted prompt, where a break
  /// would read as two arguments.
  func cliLineForWrapping(_ machine: StepMachine, moreTokens: Int = 0) -> String {
    cliLine(
      machine, prompt: String(promptText.map { $0 == " " ? Character.noBreakSpace : $0 }),
      moreTokens: moreTokens)
  }

  private func cliLine(_ machine: StepMachine, prompt: String, moreTokens: Int = 0) -> String {
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
    let generated = machine.history.generatedCount + moreTokens
    if generated > 0 { parts.append("--tokens \(generated)") }
    return parts.joined(separator: " ")
  }
}
