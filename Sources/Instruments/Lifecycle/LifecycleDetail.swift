import ForgeCore
import TerminalUI

/// The explanation of the selected box: our own words, the traces of its live figures, and
/// where to play with it.
extension LifecycleState {
  func detailTitle(_ context: RenderContext) -> String {
    "\(selected.title(short: false)) \(context.glyphs.middleDot) \(selected.chapter)"
  }

  /// Lines for the explanation overlay (Enter).
  func overlayLines(dossier: Dossier, context: RenderContext) -> [StyledText] {
    detailText(dossier: dossier, context: context).lines + [
      StyledText("Enter or Esc closes", style: context.theme.muted)
    ]
  }

  /// The explanation, the live figures with their equations (and, with `notes`, the
  /// assumptions behind each), and the jump keys.
  func detailText(dossier: Dossier, notes: Bool = false, context: RenderContext) -> StyledText {
    let theme = context.theme
    var text = StyledText()
    for paragraph in selected.explanation {
      text.append(context.glyphs.text(paragraph) + "\n", style: theme.text)
    }
    let figures = LifecycleFigures.figureIDs(for: selected).compactMap { dossier[$0] }
    if !figures.isEmpty {
      text.append("\nLive, from the Forge design:\n", style: theme.title)
      for figure in figures {
        text.append("\(figure.label): ", style: theme.muted)
        text.append(context.glyphs.text(figure.text), style: theme.accent)
        text.append("  " + context.glyphs.text(figure.trace.line) + "\n", style: theme.text)
        guard notes else { continue }
        for note in figure.trace.notes {
          text.append(
            "  \(context.glyphs.bullet) " + context.glyphs.text(note) + "\n", style: theme.muted)
        }
      }
    }
    let jumps = [("g", selected.instrument), ("j", selected.loopInstrument)]
      .compactMap { key, screen in screen.map { (key, $0) } }
    if !jumps.isEmpty {
      text.append("\n")
      for (i, (key, screen)) in jumps.enumerated() {
        if i > 0 { text.append("   ") }
        text.append(key, style: theme.key)
        text.append(" opens the \(screen.title)", style: theme.text)
      }
    }
    return text
  }
}
