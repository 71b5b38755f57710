import ForgeCore
import TerminalUI
import Testing

@testable import Instruments

struct ExercisesTests {
  static let size = Size(width: 80, height: 24)

  /// The app on the Exercises screen after `keys` went through the shell.
  func app(_ keys: [Key], size: Size = size) -> AppState {
    var s = AppState(screen: .exercises, size: size)
    for key in keys { _ = App.update(&s, .key(key)) }
    return s
  }

  func typing(_ text: String) -> [Key] { text.map { Key.char($0) } }

  @Test func theSeedAnswerIsCorrectAndThreeE23IsWrong() {
    let right = app(typing("2.4e23") + [.enter]).exercises
    #expect(right.feedback == .graded(.correct, value: 2.4e23))
    #expect(right.score.correct == 1 && !right.editing)
    let wrong = app(typing("3e23") + [.enter]).exercises
    #expect(wrong.feedback == .graded(.wrong, value: 3e23))
    #expect(wrong.score.wrong == 1)
    #expect(app(typing("2.5e23") + [.enter]).exercises.feedback == .graded(.close, value: 2.5e23))
  }

  @Test func aDigitStartsTypingAndThenQuitKeysAreText() {
    var s = app([.char("5")])
    #expect(s.exercises.editing && s.exercises.typed == "5")
    #expect(App.update(&s, .key(.char("q"))) == .running)
    #expect(s.exercises.typed == "5q")
    _ = App.update(&s, .key(.backspace))
    _ = App.update(&s, .key(.escape))
    #expect(!s.exercises.editing && s.screen == .exercises)
    #expect(App.update(&s, .key(.char("q"))) == .quit(.user))
  }

  @Test(arguments: ["", "lots", "nan", "12 apples"])
  func unreadableAnswersGetAGentleMessageAndKeepTheFieldOpen(_ typed: String) {
    let s = app([.enter] + typing(typed) + [.enter]).exercises
    guard case .unreadable(let message) = s.feedback else {
      Issue.record("'\(typed)' gave \(String(describing: s.feedback))")
      return
    }
    #expect(!message.isEmpty)
    #expect(s.editing && s.score.total == 0)
  }

  @Test func unitsAndScalesAreUnderstood() {
    let kv = app([.right, .right, .right] + typing("51.5 GB") + [.enter]).exercises
    #expect(kv.card == .kvCache && kv.feedback == .graded(.correct, value: 51.5))
    let hours = app([.left, .left] + typing("6.24M") + [.enter]).exercises
    #expect(hours.card == .gpuHours && hours.marks[.gpuHours] == .correct)
  }

  @Test func aUnitMixUpIsNamedAndKeepsTheFieldOpen() {
    let s = app([.left] + typing("5.15e10") + [.enter]).exercises
    guard case .unreadable(let message) = s.feedback else {
      Issue.record("5.15e10 GB gave \(String(describing: s.feedback))")
      return
    }
    #expect(message.hasPrefix("That looks like bytes; the question asks for GB"))
    #expect(s.editing && s.score.total == 0)
    let text = App.view(app([.left] + typing("5.15e10") + [.enter])).text
    #expect(text.contains("That looks like bytes") && !text.contains("times too high"))
  }

  @Test func anArithmeticSlipIsGradedWrongWithARemark() {
    let s = app(typing("8e22") + [.enter])
    guard case .slip(.wrong, _, let note) = s.exercises.feedback else {
      Issue.record("8e22 gave \(String(describing: s.exercises.feedback))")
      return
    }
    #expect(note.contains("2·N·D") && s.exercises.score.wrong == 1)
    #expect(App.view(s).text.contains("forward pass"))
  }

  @Test func theGPUsNameIsAUnitNotABillion() {
    let s = app([.left, .left] + typing("6.24e6 H100-hours") + [.enter]).exercises
    #expect(s.marks[.gpuHours] == .correct)
    #expect(app([.left, .left]).exercises.exercise.unit == "H100-hours")
  }

  /// At 80x24 a checked answer, the worked solution with its steps and the footer all fit:
  /// the last line ("uses this equation") is still on screen for every card and many deals.
  @Test func aRevealedSolutionFitsAt80x24() {
    for card in 0..<4 {
      for deal in 0..<12 {
        var s = app(
          Array(repeating: Key.right, count: card) + Array(repeating: .char("n"), count: deal))
        let worked = s.exercises.exercise.workedAnswer
        for key in [Key.char("s")] + typing(worked) + [.enter] { _ = App.update(&s, .key(key)) }
        #expect(s.exercises.marks[s.exercises.card] == .correct, "\(worked)")
        #expect(App.view(s).text.contains("uses this equation"), "card \(card + 1) deal \(deal)")
      }
    }
  }

  @Test func theHintGivesNoAnswerAway() {
    for card in 0..<4 {
      let text = App.view(app(Array(repeating: Key.right, count: card))).text
      for answer in ["2.4e23", "33.5", "6.24", "51.5"] {
        #expect(!text.contains(answer), "card \(card + 1) shows \(answer)")
      }
    }
  }

  @Test func anotherOneDealsNewNumbersCheckedByTheSameCode() {
    let seed = app([]).exercises.exercise
    let dealt = app([.char("n")]).exercises
    #expect(dealt.deals[.computeBudget] == 1)
    #expect(dealt.exercise.question != seed.question)
    let answer = Format.number(dealt.exercise.answer)
    let s = app([.char("n")] + typing(answer) + [.enter]).exercises
    #expect(s.marks[.computeBudget] == .correct)
    #expect(app([.char("n"), .char("o")]).exercises.exercise == seed)
  }

