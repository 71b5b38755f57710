import TerminalUI
import TestSupport
import Testing

@testable import NcursesTerminal

/// Input cut across reads, as a pty, tmux under load or a slow link hands it over: every key
/// sequence, mouse report and terminal reply decodes as it does in one read, wherever it is
/// cut; a lone ESC is Esc once the wait for a sequence runs out.
struct SplitInputTests {
  /// Decodes `reads` one after another (`endOfRead` after each), then `finish` (the backend's
  /// wait for the rest ran out).
  static func decode(_ reads: [[UInt32]]) -> [Event] {
    var reader = EscapeSequences()
    var out: [Event] = []
    for read in reads {
      for value in read { out += reader.feed(value) }
      out += reader.endOfRead()
    }
    return out + reader.finish()
  }

  static func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

  /// `text` cut at the given offsets (ascending, inside it).
  static func cut(_ text: [UInt32], at offsets: [Int]) -> [[UInt32]] {
    let bounds = [0] + offsets + [text.count]
    return zip(bounds, bounds.dropFirst()).map { Array(text[$0..<$1]) }
  }

  /// Every way to cut `text` into two reads and into three.
  static func everyCut(_ text: [UInt32]) -> [[[UInt32]]] {
    var out: [[[UInt32]]] = []
    for i in 1..<text.count {
      out.append(cut(text, at: [i]))
      for j in (i + 1)..<text.count { out.append(cut(text, at: [i, j])) }
    }
    return out
  }

  @Test func everyKnownKeyCutAnywhereIsThatKey() {
    for (body, key) in EscapeSequences.known {
      let text = Self.scalars("a\u{1B}" + body + "b")
      let expected: [Event] = [.key(.char("a")), .key(key), .key(.char("b"))]
      #expect(Self.decode([text]) == expected)
      for reads in Self.everyCut(text) {
        #expect(Self.decode(reads) == expected, "\(body.debugDescription) as \(reads)")
      }
    }
  }

  /// The background query's reply (OSC 11), ended by BEL or by ST, in the forms terminals
  /// send; and the DA1 reply sent after it. Late, cut anywhere: dropped whole, the keys
  /// around it are themselves.
  static let replies = [
    "\u{1B}]11;rgb:1010/2020/3030\u{7}", "\u{1B}]11;rgb:ffff/FFFF/0000\u{1B}\\",
    "\u{1B}]11;rgb:1f/2e/3d\u{7}", "\u{1B}]11;rgba:0/0/0/ffff\u{1B}\\", "\u{1B}[?62;22c",
    "\u{1B}[?1;2c",
  ]

