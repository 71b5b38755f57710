import TerminalUI

/// Escape sequences decoded by sequence, for the keys terminfo does not list (tmux sends
/// `ESC[1~`/`ESC[4~` for Home/End whatever TERM says) and the ones a terminal sends that the
/// app's TERM describes differently. ncurses hands over a sequence it does not know as its
/// separate characters (ESC, `[`, `1`, `~`); this reader gathers them again. A CSI (`ESC [`)
/// or SS3 (`ESC O`) sequence it does not know is dropped whole, never replayed as characters,
/// and so is an OSC (`ESC ]` … BEL or ST), which only a terminal's reply sends.
/// An ESC followed by anything else is Esc, then that key. SGR mouse reports (`ESC[<b;x;yM`)
/// that ncurses did not take become mouse events (`SGRMouse`). A sequence split across two
/// reads is held over the end of the first (`endOfRead`) while it can still become a known
/// one or, for a CSI, while it keeps a CSI's shape (`SequenceGrammar`), and joined with the
/// rest; a byte of the next read that cannot continue it drops it whole and is decoded as
/// itself. Pure, so it is tested without a terminal.
struct EscapeSequences {
  /// The known sequences, without their ESC.
  static let known: [String: Key] = {
    var table: [String: Key] = [:]
    let arrows: [(Character, Key, Key, Key)] = [
      ("A", .up, .shiftUp, .ctrlUp), ("B", .down, .shiftDown, .ctrlDown),
      ("C", .right, .shiftRight, .ctrlRight), ("D", .left, .shiftLeft, .ctrlLeft),
    ]
    for (final, plain, shift, ctrl) in arrows {
      table["[\(final)"] = plain
      table["O\(final)"] = plain
      table["[1;2\(final)"] = shift
      table["[2\(final)"] = shift
      table["[1;5\(final)"] = ctrl
      table["[5\(final)"] = ctrl
      // rxvt: lower-case finals for Shift (CSI) and Ctrl (SS3).
      table["[\(final.lowercased())"] = shift
      table["O\(final.lowercased())"] = ctrl
    }
    for body in ["[H", "OH", "[1~", "[7~"] { table[body] = .home }
    for body in ["[F", "OF", "[4~", "[8~"] { table[body] = .end }
    table["[2~"] = .insert
    table["[3~"] = .delete
    table["[5~"] = .pageUp
    table["[6~"] = .pageDown
    table["[Z"] = .backTab
    for (i, final) in ["P", "Q", "R", "S"].enumerated() {
      table["O\(final)"] = .function(i + 1)
      table["[1\(i + 1)~"] = .function(i + 1)
    }
    for (n, code) in [(5, 15), (6, 17), (7, 18), (8, 19), (9, 20), (10, 21), (11, 23), (12, 24)] {
      table["[\(code)~"] = .function(n)
    }
    return table
  }()

  /// The sequence so far after an ESC (nil: not in one).
  private var pending: [UInt32]?
  /// The bytes of an X10 mouse report gathered so far (three follow `ESC[M`); nil outside one.
  private var x10: [UInt32]?
  /// The open sequence was held over the end of a read: the next bytes continue it only
  /// while `SequenceGrammar` accepts them, so a key typed after half a sequence is itself.
  private var held = false
  /// How many sequences have begun (tells a sequence continued from one that replaced it).
  private var begun = 0

  /// Takes one character; returns the keys or mouse events it completes (none while a
  /// sequence is open).
  mutating func feed(_ value: UInt32) -> [Event] {
    guard held else { return step(value) }
    held = false
    guard continues(value) else {
      // Half a sequence the next read does not finish: dropped whole (a lone ESC is Esc),
      // and this byte is decoded as itself.
      return finish() + step(value)
    }
    let sequence = begun
    let events = step(value)
    held = begun == sequence && (pending != nil || x10 != nil)
    return events
  }

  /// `value` can continue what was held over from the last read.
  private func continues(_ value: UInt32) -> Bool {
    if x10 != nil { return value >= 32 }
    guard let body = pending else { return true }
    // Inside an OSC, after an ESC: `\` ends it, and a byte that begins a sequence after
    // that ESC begins one; before anything else, the ESC was the reply's, dropped with it.
    if body.first == 93 && body.last == 27 { return [92, 91, 79, 93, 27].contains(value) }
    return SequenceGrammar.accepts(body + [value])
  }

