import TerminalUI
import Testing

@testable import NcursesTerminal

/// What the background query reads is the terminal's replies and, around them, whatever the
/// user typed meanwhile: the replies are taken out whole and the typed bytes kept in order.
struct BackgroundQueryTests {
  static let osc = Array("\u{1B}]11;rgb:ffff/ffff/dddd\u{07}".utf8)
  static let oscST = Array("\u{1B}]11;rgb:0000/0000/0000\u{1B}\\".utf8)
  static let da1 = Array("\u{1B}[?62;22c".utf8)
  static let right = Array("\u{1B}[C".utf8)

  @Test func repliesAloneLeaveNothingTyped() {
    let (replies, typed) = BackgroundQuery.split(Self.osc + Self.da1)
    #expect(replies == Self.osc + Self.da1)
    #expect(typed.isEmpty)
  }

  @Test func keysAroundTheRepliesAreKeptInOrder() {
    let bytes = Array("q".utf8) + Self.right + Self.oscST + Array("é".utf8) + Self.da1
    let (replies, typed) = BackgroundQuery.split(bytes)
    #expect(replies == Self.oscST + Self.da1)
    #expect(typed == Array("q".utf8) + Self.right + Array("é".utf8))
  }

  @Test func aTerminalThatDoesNotAnswerLeavesEverythingTyped() {
    let bytes = Self.right + Array("\u{1B}".utf8) + Self.right + Array("\u{1B}[?1".utf8)
    let (replies, typed) = BackgroundQuery.split(bytes)
    #expect(replies.isEmpty)
    #expect(typed == bytes)
  }

  @Test func theBackgroundIsReadFromTheRepliesWithKeysAmongThem() {
    let (replies, _) = BackgroundQuery.split(Self.right + Self.osc + Array("x".utf8) + Self.da1)
    #expect(TerminalBackground.parse(replies)?.isLight == true)
  }
}
