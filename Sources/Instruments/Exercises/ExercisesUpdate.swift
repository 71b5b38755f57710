import ForgeCore
import TerminalUI

extension ExercisesState {
  public mutating func update(_ event: Event, area: Rect, app: AppState) -> ScreenResult {
    switch event {
    case .key(let key): return editing ? typing(key) : browsing(key)
    case .mouse(let mouse):
      guard mouse.kind == .press,
        let hit = ExercisesLayout(area).card(atX: mouse.x, y: mouse.y)
      else { return .ignored }
      show(hit)
      return .handled
    default: return .ignored
    }
  }

  /// Keys while the answer field has them.
  private mutating func typing(_ key: Key) -> ScreenResult {
    switch key {
    case .enter: check()
    case .escape: editing = false
    case .backspace, .delete: if !typed.isEmpty { typed.removeLast() }
    case .char(let c) where !c.isNewline && typed.count < Self.maxTyped: typed.append(c)
    default: return .ignored
    }
    return .handled
  }

  /// Keys while looking at a card.
  private mutating func browsing(_ key: Key) -> ScreenResult {
    let all = Exercise.Kind.allCases
    let index = all.firstIndex(of: card) ?? 0
    switch key {
    case .char(let c) where c.isNumber || c == "." || c == "-":
      startTyping()
      typed = String(c)
    case .enter: startTyping()
    case .left, .char("h"): show(all[(index + all.count - 1) % all.count])
    case .right, .char("l"): show(all[(index + 1) % all.count])
    case .char("s"): revealed.toggle()
    case .char("n"): deal((deals[card] ?? 0) + 1)
    case .char("o"): deal(0)
    default: return .ignored
    }
    return .handled
  }

  private mutating func startTyping() {
    editing = true
    typed = ""
    feedback = nil
  }

  /// Grades the typed answer; an unreadable one, or a unit mix-up, keeps the field open with
  /// a gentle message.
  private mutating func check() {
    switch exercise.check(typed) {
    case .success(let checked):
      let grade = checked.grade
      feedback =
        checked.note.map { .slip(grade, value: checked.value, note: $0) }
        ?? .graded(grade, value: checked.value)
      marks[card] = grade
      score.add(grade)
      editing = false
    case .failure(let error):
      feedback = .unreadable(error.message)
    }
  }

  /// Opens a card with a clean answer field.
  mutating func show(_ kind: Exercise.Kind) {
    guard kind != card else { return }
    card = kind
    clearAnswer()
  }

  /// Deals the card's question with the numbers of `deal` (0: the seed's own).
  private mutating func deal(_ deal: UInt64) {
    deals[card] = deal
    marks[card] = nil
    clearAnswer()
  }

  private mutating func clearAnswer() {
    typed = ""
    editing = false
    feedback = nil
    revealed = false
  }
}
