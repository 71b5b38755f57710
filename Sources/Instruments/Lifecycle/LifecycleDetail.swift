import ForgeCore
import TerminalUI

/// The explanation of the selected box: our own words, the traces of its live figures, and
/// where to play with it.
extension LifecycleState {
  func detailTitle(_ context: RenderContext) -> String {
    "\(selected.title(short: false)) \(context.glyphs.middleDot) \(selected.chapter)"
  }

  /// The explanation overlay (Enter), over `area`: everything where it fits, else without
  /// the reading list, then without the return path too, never scrolled out of sight.
  func overlay(dossier: Dossier, area: Rect, context: RenderContext) -> Overlay {
    let variants = [(true, true), (false, true), (false, false)].map { reading, returns in
      let text = detailText(dossier: dossier, reading: reading, returns: returns, context: context)
      return Overlay(
        detailTitle(context),
        lines: text.lines + [StyledText("Enter or Esc closes", style: context.theme.muted)],
        maxWidth: 76)
    }
    return variants.first { $0.lastFirstLine(in: area) == 0 } ?? variants[variants.count - 1]
  }

  /// The explanation (from sentence `from` on: the box shows the ones before), the live
  /// figures with their equations (and, with `notes`, the assumptions behind each), what the
  /// box sends back along the return path (`returns`), what to read (`reading`), and the jump
  /// keys.
  func detailText(
    dossier: Dossier, notes: Bool = false, from: Int = 0, reading: Bool = true,
    returns: Bool = true, context: RenderContext
  ) -> StyledText {
    let theme = context.theme
    var text = StyledText()
    if from == 0 {
      for paragraph in selected.explanation {
        text.append(context.glyphs.text(paragraph) + "\n", style: theme.text)
      }
    } else if from < selected.sentences.count {
      let rest = selected.sentences.dropFirst(from).joined(separator: " ")
      text.append(context.glyphs.text(rest) + "\n", style: theme.text)
    }
    let figures = LifecycleFigures.figureIDs(for: selected).compactMap { dossier[$0] }
    if !figures.isEmpty {
      if !text.spans.isEmpty { text.append("\n") }
      text.append("Live, from the Forge design:\n", style: theme.title)
      for figure in figures {
        text.append("\(figure.label): ", style: theme.muted)
        let value =
          figure.detail.isEmpty
          ? figure.text
          : figure.text + (context.glyphs.isUnicode ? " · " : ", ") + figure.detail
        text.append(context.glyphs.text(value), style: theme.accent)
        text.append("  " + context.glyphs.text(figure.trace.line) + "\n", style: theme.text)
        guard notes else { continue }
        for note in figure.trace.notes {
          text.append(
            "  \(context.glyphs.bullet) " + context.glyphs.text(note) + "\n", style: theme.muted)
        }
      }
    }
    if returns, let back = selected.returnPath {
      if !text.spans.isEmpty { text.append("\n") }
      text.append(selected == .data ? "Return path: " : "Sends back: ", style: theme.title)
      text.append(context.glyphs.text(back) + "\n", style: theme.generated)
    }
    if reading, !selected.reading.isEmpty {
      if !text.spans.isEmpty { text.append("\n") }
      text.append("To read (F5): ", style: theme.title)
      text.append(
        context.glyphs.text(selected.reading.joined(separator: " \(context.glyphs.middleDot) "))
          + "\n", style: theme.text)
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