  @Test func aLateReplyCutAnywhereIsDroppedWhole() {
    for reply in Self.replies {
      let text = Self.scalars("a" + reply + "b")
      let expected: [Event] = [.key(.char("a")), .key(.char("b"))]
      #expect(Self.decode([text]) == expected)
      for reads in Self.everyCut(text) {
        #expect(Self.decode(reads) == expected, "\(reply.debugDescription) as \(reads)")
      }
      // The reply's rest never comes: what came is dropped, the key after it is itself
      // (from its third byte on: Esc then `]` are those keys).
      let bytes = Self.scalars(reply)
      for n in 3..<bytes.count {
        let reads = [Self.scalars("a") + bytes.prefix(n), Self.scalars("q")]
        #expect(
          Self.decode(reads) == [.key(.char("a")), .key(.char("q"))],
          "\(reply.debugDescription) cut after \(n) then q")
      }
    }
  }

  /// A reply arriving while half a mouse report or a lone ESC is held: each is what it
  /// would be alone.
  @Test func aLateReplyAfterHalfASequenceIsDroppedToo() {
    let reply = Self.scalars("\u{1B}]11;rgb:0/0/0\u{7}")
    #expect(Self.decode([Self.scalars("\u{1B}[<0;2"), reply + [120]]) == [.key(.char("x"))])
    #expect(
      Self.decode([Self.scalars("\u{1B}"), reply + [120]]) == [.key(.escape), .key(.char("x"))])
  }

  @Test func aLoneEscIsEscOnceTheWaitRunsOut() {
    var reader = EscapeSequences()
    #expect(reader.feed(27) == [])
    #expect(reader.endOfRead() == [])
    #expect(reader.isHolding && reader.holdsLoneEscape)
    #expect(reader.finish() == [.key(.escape)])
    #expect(!reader.isHolding)
    // Cut from what follows it: Esc then that key, or the sequence it begins.
    #expect(Self.decode([[27], Self.scalars("x")]) == [.key(.escape), .key(.char("x"))])
    #expect(Self.decode([[27], [27]]) == [.key(.escape), .key(.escape)])
    #expect(Self.decode([[27], Self.scalars("[A")]) == [.key(.up)])
    #expect(Self.decode([[27], Self.scalars("]")]) == [.key(.escape), .key(.char("]"))])
    // Held half of another sequence is not a lone ESC.
    reader = EscapeSequences()
    for value in Self.scalars("\u{1B}[1;5") { _ = reader.feed(value) }
    #expect(reader.endOfRead() == [])
    #expect(reader.isHolding && !reader.holdsLoneEscape)
  }

  /// A key that cannot continue half a key's sequence is itself, the half dropped whole.
  @Test func aKeyAfterHalfAKeysSequenceIsItself() {
    #expect(Self.decode([Self.scalars("\u{1B}[1;5"), [13]]) == [.key(.enter)])
    #expect(Self.decode([Self.scalars("\u{1B}[1"), [0xE9]]) == [.key(.char("é"))])
    #expect(
      Self.decode([Self.scalars("\u{1B}[2"), Self.scalars("\u{1B}OP")]) == [.key(.function(1))])
    // Half a mouse report ends at any byte a report cannot take.
    #expect(Self.decode([Self.scalars("\u{1B}[<0;5"), Self.scalars("q")]) == [.key(.char("q"))])
  }

  /// A control sequence the decoder does not know (modified keys it has no binding for, a
  /// focus report, keypad keys in application mode), cut anywhere, is dropped whole: its tail
  /// never types a key (before, the `3C` of Alt-Right's `ESC[1;3C` cut after `ESC[1;` arrived
  /// as the keys `3` and `C`, and the `j` of keypad `*`'s `ESC Oj` cut after `ESC O` as `j`).
  @Test func anUnknownSequenceCutAnywhereIsDroppedWhole() {
    for sequence in [
      "\u{1B}[1;3C", "\u{1B}[1;6D", "\u{1B}[5;5~", "\u{1B}[3;3~", "\u{1B}[99;99z", "\u{1B}[I",
      "\u{1B}Oj", "\u{1B}OM",
    ] {
      for reads in Self.everyCut(Self.scalars(sequence + "b")) {
        #expect(Self.decode(reads) == [.key(.char("b"))], "\(reads)")
      }
    }
  }

  /// Within one read an unknown sequence is still dropped whole, whatever it ends with.
  @Test func anUnknownSequenceInOneReadIsStillDroppedWhole() {
    for sequence in ["\u{1B}[1;9X", "\u{1B}[99;99z", "\u{1B}[12;5q", "\u{1B}O~", "\u{1B}[<0;5M"] {
      #expect(
        Self.decode([Self.scalars(sequence + "b")]) == [.key(.char("b"))],
        "\(sequence.debugDescription)")
    }
  }

  @Test func theDefaultWaitFollowsTheEscDelay() {
    #expect(NcursesBackend.defaultSequenceWait(escapeDelay: 0.025) == 0.2)
    #expect(NcursesBackend.defaultSequenceWait(escapeDelay: 0.5) == 0.5)
  }

  // MARK: property

  /// One random token: its bytes and the events it decodes to. `afterEscape`: the token
  /// before was a lone ESC, so a plain `[`, `O` or `]` would make them one sequence.
  static func token(using random: inout SeededRandom, afterEscape: Bool) -> ([UInt32], [Event]) {
    func digits(_ range: ClosedRange<Int>) -> String {
      String(Int.random(in: range, using: &random))
    }
    func hex() -> String {
      String(
        (0..<Int.random(in: 1...4, using: &random)).map { _ in
          "0123456789abcdefABCDEF".randomElement(using: &random)!
        })
    }
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<30:
      let keys = EscapeSequences.known.sorted { $0.key < $1.key }
      let (body, key) = keys[Int.random(in: 0..<keys.count, using: &random)]
      return (scalars("\u{1B}" + body), [.key(key)])
    case 30..<45:
      var pool = Array(32...126).filter { !afterEscape || ![91, 79, 93].contains($0) }
      pool += [0x00E9, 0x4E2D, 0x1F642]
      let value = UInt32(pool.randomElement(using: &random)!)
      return ([value], [.key(KeyDecoder.character(value))])
    case 45..<52:
      let value = UInt32([9, 13, 127, 1, 2, 21, 26].randomElement(using: &random)!)
      return ([value], [.key(KeyDecoder.character(value))])
    case 52..<70:
      let buttons: [(Int, Bool, MouseEvent.Kind?)] = [
        (0, false, .press), (0, true, .release), (32, false, .drag), (35, false, .drag),
        (64, false, .scrollUp), (65, false, .scrollDown), (2, false, nil), (66, false, nil),
      ]
      let (button, released, kind) = buttons.randomElement(using: &random)!
      let x = Int.random(in: 1...999, using: &random)
      let y = Int.random(in: 1...999, using: &random)
      let text = "\u{1B}[<\(button);\(x);\(y)" + (released ? "m" : "M")
      return (scalars(text), kind.map { [.mouse(MouseEvent($0, x: x - 1, y: y - 1))] } ?? [])
    case 70..<76:
      // X10, as a terminal without 1006 sends it: 32 + code, column, row (1-based).
      let buttons: [(Int, MouseEvent.Kind?)] = [
        (0, .press), (3, .release), (32, .drag), (35, .drag), (64, .scrollUp),
        (65, .scrollDown), (1, nil), (66, nil),
      ]
      let (button, kind) = buttons.randomElement(using: &random)!
      let x = Int.random(in: 1...94, using: &random)
      let y = Int.random(in: 1...94, using: &random)
      let x10 = [button, x, y].map { UInt32(32 + $0) }
      return (
        scalars("\u{1B}[M") + x10,
        kind.map { [.mouse(MouseEvent($0, x: x - 1, y: y - 1))] } ?? []
      )
    case 76..<84:
      let end = Bool.random(using: &random) ? "\u{7}" : "\u{1B}\\"
      return (scalars("\u{1B}]11;rgb:\(hex())/\(hex())/\(hex())" + end), [])
    case 84..<90:
      return (scalars("\u{1B}[?\(digits(1...99));\(digits(0...99))c"), [])
    case 90..<94:
      // A modified key the decoder does not know: dropped whole.
      let final = ["A", "B", "C", "D", "H", "F", "~"].randomElement(using: &random)!
      let modifier = [3, 4, 6, 7, 8].randomElement(using: &random)!
      let number = final == "~" ? digits(2...24) : "1"
      return (scalars("\u{1B}[\(number);\(modifier)\(final)"), [])
    default:
      return ([27], [.key(.escape)])
    }
  }

  /// Random keys, mouse reports and late replies, encoded, cut at random points: the same
  /// events as in one read. Seeded, so a failure names its round and replays.
  @Test func randomInputCutAnywhereDecodesAsWhole() {
    var random = SeededRandom(seed: 0x14_03_5EED)
    for round in 0..<2000 {
      var text: [UInt32] = []
      var expected: [Event] = []
      var afterEscape = false
      for _ in 0..<Int.random(in: 1...10, using: &random) {
        let (bytes, events) = Self.token(using: &random, afterEscape: afterEscape)
        text += bytes
        expected += events
        afterEscape = bytes == [27]
      }
      #expect(Self.decode([text]) == expected, "round \(round): \(text)")
      guard text.count > 1 else { continue }
      let count = Int.random(in: 1...min(6, text.count - 1), using: &random)
      var offsets = Set<Int>()
      while offsets.count < count { offsets.insert(Int.random(in: 1..<text.count, using: &random)) }
      let reads = Self.cut(text, at: offsets.sorted())
      #expect(Self.decode(reads) == expected, "round \(round): \(reads)")
    }
  }
}
