import ForgeCore
import TerminalUI

/// Where the Exercises screen puts things, as a pure function of the body rect (shared by the
/// view and mouse hit-testing). Narrow: a row of card tabs over the card. Wide: the four
/// questions stacked on the left, the card being worked on the right.
struct ExercisesLayout: Equatable, Sendable {
  /// One rect per card, in `Exercise.Kind` order: a tab, or a small panel when wide.
  var cards: [Rect]
  var wide: Bool
  /// The card being worked: question, answer field, feedback, solution.
  var work: Rect
  /// The score line.
  var score: Rect

  static let wideFrom = 110

  init(_ area: Rect) {
    let kinds = Exercise.Kind.allCases
    wide = area.width >= Self.wideFrom
    score = area.takingBottom(1)
    let body = area.droppingBottom(1)
    if wide {
      let columns = body.columns([.fraction(0.4), .fill], spacing: 1)
      cards = columns[0].rows(Array(repeating: .fill, count: kinds.count))
      work = columns[1]
    } else {
      var x = body.x
      cards = kinds.map { kind in
        let width = Self.tabLabel(kind, mark: " ").displayWidth
        defer { x += width + 1 }
        return Rect(x: x, y: body.y, width: width, height: 1).intersection(body)
      }
      work = body.droppingTop(1)
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
