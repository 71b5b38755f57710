import ForgeCore
import Foundation
import TerminalUI

/// The card being worked: the question, the answer field, what the check said, and the
/// worked solution straight from the Forge's equation trace.
extension ExercisesState {
  /// The optional parts of the card's text, dropped in turn where the room is short.
  struct WorkParts: OptionSet, Sendable {
    let rawValue: Int
    /// The forms an answer may take.
    static let forms = WorkParts(rawValue: 1)
    /// Where the Forge uses the equation.
    static let forge = WorkParts(rawValue: 2)
    /// The worked solution's notes.
    static let notes = WorkParts(rawValue: 4)
    /// Blank lines between the parts.
    static let spacing = WorkParts(rawValue: 8)
    /// The worked solution in the card (when shown); without it the solution has a panel of
    /// its own.
    static let solution = WorkParts(rawValue: 16)
    /// The question (wide screens show it on the card above instead).
    static let question = WorkParts(rawValue: 32)
    static let all: WorkParts = [.forms, .forge, .notes, .spacing, .solution, .question]
  }

  /// The card's text with as many optional parts as fit `rows` rows of `width` columns: the
  /// answer forms go first, then the Forge's line, the blank lines and the solution's notes;
  /// the question, the answer, the feedback and the solution's steps always stay.
  func fittedWorkText(
    _ context: RenderContext, width: Int, rows: Int, solution: Bool = true, question: Bool = true
  ) -> StyledText {
    var parts = WorkParts.all
    if !solution { parts.remove(.solution) }
    if !question { parts.remove(.question) }
    var text = workText(context, parts: parts)
    for drop in [WorkParts.forms, .forge, .spacing, .notes] {
      guard TextBlock(text).layout(width: width).count > rows else { break }
      parts.remove(drop)
      text = workText(context, parts: parts)
    }
    return text
  }

  func workText(_ context: RenderContext, parts: WorkParts = .all) -> StyledText {
    let theme = context.theme
    let g = context.glyphs
    let e = exercise
    let gap = parts.contains(.spacing) ? "\n" : ""
    var text = StyledText()
    if parts.contains(.question) { text.append(g.text(e.question) + "\n" + gap, style: theme.text) }
    text.append("Your answer (\(e.unit)): ", style: theme.title)
    if editing {
      if field.selected || field.cursor < field.text.count {
        text.append(
          field.styled(text: theme.focus, selection: theme.selection, cursor: theme.selection))
      } else {
        // At the end, a caret (a lit blank there would be trimmed as the line wraps).
        text.append(typed, style: theme.focus)
        text.append(g.isUnicode ? "▏" : "_", style: theme.focus)
      }
      if field.selected {
        text.append("  typing replaces it", style: theme.muted)
      }
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
    text.append(gap)
    if revealed, parts.contains(.solution) {
      text.append(solutionText(e, context, notes: parts.contains(.notes)) + "\n")
    } else {
      text.append("s", style: theme.key)
      text.append(
        revealed ? " hides the worked solution   " : " shows the worked solution   ",
        style: theme.muted)
      text.append("n", style: theme.key)
      text.append(" deals this question with new numbers\n", style: theme.muted)
    }
    if parts.contains(.forms) {
      text.append(
        g.text(
          gap + "Also ×10^ or *10^, decimal commas, 1,000s commas, k/M/B/T; units "
            + "\(e.quantity.acceptedUnits). Within 1% is correct, within 5% close.\n"),
        style: theme.muted)
    }
    if parts.contains(.forge) {
      text.append("In the Forge (F1): ", style: theme.title)
      text.append(
        "the \(card.forgeFigure) figure uses this equation.", style: theme.muted)
    }
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

  /// The worked solution: the formula, the numbers put in, each step, the result and (with
  /// `notes`) the assumptions; `heading` puts the line that names it on top.
  func solutionText(
    _ e: Exercise, _ context: RenderContext, notes: Bool = true, heading: Bool = true
  ) -> StyledText {
    let theme = context.theme
    let g = context.glyphs
    let t = e.trace
    var text = StyledText()
    if heading { text.append(solutionTitle(e) + ":\n", style: theme.title) }
    text.append("  " + g.text(t.formula) + "\n", style: theme.text)
    text.append("    = " + g.text(t.substituted) + "\n", style: theme.text)
    for step in e.steps {
      text.append("    = " + g.text(step) + "\n", style: theme.text)
    }
    text.append("    = " + g.text(t.result), style: theme.accent)
    guard notes else { return text }
    for note in t.notes {
      text.append("\n  \(g.bullet) " + g.text(note), style: theme.muted)
    }
    return text
  }

  /// `Worked solution (EQ 4.1), from the Forge's equations`.
  func solutionTitle(_ e: Exercise) -> String {
    let reference = e.trace.eq.isEmpty ? "" : " (\(e.trace.eq))"
    return "Worked solution\(reference), from the Forge's equations"
  }
}
