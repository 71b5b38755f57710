import Testing

@testable import TerminalUI

struct TextFieldTests {
  func field(_ text: String, selected: Bool = false, _ edits: [TextField.Edit]) -> TextField {
    var f = TextField(text, selected: selected)
    for e in edits { f.apply(e) }
    return f
  }

  @Test func typingOverASelectionReplacesIt() {
    let f = field("once upon", selected: true, "the robot".map { .type($0) })
    #expect(f.string == "the robot")
    #expect(!f.selected)
  }

  @Test func deletingASelectionClearsItAndMovingKeepsIt() {
    #expect(field("once", selected: true, [.backspace]).string == "")
    #expect(field("once", selected: true, [.deleteForward]).string == "")
    let home = field("once", selected: true, [.home, .type("X")])
    #expect(home.string == "Xonce")
    let end = field("once", selected: true, [.end, .type("!")])
    #expect(end.string == "once!")
  }

  @Test func anEmptyFieldIsNeverSelected() {
    #expect(!TextField("", selected: true).selected)
  }

  @Test func cursorMovesAndEditsInTheMiddle() {
    let f = field(
      "the robot", [.home, .right, .right, .right, .type("n"), .end, .left, .backspace])
    #expect(f.string == "then robt")
    #expect(f.cursor == 8)
    #expect(field("ab", [.home, .left, .deleteForward]).string == "b")
    #expect(field("ab", [.right, .right, .deleteForward]).string == "ab")
  }

  @Test func ctrlUDeletesBackToTheStart() {
    #expect(field("the robot", [.deleteToStart]).string == "")
    let f = field("the robot", [.left, .left, .left, .left, .left, .deleteToStart])
    #expect(f.string == "robot")
    #expect(f.cursor == 0)
  }

  @Test func ctrlWDeletesTheWordBeforeTheCursorAndItsTrailingSpaces() {
    #expect(field("the robot", [.deleteWord]).string == "the ")
    #expect(field("the robot  ", [.deleteWord]).string == "the ")
    #expect(field("the", [.deleteWord, .deleteWord]).string == "")
    let mid = field("the robot rolls", [.left, .left, .left, .left, .left, .left, .deleteWord])
    #expect(mid.string == "the  rolls")
  }

  @Test func styledMarksTheSelectionOrTheCursorCell() {
    let text = Style(attrs: [.bold])
    let sel = Style(attrs: [.reverse])
    let selected = TextField("ab", selected: true).styled(text: text, selection: sel, cursor: sel)
    #expect(selected.spans == [Span("ab", style: sel)])
    let atEnd = TextField("ab").styled(text: text, selection: sel, cursor: sel)
    #expect(atEnd.spans == [Span("ab", style: text), Span(" ", style: sel)])
    var mid = TextField("ab")
    mid.apply(.left)
    let m = mid.styled(text: text, selection: sel, cursor: sel)
    #expect(m.spans == [Span("a", style: text), Span("b", style: sel)])
  }
}
