import TerminalUI
import Testing

@testable import NcursesTerminal

/// SGR (1006) mouse reports as they reach the app when ncurses does not parse them
/// (TERM=screen-256color, tmux-256color): gathered by `EscapeSequences`, decoded by `SGRMouse`.
struct SGRMouseTests {
  /// Feeds `reads` one after another as separate reads (`endOfRead` after each), then ends.
  func events(_ reads: String...) -> [Event] {
    var reader = EscapeSequences()
    var out: [Event] = []
    for read in reads {
      for scalar in read.unicodeScalars { out += reader.feed(scalar.value) }
      out += reader.endOfRead()
    }
    return out + reader.finish()
  }

  func mouse(_ kind: MouseEvent.Kind, _ x: Int, _ y: Int) -> Event {
    .mouse(MouseEvent(kind, x: x, y: y))
  }

  @Test func pressDragReleaseAndWheelMapAsNcursesDoes() {
    #expect(events("\u{1B}[<0;10;25M") == [mouse(.press, 9, 24)])
    #expect(events("\u{1B}[<0;10;25m") == [mouse(.release, 9, 24)])
    #expect(events("\u{1B}[<32;12;25M") == [mouse(.drag, 11, 24)])
    #expect(
      events("\u{1B}[<64;3;4M\u{1B}[<65;3;4M") == [
        mouse(.scrollUp, 2, 3), mouse(.scrollDown, 2, 3),
      ])
    // Shift, Meta and Ctrl are ignored, as on the ncurses path.
    #expect(
      events("\u{1B}[<4;1;1M\u{1B}[<24;1;1m\u{1B}[<48;2;1M\u{1B}[<80;1;1M") == [
        mouse(.press, 0, 0), mouse(.release, 0, 0), mouse(.drag, 1, 0), mouse(.scrollUp, 0, 0),
      ])
  }

  @Test func columnsAndRowsPastX10sLimitArrive() {
    #expect(
      events("\u{1B}[<0;250;70M\u{1B}[<0;250;70m") == [
        mouse(.press, 249, 69), mouse(.release, 249, 69),
      ])
    #expect(events("\u{1B}[<0;224;1M") == [mouse(.press, 223, 0)])
    #expect(events("\u{1B}[<65;1000;500M") == [mouse(.scrollDown, 999, 499)])
  }

  @Test func severalReportsInOneReadAreEachDelivered() {
    #expect(
      events("\u{1B}[<0;240;10M\u{1B}[<32;242;10M\u{1B}[<32;244;10M\u{1B}[<0;244;10mq") == [
        mouse(.press, 239, 9), mouse(.drag, 241, 9), mouse(.drag, 243, 9),
        mouse(.release, 243, 9), .key(.char("q")),
      ])
  }

  @Test func buttonsTheAppDoesNotUseAreDroppedWhole() {
    // Middle and right buttons, horizontal wheel, buttons 8-11, a wheel "release".
    #expect(
      events("\u{1B}[<1;5;5M\u{1B}[<2;5;5mx\u{1B}[<66;5;5M\u{1B}[<128;5;5M\u{1B}[<64;5;5my")
        == [.key(.char("x")), .key(.char("y"))])
  }

  @Test func garbageIsDroppedWholeNeverTyped() {
    let garbage = [
      "\u{1B}[<0;0;5M", "\u{1B}[<0;5;0M", "\u{1B}[<0;5M", "\u{1B}[<0;5;5;5M", "\u{1B}[<;5;5M",
      "\u{1B}[<0;;5M", "\u{1B}[<0;99999999999;5M", "\u{1B}[<0;5;5~", "\u{1B}[<0?;5;5M",
      "\u{1B}[<0;5;5 M",
      "\u{1B}[<0;5:5M", "\u{1B}[<M", "\u{1B}[<0;5;5\u{7}",
    ]
    for sequence in garbage {
      #expect(events(sequence + "z") == [.key(.char("z"))], "\(sequence.debugDescription)")
    }
  }

  @Test func aReportSplitAcrossReadsIsJoined() {
    #expect(events("\u{1B}[<0;2", "50;70M") == [mouse(.press, 249, 69)])
    #expect(events("\u{1B}[<", "0;250;70", "m") == [mouse(.release, 249, 69)])
    #expect(
      events("\u{1B}[<0;1;1M\u{1B}[<32;2", ";1M") == [mouse(.press, 0, 0), mouse(.drag, 1, 0)])
  }

  @Test func aTruncatedReportIsDroppedWholeWhenNothingFollows() {
    var reader = EscapeSequences()
    for scalar in "\u{1B}[<0;25".unicodeScalars { #expect(reader.feed(scalar.value) == []) }
    #expect(reader.endOfRead() == [])
    #expect(reader.isHolding)
    // The backend gives up after a short wait: nothing of it is typed afterwards.
    #expect(reader.finish() == [])
    #expect(!reader.isHolding)
    #expect(reader.feed(120) == [.key(.char("x"))])
    // Half of a control sequence the decoder does not know is held the same way, so that its
    // rest is dropped with it; given up on, nothing of it is typed either.
    for scalar in "\u{1B}[99;".unicodeScalars { _ = reader.feed(scalar.value) }
    #expect(reader.endOfRead() == [])
    #expect(reader.isHolding)
    #expect(reader.finish() == [])
    #expect(reader.feed(120) == [.key(.char("x"))])
    // Half of a report that no report can continue is not held.
    for scalar in "\u{1B}[<0;5;5 ".unicodeScalars { _ = reader.feed(scalar.value) }
    #expect(reader.endOfRead() == [])
    #expect(!reader.isHolding)
  }

  /// Half a report whose rest never comes, then a key before the wait is over: the key is
  /// itself (it cannot continue the report, so the half is dropped whole at once), however
  /// the report was cut, and whatever key it is, even one that could end a CSI sequence.
  @Test func aKeyAfterHalfAReportIsItself() {
    let report = Array("\u{1B}[<0;25;7".unicodeScalars)
    let keys: [(String, [Event])] = [
      ("x", [.key(.char("x"))]), ("q", [.key(.char("q"))]), ("A", [.key(.char("A"))]),
      ("~", [.key(.char("~"))]), (" ", [.key(.char(" "))]), ("\r", [.key(.enter)]),
      ("\u{3}", [.key(.ctrl("c"))]), ("é", [.key(.char("é"))]),
      ("xy", [.key(.char("x")), .key(.char("y"))]),
      ("\u{1B}[A", [.key(.up)]), ("\u{1B}", [.key(.escape)]),
      ("\u{1B}[<0;1;1M", [mouse(.press, 0, 0)]),
    ]
    for cut in 3...report.count {
      let half = String(String.UnicodeScalarView(report.prefix(cut)))
      for (key, expected) in keys {
        #expect(
          events(half, key) == expected, "\(half.debugDescription) then \(key.debugDescription)")
      }
    }
    // `M` cannot end a report of two fields, nor `m` one of one.
    #expect(events("\u{1B}[<0;25", "M") == [.key(.char("M"))])
    #expect(events("\u{1B}[<0", "m") == [.key(.char("m"))])
    // A fourth field cannot follow: the `;` is typed.
    #expect(events("\u{1B}[<0;25;7", ";") == [.key(.char(";"))])
  }

  /// What can continue a report joins it, across any number of reads.
  @Test func aReportSplitAtEveryByteIsJoined() {
    let report = Array("\u{1B}[<32;250;70M".unicodeScalars)
    func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(report[range])) }
    for i in 1..<report.count {
      #expect(
        events(text(0..<i), text(i..<report.count) + "z") == [
          mouse(.drag, 249, 69), .key(.char("z")),
        ])
      for j in (i + 1)..<report.count {
        #expect(
          events(text(0..<i), text(i..<j), text(j..<report.count)) == [mouse(.drag, 249, 69)],
          "cut at \(i) and \(j)")
      }
    }
  }
}
