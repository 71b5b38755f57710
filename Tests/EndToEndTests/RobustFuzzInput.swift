import TestSupport

/// Random terminal input as a terminal would send it: printable and UTF-8 characters,
/// control keys, escape sequences (arrows, Home/End, PgUp/PgDn, Shift+arrows, F6–F12, Alt+key,
/// half-known CSI), X10 and SGR mouse reports (presses, drags, releases, wheel) and pasted
/// bursts. Never a quit key (`q`, Ctrl-C), never a key that leaves the screen (Tab, Shift-Tab,
/// F1–F5, a click on the tab row), and never a trailing `;` (tmux's command separator).
struct FuzzInput {
  let width: Int
  let height: Int

  /// Printable ASCII without `q` and `;`.
  static let printable: [Character] = (32...126).map { Character(UnicodeScalar(UInt8($0))) }
    .filter { $0 != "q" && $0 != ";" }
  static let wide: [Character] = ["é", "ß", "中", "文", "→", "█", "🙂", "\u{0301}"]
  /// Ctrl-A…Ctrl-Z without Ctrl-C (quit) and Ctrl-I (Tab).
  static let controls: [Character] =
    (1...26).filter { $0 != 3 && $0 != 9 }
    .map { Character(UnicodeScalar(UInt8($0))) } + ["\u{7F}", "\r", "\u{1C}", "\u{1D}"]
  static let sequences: [String] = {
    let csi = ["A", "B", "C", "D", "H", "F"].map { "\u{1B}[" + $0 }
    let ss3 = ["A", "B", "C", "D", "H", "F"].map { "\u{1B}O" + $0 }
    let tilde = [1, 2, 3, 4, 5, 6, 17, 18, 19, 20, 21, 23, 24].map { "\u{1B}[\($0)~" }
    let shifted = ["A", "B", "C", "D"].flatMap { k in [2, 3, 5].map { "\u{1B}[1;\($0)\(k)" } }
    return csi + ss3 + tilde + shifted + ["\u{1B}", "\u{1B}\u{1B}", "\u{1B}[", "\u{1B}[99;99z"]
  }()

  /// One random event.
  func event(using random: inout SeededRandom) -> String {
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<30: return String(Self.printable.randomElement(using: &random)!)
    case 30..<40: return String(Self.controls.randomElement(using: &random)!)
    case 40..<65: return Self.sequences.randomElement(using: &random)!
    case 65..<70:
      return "\u{1B}" + String(Self.printable.randomElement(using: &random)!)
    case 70..<80: return x10Mouse(using: &random)
    case 80..<90: return sgrMouse(using: &random)
    case 90..<95: return String(Self.wide.randomElement(using: &random)!)
    default: return paste(using: &random)
    }
  }

  /// `count` events, as chunks small enough for one `send-keys` each.
  func chunks(_ count: Int, using random: inout SeededRandom) -> [String] {
    var chunks: [String] = []
    var current = ""
    for _ in 0..<count {
      current += event(using: &random)
      if current.utf8.count > 1500 {
        chunks.append(current)
        current = ""
      }
    }
    if !current.isEmpty { chunks.append(current) }
    return chunks
  }

  /// A cell below the tab row; now and then one just outside the terminal.
  private func cell(using random: inout SeededRandom) -> (x: Int, y: Int) {
    (Int.random(in: 0...width, using: &random), Int.random(in: 1...height, using: &random))
  }

  private func x10Mouse(using random: inout SeededRandom) -> String {
    let (x, y) = cell(using: &random)
    let button = [0, 1, 2, 3, 32, 35, 64, 65].randomElement(using: &random)!
    func byte(_ v: Int) -> String { String(UnicodeScalar(UInt8(min(32 + v, 126)))) }
    return "\u{1B}[M" + byte(button) + byte(x + 1) + byte(y + 1)
  }

  private func sgrMouse(using random: inout SeededRandom) -> String {
    let (x, y) = cell(using: &random)
    let button = [0, 1, 2, 32, 35, 64, 65].randomElement(using: &random)!
    return "\u{1B}[<\(button);\(x + 1);\(y + 1)" + (Bool.random(using: &random) ? "M" : "m")
  }

  private func paste(using random: inout SeededRandom) -> String {
    let pool = Self.printable + Self.wide + ["\r"]
    return String(
      (0..<Int.random(in: 20...200, using: &random)).map { _ in
        pool.randomElement(using: &random)!
      })
  }
}
