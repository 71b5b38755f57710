import CNcurses
import TerminalUI

extension ScreenCodes {
  /// The running terminal's control strings from its terminfo entry (after `newterm`), with
  /// the xterm forms where an entry lacks one.
  @MainActor
  static func live(utf8: Bool) -> ScreenCodes {
    func string(_ name: String) -> String? {
      fs_tigetstr(name).map { withoutPadding(String(cString: $0)) }
    }
    func bytes(_ name: String, _ fallback: String) -> [UInt8] {
      Array((string(name) ?? fallback).utf8)
    }
    let cup = string("cup")
    let move: Move
    if let cup, cup != "\u{1B}[%i%p1%d;%p2%dH" {
      move = .expand { row, col in
        guard let s = fs_tiparm2(cup, Int32(row), Int32(col)) else { return [] }
        return Array(withoutPadding(String(cString: s)).utf8)
      }
    } else {
      move = .ansi
    }
    let names: [(Attributes, String)] = [
      (.bold, "bold"), (.dim, "dim"), (.underline, "smul"), (.reverse, "rev"), (.italic, "sitm"),
    ]
    let attributes = names.map { a, name in (a, string(name).map { Array($0.utf8) } ?? []) }
    let setaf = string("setaf")
    let setab = string("setab")
    return ScreenCodes(
      move: move,
      clear: bytes("clear", "\u{1B}[H\u{1B}[2J"),
      reset: bytes("sgr0", "\u{1B}[m"),
      attributes: attributes,
      foreground: { expanded(setaf, $0) },
      background: { expanded(setab, $0) },
      lastCellScrolls: fs_tigetflag("am") == 1 && fs_tigetflag("xenl") != 1,
      utf8: utf8)
  }

  /// A one-parameter capability expanded (empty when the terminal lacks it). Called only
  /// from the main actor's frames, like every terminfo call.
  private static func expanded(_ cap: String?, _ n: Int32) -> [UInt8] {
    guard let cap, let s = fs_tiparm1(cap, n) else { return [] }
    return Array(withoutPadding(String(cString: s)).utf8)
  }

  /// A capability without its padding delays (`$<5>`, `$<2*/>`): they are instructions to
  /// `tputs` for terminals of the 1980s, not bytes to send, and today's terminals need none.
  static func withoutPadding(_ cap: String) -> String {
    guard cap.contains("$<") else { return cap }
    var out = ""
    var rest = Substring(cap)
    while let start = rest.range(of: "$<") {
      out += rest[..<start.lowerBound]
      let after = rest[start.upperBound...]
      guard let end = after.firstIndex(of: ">"),
        after[..<end].allSatisfy({ $0.isNumber || $0 == "." || $0 == "*" || $0 == "/" })
      else {
        out += "$<"
        rest = after
        continue
      }
      rest = after[after.index(after: end)...]
    }
    return out + rest
  }
}
