import SnapshotSupport
import TerminalUI
import Testing

@testable import Instruments

struct ExercisesSnapshotTests {
  func app(_ width: Int, _ height: Int, keys: String = "", then extra: [Key] = []) -> AppState {
    var s = AppState(screen: .exercises, size: Size(width: width, height: height))
    for key in keys.map({ Key.char($0) }) + extra { _ = App.update(&s, .key(key)) }
    return s
  }

  @Test func freshAt80x24() { assertSnapshot(App.view(app(80, 24)), named: "exercises-80x24") }

  @Test func typingAt80x24() {
    assertSnapshot(App.view(app(80, 24, keys: "2.4e2")), named: "exercises-typing-80x24")
  }

  @Test func wrongThenSolutionAt80x24() {
    let s = app(80, 24, keys: "3e23", then: [.enter, .char("s")])
    assertSnapshot(App.view(s), named: "exercises-wrong-solution-80x24")
  }

  @Test func kvCardCorrectAt120x40() {
    var s = app(120, 40, then: [.left])
    for key in "51.5 GB".map({ Key.char($0) }) + [.enter, .char("s")] {
      _ = App.update(&s, .key(key))
    }
    #expect(s.exercises.card == .kvCache)
    assertSnapshot(App.view(s), named: "exercises-kv-correct-120x40")
  }
}
