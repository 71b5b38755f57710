import TerminalUI

/// Escape sequences decoded by sequence, for the keys terminfo does not list (tmux sends
/// `ESC[1~`/`ESC[4~` for Home/End whatever TERM says) and the ones a terminal sends that the
/// app's TERM describes differently. ncurses hands over a sequence it does not know as its
/// separate characters (ESC, `[`, `1`, `~`); this reader gathers them again. A CSI (`ESC [`)
/// or SS3 (`ESC O`) sequence it does not know is dropped whole, never replayed as characters,
/// and so is an OSC (`ESC ]` … BEL or ST), which only a terminal's reply sends.
/// An ESC followed by anything else is Esc, then that key. SGR mouse reports (`ESC[<b;x;yM`)
/// that ncurses did not take become mouse events (`SGRMouse`). Pure, so it is tested without
/// a terminal.
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
  /// Raw bytes still to skip (the three of an X10 mouse report ncurses did not take).
  private var skip = 0

  /// Takes one character; returns the keys or mouse events it completes (none while a
  /// sequence is open).
  mutating func feed(_ value: UInt32) -> [Event] {
    if skip > 0 {
      skip -= 1
      return []
    }
    guard var body = pending else {
      if value == 27 {
        pending = []
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
      return value == 27 ? feed(value) : []
    }
    guard final else {
      pending = body.count > 32 ? nil : body
      return []
    }
    pending = nil
    if body == [91, 77] {  // "[M": an X10 mouse report, three bytes follow
      skip = 3
      return []
    }
    if body.count > 1, body[1] == 60 {  // "[<": an SGR mouse report
      return SGRMouse.event(body: body).map { [.mouse($0)] } ?? []
    }
    let text = String(String.UnicodeScalarView(body.compactMap(Unicode.Scalar.init)))
    return Self.known[text].map { [.key($0)] } ?? []
  }

  /// Half an SGR mouse report is pending (`ESC[<0;25`): the rest may come with the next
  /// read, so `endOfRead` keeps it. ncurses itself waits ESCDELAY for what follows an ESC or
  /// `ESC[`, but not past the `<`, which no terminfo key shares.
  var holdsPartialMouseReport: Bool {
    guard let body = pending else { return false }
    return body.count >= 2 && body[0] == 91 && body[1] == 60
  }

  /// The end of one read: a lone ESC is the Esc key; half an SGR mouse report is kept for
  /// the next read (the backend drops it with `finish` if nothing follows soon); half of
  /// any other sequence is dropped.
  mutating func endOfRead() -> [Event] {
    holdsPartialMouseReport ? [] : finish()
  }

  /// Inside an OSC (`ESC ]`): everything up to BEL or ST (`ESC \\`) is dropped whole, so a
  /// late reply to the background query never reads as keys. An ESC followed by anything
  /// but `\\` ends the OSC and starts a sequence of its own.
  private mutating func osc(_ body: [UInt32], _ value: UInt32) -> [Event] {
    // A reply starts with its number; Esc then `]` then anything else is those keys.
    if body.count == 1 && !(48...57).contains(value) {
      pending = nil
      return [.key(.escape), .key(KeyDecoder.character(93))] + feed(value)
    }
    if body.last == 27 && body.count > 1 {
      pending = nil
      return value == 92 ? [] : feed(27) + feed(value)
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
      skip = 0
    }
    if pending == [93] { return [.key(.escape), .key(KeyDecoder.character(93))] }
    return pending == [] ? [.key(.escape)] : []
  }
}
