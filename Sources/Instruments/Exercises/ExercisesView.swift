import ForgeCore
import Foundation
import TerminalUI

extension ExercisesState {
  public func view(into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext) {
    let layout = layout(area, context: context)
    let theme = context.theme
    for (i, kind) in Exercise.Kind.allCases.enumerated() {
      let rect = layout.cards[i]
      if layout.wide {
        let question = Self.exercise(kind, deal: deals[kind] ?? 0).question
        let title = "\(kind.number) \(kind.title) \(markText(kind, context))"
          .trimmingCharacters(in: .whitespaces)
        let inner = Panel(title, focused: kind == card).draw(
          into: &canvas, area: rect, context: context)
        TextBlock(
          StyledText(context.glyphs.text(question), style: kind == card ? theme.text : theme.muted),
          overflow: .wrap
        ).render(into: &canvas, area: inner.inset(left: 1, right: 1), context: context)
      } else {
        let label = ExercisesLayout.tabLabel(kind, mark: markText(kind, context))
        canvas.put(
          label, x: rect.x, y: rect.y,
          style: kind == card ? theme.tabActive : theme.tabInactive, clip: rect)
      }
    }
    let bottom = drawWork(into: &canvas, layout: layout, context: context)
    if layout.wide {
      // The rows under the card go to its equations on the Forge's design and real models.
      let spare = Rect(x: area.x, y: bottom, width: area.width, height: layout.score.y - bottom)
      drawSpare(into: &canvas, area: spare, dossier: app.forgeDossier, context: context)
    }
    canvas.put(
      scoreText(context).truncated(to: layout.score.width, ellipsis: context.glyphs.ellipsis),
      x: layout.score.x + 1, y: layout.score.y, clip: layout.score)
  }

  /// The card being worked and, when wide and shown, its worked solution beside it; wide,
  /// each panel is as tall as its text. Returns the first row under them.
  private func drawWork(into canvas: inout Canvas, layout: ExercisesLayout, context: RenderContext)
    -> Int
  {
    let room = Panel.inner(of: layout.work).inset(left: 1, right: 1)
    let inline = layout.solution.isEmpty
    let text = fittedWorkText(
      context, width: room.width, rows: room.height, solution: inline, question: !layout.wide)
    let lines = TextBlock(text).layout(width: room.width).count
    let work = layout.wide ? layout.work.takingTop(lines + 2) : layout.work
    let inner = Panel(workTitle, focused: true).draw(into: &canvas, area: work, context: context)
    TextBlock(text).render(into: &canvas, area: inner.inset(left: 1, right: 1), context: context)
    guard !inline else { return work.maxY }
    let width = Panel.inner(of: layout.solution).width - 2
    let rows = Panel.inner(of: layout.solution).height
    var solution = solutionText(exercise, context, heading: false)
    if TextBlock(solution).layout(width: width).count > rows {
      solution = solutionText(exercise, context, notes: false, heading: false)
    }
    let height = TextBlock(solution).layout(width: width).count + 2
    let panel = Panel(solutionTitle(exercise), focused: false).draw(
      into: &canvas, area: layout.solution.takingTop(height), context: context)
    TextBlock(solution).render(
      into: &canvas, area: panel.inset(left: 1, right: 1), context: context)
    return max(work.maxY, layout.solution.y + height)
  }

  /// ✓ ! ✗ for the card's last grade, a space before any answer.
  private func markText(_ kind: Exercise.Kind, _ context: RenderContext) -> String {
    guard let grade = marks[kind] else { return " " }
    return String(Self.symbol(grade, context.glyphs))
  }

  static func symbol(_ grade: Grade, _ glyphs: GlyphSet) -> Character {
    switch grade {
    case .correct: return glyphs.ok
    case .close: return glyphs.warn
    case .wrong: return glyphs.fail
    }
  }

  private var workTitle: String {
    let deal = deals[card] ?? 0
    let numbers = deal == 0 ? "the seed's numbers" : "new numbers, deal \(deal)"
    return "Question \(card.number) of \(Exercise.Kind.allCases.count): \(card.title), \(numbers)"
  }

  private func scoreText(_ context: RenderContext) -> StyledText {
    let theme = context.theme
    guard score.total > 0 else {
      return StyledText("No answers checked yet this sitting.", style: theme.muted)
    }
    let dot = " \(context.glyphs.middleDot) "
    return StyledText("This sitting: ", style: theme.muted)
      + StyledText("\(score.correct) correct", style: theme.good) + StyledText(dot)
      + StyledText("\(score.close) close", style: theme.warn) + StyledText(dot)
      + StyledText("\(score.wrong) wrong", style: theme.fail)
      + StyledText(" (\(score.total) checked)", style: theme.muted)
  }
}