  @Test func switchingCardsClearsTheAnswerButKeepsTheScore() {
    let s = app(typing("3e23") + [.enter, .char("s"), .right]).exercises
    #expect(s.card == .decodeCeiling)
    #expect(s.typed.isEmpty && s.feedback == nil && !s.revealed)
    #expect(s.score.wrong == 1 && s.marks[.computeBudget] == .wrong)
  }

  @Test func theSolutionIsTheTrace() {
    let s = app([.char("s")])
    let text = App.view(s).text
    #expect(s.exercises.revealed)
    #expect(text.contains(s.exercises.exercise.trace.substituted))
    #expect(text.contains("EQ 4.1"))
  }

  @Test func clickingATabOpensItsCard() {
    let body = ShellLayout(size: Self.size).body
    let tab = ExercisesLayout(body).cards[2]
    var s = AppState(screen: .exercises, size: Self.size)
    _ = App.update(&s, .mouse(MouseEvent(.press, x: tab.x + 1, y: tab.y)))
    #expect(s.exercises.card == .gpuHours)
  }

  @Test func missSaysHowFarOff() {
    #expect(ExercisesState.miss(3e23, 2.4e23) == "25% too high")
    #expect(ExercisesState.miss(2.4e20, 2.4e23) == "about 1000 times too low")
  }

  /// The answer field is the shared line editor: a cursor that Left/Right/Home/End move,
  /// typing at the cursor, Delete forward, Ctrl-W a word and Ctrl-U back to the start.
  @Test func theAnswerFieldEditsAtItsCursor() {
    var s = app(typing("24e23"))
    #expect(s.exercises.field.cursor == 5)
    for key in [Key.home, .right, .char(".")] { _ = App.update(&s, .key(key)) }
    #expect(s.exercises.typed == "2.4e23" && s.exercises.field.cursor == 2)
    for key in [Key.end, .char(" "), .char("F")] { _ = App.update(&s, .key(key)) }
    #expect(s.exercises.typed == "2.4e23 F")
    _ = App.update(&s, .key(.ctrl("w")))
    #expect(s.exercises.typed == "2.4e23 ")
    for key in [Key.left, .left, .delete] { _ = App.update(&s, .key(key)) }
    #expect(s.exercises.typed == "2.4e2 ")
    _ = App.update(&s, .key(.ctrl("u")))
    #expect(s.exercises.typed == " " && s.exercises.editing)
    _ = App.update(&s, .key(.backspace))
    for key in typing("2.4e23") + [.enter] { _ = App.update(&s, .key(key)) }
    #expect(s.exercises.feedback == .graded(.correct, value: 2.4e23))
  }

  /// Enter on a checked answer reopens the field with that answer selected: typing replaces
  /// it, End keeps it to fix.
  @Test func reopeningTheFieldSelectsTheLastAnswer() {
    var s = app(typing("3e23") + [.enter, .enter])
    #expect(s.exercises.editing && s.exercises.field.selected && s.exercises.typed == "3e23")
    let screen = App.view(s)
    let rows = (0..<screen.size.height).map { y in
      String((0..<screen.size.width).map { screen[$0, y].glyph })
    }
    #expect(rows.contains { $0.contains("3e23  typing replaces it") })
    var fixed = s
    for key in [Key.end, .left, .left, .left, .backspace, .char("2"), .char("."), .char("4")] {
      _ = App.update(&fixed, .key(key))
    }
    #expect(fixed.exercises.typed == "2.4e23")
    _ = App.update(&fixed, .key(.enter))
    #expect(fixed.exercises.feedback == .graded(.correct, value: 2.4e23))
    for key in typing("2.4e23") + [.enter] { _ = App.update(&s, .key(key)) }
    #expect(s.exercises.feedback == .graded(.correct, value: 2.4e23))
  }
}

struct ExercisesOddSizeTests {
  @Test(arguments: [(0, 0), (1, 1), (10, 3), (30, 8), (109, 22), (110, 22), (300, 100)])
  func drawsAndHitTestsAtAnySize(width: Int, height: Int) {
    let area = Rect(x: 2, y: 2, width: width, height: height)
    let app = AppState(screen: .exercises, size: Size(width: width, height: height))
    var s = ExercisesState()
    for key in [Key.char("1"), .char("e"), .enter, .char("s"), .right] {
      _ = s.update(.key(key), area: area, app: app)
    }
    _ = s.update(.mouse(MouseEvent(.press, x: 2 + width / 2, y: 2)), area: area, app: app)
    var canvas = Canvas(size: Size(width: width + 4, height: height + 4))
    s.view(into: &canvas, area: area, app: app, context: RenderContext())
    let outside = canvas.bounds.cellsOutside(area).filter { canvas[$0.x, $0.y] != .blank }
    #expect(outside.isEmpty, "drew outside the area at \(outside.prefix(3))")
  }

  @Test func theAnswerFieldHasALimit() {
    var s = ExercisesState()
    let app = AppState(screen: .exercises, size: Size(width: 80, height: 24))
    let area = ShellLayout(size: app.size).body
    for _ in 0..<100 { _ = s.update(.key(.char("9")), area: area, app: app) }
    #expect(s.typed.count == ExercisesState.maxTyped)
  }
}
