import ForgeCore
import Foundation
import TerminalUI

/// The card being worked: the question, the answer field, what the check said, and the
/// worked solution straight from the Forge's equation trace.
extension ExercisesState {
  func workText(_ context: RenderContext) -> StyledText {
    let theme = context.theme
    let g = context.glyphs
    let e = exercise
    var text = StyledText(g.text(e.question) + "\n\n", style: theme.text)
    text.append("Your answer (\(e.unit)): ", style: theme.title)
    if editing {
      text.append(typed, style: theme.focus)
      text.append(g.isUnicode ? "▏" : "_", style: theme.focus)
      text.append("\n")
    } else if typed.isEmpty {
      // Forms to copy, with numbers that answer nothing (none is correct or close here).
      text.append(
        g.text("e.g. " + e.examples.joined(separator: ", ") + ", then Enter") + "\n",
        style: theme.muted)
    } else {
      text.append(typed + "\n", style: theme.text)
    }
    if let feedback { text.append(feedbackText(feedback, e, context) + "\n") }
    text.append("\n")
    if revealed {
      text.append(solutionText(e, context))
    } else {
      text.append("s", style: theme.key)
      text.append(" shows the worked solution   ", style: theme.muted)
      text.append("n", style: theme.key)
      text.append(" deals this question with new numbers\n", style: theme.muted)
    }
    text.append(
      g.text(
        "\nAlso ×10^ or *10^, decimal commas, 1,000s commas, k/M/B/T; units "
          + "\(e.quantity.acceptedUnits). Within 1% is correct, within 5% close.\n"),
      style: theme.muted)
    text.append("In the Forge (F1): ", style: theme.title)
    text.append(
      "the \(card.forgeFigure) figure uses this equation.", style: theme.muted)
    return text
  }

  private func feedbackText(_ feedback: Feedback, _ e: Exercise, _ context: RenderContext)
    -> StyledText
  {
    let theme = context.theme
    let g = context.glyphs
    switch feedback {
    case .unreadable(let message):
      return StyledText(g.text(message), style: theme.warn)
    case .slip(let grade, _, let note):
      return StyledText(
        String(Self.symbol(grade, g)) + " Not quite: " + g.text(note), style: theme.fail)
    case .graded(let grade, let value):
      let mark = String(Self.symbol(grade, g)) + " "
      switch grade {
      case .correct:
        return StyledText(mark + "Correct: " + g.text(e.trace.result), style: theme.good)
      case .close:
        return StyledText(
          mark + "Close: within 5%, " + Self.miss(value, e.answer) + ". Check your rounding.",
          style: theme.warn)
      case .wrong:
        return StyledText(
          mark + "Not quite: " + Self.miss(value, e.answer)
            + (revealed ? ". Try again." : ". Try again, or s for the worked solution."),
          style: theme.fail)
      }
    }
  }

  /// How far off an answer is: `25% too high`, or `about 1000 times too low` for exponent slips.
  static func miss(_ value: Double, _ answer: Double) -> String {
    let ratio = value / answer
    let direction = ratio > 1 ? "too high" : "too low"
    if ratio >= 10 || (ratio > 0 && ratio <= 0.1) {
      let factor = ratio >= 1 ? ratio : 1 / ratio
      return "about " + Format.number(pow(10, log10(factor).rounded())) + " times " + direction
    }
    if ratio <= 0 { return "the sign or size is off" }
    return Format.significant(abs(ratio - 1) * 100, 2) + "% " + direction
  }

  private func solutionText(_ e: Exercise, _ context: RenderContext) -> StyledText {
    let theme = context.theme
    let g = context.glyphs
    let t = e.trace
    let reference = t.eq.isEmpty ? "" : " (\(t.eq))"
    var text = StyledText(
      "Worked solution\(reference), from the Forge's equations:\n", style: theme.title)
    text.append("  " + g.text(t.formula) + "\n", style: theme.text)
    text.append("    = " + g.text(t.substituted) + "\n", style: theme.text)
    for step in e.steps {
      text.append("    = " + g.text(step) + "\n", style: theme.text)
    }
    text.append("    = " + g.text(t.result) + "\n", style: theme.accent)
    for note in t.notes {
      text.append("  \(g.bullet) " + g.text(note) + "\n", style: theme.muted)
    }
    return text
  }
}
