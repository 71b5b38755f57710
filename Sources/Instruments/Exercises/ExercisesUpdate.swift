import ForgeCore
import TerminalUI

extension ExercisesState {
  public mutating func update(_ event: Event, area: Rect, app: AppState) -> ScreenResult {
    switch event {
    case .key(let key):
      guard let action = keymap.action(for: key) else { return .ignored }
      perform(action)
      return .handled
    case .mouse(let mouse):
      guard mouse.kind == .press,
        let hit = layout(area, context: app.renderContext).card(atX: mouse.x, y: mouse.y)
      else { return .ignored }
      show(hit)
      return .handled
    default: return .ignored
    }
  }

  private mutating func perform(_ action: Action) {
    let all = Exercise.Kind.allCases
    let index = all.firstIndex(of: card) ?? 0
    switch action {
    case .check: check()
    case .stopTyping: editing = false
    case .field(let edit):
      var edited = field
      edited.apply(edit)
      if edited.text.count <= Self.maxTyped { field = edited }
    case .startTyping(let first):
      startTyping()
      field = first.map { TextField(String($0)) } ?? TextField(typed, selected: true)
    case .card(let step): show(all[((index + step) % all.count + all.count) % all.count])
    case .toggleSolution: revealed.toggle()
    case .newNumbers: deal((deals[card] ?? 0) + 1)
    case .seedNumbers: deal(0)
    }
  }

  private mutating func startTyping() {
    editing = true
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
