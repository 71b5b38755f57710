import ForgeCore
import TerminalUI

/// Where the Exercises screen puts things, as a pure function of the body rect and the
/// questions on the cards (shared by the view and mouse hit-testing). Narrow: a row of card
/// tabs over the card being worked. Wide: the four questions side by side in panels as tall as
/// the longest, and under them the card being worked, with its worked solution beside it once
/// it is shown.
struct ExercisesLayout: Equatable, Sendable {
  /// One rect per card, in `Exercise.Kind` order: a tab, or a small panel when wide.
  var cards: [Rect]
  var wide: Bool
  /// The room for the card being worked (question, answer field, feedback; and, when narrow,
  /// the solution): the panel is as tall as its text where the screen is wide.
  var work: Rect
  /// The room for the worked solution beside the work when wide; empty when narrow.
  var solution: Rect
  /// The score line.
  var score: Rect

  static let wideFrom = 110

  /// `questions`: the question on each card, in `Exercise.Kind` order (their length sets the
  /// height of the wide layout's card panels).
  init(_ area: Rect, questions: [String] = [], revealed: Bool = false) {
    let kinds = Exercise.Kind.allCases
    wide = area.width >= Self.wideFrom
    score = area.takingBottom(1)
    let body = area.droppingBottom(1)
    if wide {
      let columns = body.columns(Array(repeating: .fill, count: kinds.count), spacing: 1)
      let inner = max(1, (columns.map(\.width).min() ?? 0) - 4)
      let tallest =
        questions.map { StyledText($0).wrapped(to: inner).count }.max() ?? 2
      let height = min(max(3, body.height / 3), tallest + 2)
      cards = columns.map { $0.takingTop(height) }
      let rest = body.droppingTop(height)
      if revealed {
        let halves = rest.columns([.fraction(0.5), .fill], spacing: 1)
        work = halves[0]
        solution = halves[1]
      } else {
        work = rest
        solution = Rect(x: rest.maxX, y: rest.y, width: 0, height: 0)
      }
    } else {
      var x = body.x
      cards = kinds.map { kind in
        let width = Self.tabLabel(kind, mark: " ").displayWidth
        defer { x += width + 1 }
        return Rect(x: x, y: body.y, width: width, height: 1).intersection(body)
      }
      work = body.droppingTop(1)
      solution = Rect(x: work.maxX, y: work.y, width: 0, height: 0)
    }
  }

  /// A tab's text: ` 2 Decode ceiling ✓ ` (the mark is one column, blank when unanswered).
  static func tabLabel(_ kind: Exercise.Kind, mark: String) -> String {
    " \(kind.number) \(kind.title) \(mark) "
  }

  /// The card whose tab or panel holds the point.
  func card(atX x: Int, y: Int) -> Exercise.Kind? {
    cards.firstIndex { $0.contains(x: x, y: y) }.map { Exercise.Kind.allCases[$0] }
  }
}

extension ExercisesState {
  /// The layout for this state's cards.
  func layout(_ area: Rect, context: RenderContext) -> ExercisesLayout {
    let questions = Exercise.Kind.allCases.map {
      context.glyphs.text(Self.exercise($0, deal: deals[$0] ?? 0).question)
    }
    return ExercisesLayout(area, questions: questions, revealed: revealed)
  }
}