  private mutating func step(_ value: UInt32) -> [Event] {
    if var report = x10 {
      // An X10 report's bytes are each 32 + a value: a control byte is none of them but a
      // key of its own (Ctrl-C right after a stray `ESC[M` still quits), and ends the report.
      x10 = nil
      if value >= 32 {
        report.append(value)
        if report.count < 3 {
          x10 = report
          return []
        }
        return SGRMouse.event(x10: report).map { [.mouse($0)] } ?? []
      }
    }
    guard var body = pending else {
      if value == 27 {
        pending = []
        begun &+= 1
        return []
      }
      return [.key(KeyDecoder.character(value))]
    }
    if body.isEmpty {
      switch value {
      case 91, 79, 93:  // "[", "O", "]" (an OSC: a terminal's reply, e.g. its colours)
        pending = [value]
        return []
      case 27:
        begun &+= 1
        return [.key(.escape)]  // Esc, and a new ESC begins
      default:
        pending = nil
        return [.key(.escape), .key(KeyDecoder.character(value))]
      }
    }
    if body[0] == 93 { return osc(body, value) }
    body.append(value)
    let ss3 = body[0] == 79
    // CSI: parameters and intermediates (0x20-0x3F), then a final byte (0x40-0x7E).
    let final = ss3 || (0x40...0x7E).contains(value)
    guard final || (0x20...0x3F).contains(value) else {
      pending = nil  // not a sequence after all: drop what was gathered
      return value == 27 ? step(value) : []
    }
    guard final else {
      pending = body.count > 32 ? nil : body
      return []
    }
    pending = nil
    if body == [91, 77] {  // "[M": an X10 mouse report, three bytes follow
      x10 = []
      return []
    }
    if body.count > 1, body[1] == 60 {  // "[<": an SGR mouse report
      return SGRMouse.event(body: body).map { [.mouse($0)] } ?? []
    }
    let text = String(String.UnicodeScalarView(body.compactMap(Unicode.Scalar.init)))
    return Self.known[text].map { [.key($0)] } ?? []
  }

  /// Something is held over from the last read for the next one: a lone ESC, or part of a
  /// sequence that can still become one the decoder knows (half an SGR mouse report, of a
  /// key's sequence, of a late OSC 11 reply). The backend waits a little for the rest, then
  /// calls `finish`. ncurses itself waits ESCDELAY for what follows an ESC or `ESC[` only
  /// while it is the start of a terminfo key.
  var isHolding: Bool { held }

  /// What is held is a lone ESC (the Esc key, unless a sequence follows soon).
  var holdsLoneEscape: Bool { held && pending == [] }

  /// The end of one read: a lone ESC, or part of a sequence that may yet become one the
  /// decoder knows, is held for the next read (`isHolding`); half of any other sequence is
  /// dropped.
  mutating func endOfRead() -> [Event] {
    if x10 != nil || pending.map(SequenceGrammar.accepts) == true {
      held = true
      return []
    }
    return finish()
  }

  /// Inside an OSC (`ESC ]`): everything up to BEL or ST (`ESC \\`) is dropped whole, so a
  /// late reply to the background query never reads as keys. An ESC followed by anything
  /// but `\\` ends the OSC and starts a sequence of its own.
  private mutating func osc(_ body: [UInt32], _ value: UInt32) -> [Event] {
    // A reply starts with its number; Esc then `]` then anything else is those keys.
    if body.count == 1 && !(48...57).contains(value) {
      pending = nil
      return [.key(.escape), .key(KeyDecoder.character(93))] + step(value)
    }
    if body.last == 27 && body.count > 1 {
      pending = nil
      return value == 92 ? [] : step(27) + step(value)
    }
    if value == 7 || body.count > 512 {
      pending = nil
      return []
    }
    pending = body + [value]
    return []
  }

  /// The end of what was pending: a lone ESC is the Esc key; half a sequence is dropped.
  mutating func finish() -> [Event] {
    defer {
      pending = nil
      x10 = nil
      held = false
    }
    if pending == [93] { return [.key(.escape), .key(KeyDecoder.character(93))] }
    return pending == [] ? [.key(.escape)] : []
  }
}
