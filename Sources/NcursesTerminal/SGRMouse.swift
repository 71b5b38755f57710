import TerminalUI

/// An SGR (mode 1006) mouse report, `ESC [ < b ; x ; y M` for a press, a motion or a wheel
/// step and `… m` for a release, with 1-based coordinates of any size (X10's `32 + x` byte
/// stops at column 223), and an X10 report, `ESC [ M` and three bytes. ncurses hands the
/// bytes over one by one under every TERM (the backend turns ncurses' own mouse parsing off)
/// and `EscapeSequences` gathers them for this decoder. Buttons: left press and release,
/// motion as a drag, wheel up and down; Shift, Meta and Ctrl (4, 8, 16) are ignored; middle
/// and right buttons, horizontal wheel and buttons 8–11 are of no use.
enum SGRMouse {
  /// The report for a gathered CSI body (after the ESC: `[<0;250;70M`), nil for a malformed
  /// one or one the app has no use for.
  static func event(body: [UInt32]) -> MouseEvent? {
    guard body.count > 3, body[0] == 91, body[1] == 60, let final = body.last,
      final == 77 || final == 109  // "M", "m"
    else { return nil }
    let fields = body[2..<(body.count - 1)].split(separator: 59, omittingEmptySubsequences: false)
    let numbers = fields.map { field -> Int? in
      guard !field.isEmpty, field.count <= 9, field.allSatisfy({ (48...57).contains($0) }) else {
        return nil
      }
      return field.reduce(0) { $0 * 10 + Int($1 - 48) }
    }
    guard numbers.count == 3, let code = numbers[0], let x = numbers[1], let y = numbers[2],
      x >= 1, y >= 1
    else { return nil }
    guard let kind = kind(code: code & ~(4 | 8 | 16), released: final == 109) else { return nil }
    return MouseEvent(kind, x: x - 1, y: y - 1)
  }

  /// An X10 report from the three bytes after `ESC[M` (each 32 + the button code, the column
  /// and the row, 1-based), as a terminal without 1006 sends it; a release names no button
  /// (code 3). Nil for one the app has no use for.
  static func event(x10 bytes: [UInt32]) -> MouseEvent? {
    guard bytes.count == 3, bytes.allSatisfy({ $0 >= 32 }) else { return nil }
    let code = (Int(bytes[0]) - 32) & ~(4 | 8 | 16)
    let x = Int(bytes[1]) - 32
    let y = Int(bytes[2]) - 32
    guard x >= 1, y >= 1 else { return nil }
    guard let kind = code == 3 ? .release : kind(code: code, released: false) else {
      return nil
    }
    return MouseEvent(kind, x: x - 1, y: y - 1)
  }

  /// What a button code (modifiers masked off) means; `released` for the `m` final.
  private static func kind(code: Int, released: Bool) -> MouseEvent.Kind? {
    switch (code, released) {
    case (0, false): return .press
    case (0, true): return .release
    case (32...35, false): return .drag  // motion with a button held (or none, mode 1003)
    case (64, false): return .scrollUp
    case (65, false): return .scrollDown
    default: return nil
    }
  }
}
