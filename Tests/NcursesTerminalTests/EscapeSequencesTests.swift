import TerminalUI
import Testing

@testable import NcursesTerminal

struct EscapeSequencesTests {
  /// Feeds the characters of `text` as ncurses hands them over, then ends the read.
  func keys(_ text: String) -> [Key] {
    events(text).map { event in
      guard case .key(let key) = event else { return .unknown(-1) }
      return key
    }
  }

  func events(_ text: String) -> [Event] {
    var reader = EscapeSequences()
    return text.unicodeScalars.flatMap { reader.feed($0.value) } + reader.finish()
  }

  @Test func theSequencesTerminfoOftenLacksAreDecoded() {
    #expect(keys("\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~") == [.home, .end, .home, .end])
    #expect(keys("\u{1B}[H\u{1B}[F\u{1B}OH\u{1B}OF") == [.home, .end, .home, .end])
    #expect(keys("\u{1B}[2~\u{1B}[3~\u{1B}[5~\u{1B}[6~") == [.insert, .delete, .pageUp, .pageDown])
    #expect(keys("\u{1B}[Z") == [.backTab])
    #expect(
      keys("\u{1B}OP\u{1B}[11~\u{1B}[15~\u{1B}[21~\u{1B}[24~") == [
        .function(1), .function(1), .function(5), .function(10), .function(12),
      ])
    #expect(
      keys("\u{1B}[1;2C\u{1B}[1;5D\u{1B}[a\u{1B}Od") == [
        .shiftRight, .ctrlLeft, .shiftUp, .ctrlLeft,
      ])
  }

  @Test func anUnknownSequenceIsDroppedWhole() {
    #expect(keys("\u{1B}[99;99zx") == [.char("x")])
    #expect(keys("a\u{1B}[1;9Xb\u{1B}O~c") == [.char("a"), .char("b"), .char("c")])
    // An X10 mouse report with a button the app has no use for (middle): its three bytes go
    // too.
    #expect(keys("\u{1B}[M!!!y") == [.char("y")])
    // Half a sequence at the end of a read is dropped, not typed.
    #expect(keys("\u{1B}[12") == [])
  }

  /// X10 reports, as a terminal without 1006 sends them (32 + code, column, row, 1-based),
  /// are the same events as SGR's: press, drag, release (code 3 names no button), wheel.
  @Test func anX10ReportIsAMouseEvent() {
    #expect(
      events("\u{1B}[M *9\u{1B}[M@,9\u{1B}[M#,9\u{1B}[M`!!\u{1B}[Ma~~y") == [
        .mouse(MouseEvent(.press, x: 9, y: 24)), .mouse(MouseEvent(.drag, x: 11, y: 24)),
        .mouse(MouseEvent(.release, x: 11, y: 24)), .mouse(MouseEvent(.scrollUp, x: 0, y: 0)),
        .mouse(MouseEvent(.scrollDown, x: 93, y: 93)), .key(.char("y")),
      ])
    // Shift, Meta and Ctrl are ignored, as in SGR; a column or row 0 is no cell.
    #expect(events("\u{1B}[M4!!") == [.mouse(MouseEvent(.press, x: 0, y: 0))])
    #expect(events("\u{1B}[M  !x") == [.key(.char("x"))])
  }

  /// An X10 report's three bytes are each 32 or more: a control key after a stray `ESC[M`
  /// (half a CSI, then an M) is that key, not part of a report, so Ctrl-C still quits.
  @Test func aControlKeyEndsAnX10ReportItCannotBelongTo() {
    #expect(keys("\u{1B}[M\u{01}x\u{03}") == [.ctrl("a"), .char("x"), .ctrl("c")])
    #expect(keys("\u{1B}[M !\u{03}y") == [.ctrl("c"), .char("y")])
    #expect(keys("\u{1B}[M\u{1B}[A") == [.up])
    #expect(keys("\u{1B}[M\r") == [.enter])
    // A whole report still goes whole, whatever its bytes.
    #expect(keys("\u{1B}[M\u{7F}\u{7F}\u{7F}z") == [.char("z")])
  }

  /// A terminal's reply to the background query (OSC 11), or to any OSC, arriving after the
  /// query gave up is dropped whole, ended by BEL or by ST; Esc then `]` stays those keys.
  @Test func anOscReplyIsDroppedWhole() {
    #expect(keys("a\u{1B}]11;rgb:1010/2020/3030\u{07}b") == [.char("a"), .char("b")])
    #expect(keys("\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\x") == [.char("x")])
    #expect(keys("\u{1B}]11;rgb:0/0/0\u{1B}[Ay") == [.up, .char("y")])
    #expect(keys("\u{1B}]") == [.escape, .char("]")])
    #expect(keys("\u{1B}]]") == [.escape, .char("]"), .char("]")])
  }

  @Test func escOnItsOwnOrBeforeAnotherKeyIsEsc() {
    #expect(keys("\u{1B}") == [.escape])
    #expect(keys("\u{1B}x") == [.escape, .char("x")])
    #expect(keys("\u{1B}\u{1B}[A") == [.escape, .up])
    #expect(keys("q\t\r") == [.char("q"), .tab, .enter])
  }
}
