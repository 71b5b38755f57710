import CNcurses
import TerminalUI

/// Turns what `wget_wch` returns into `Key`s. Extended terminfo keys (Shift+arrows as
/// kLFT2/kRIT2/kUP/kDN in xterm-style terminals) get their codes looked up once at start.
@MainActor
struct KeyDecoder {
  private var extended: [Int32: Key] = [:]

  init() {
    let names: [(String, Key)] = [
      ("kLFT2", .shiftLeft), ("kRIT2", .shiftRight), ("kUP2", .shiftUp), ("kDN2", .shiftDown),
      ("kUP", .shiftUp), ("kDN", .shiftDown), ("kLFT5", .ctrlLeft), ("kRIT5", .ctrlRight),
      ("kUP5", .ctrlUp), ("kDN5", .ctrlDown),
    ]
    for (name, key) in names {
      let code = fs_extended_key_code(name)
      if code > 0 && extended[code] == nil { extended[code] = key }
    }
  }

  /// A function key or other KEY_* code.
  func decode(keyCode code: Int32) -> Key {
    if let key = extended[code] { return key }
    if code >= fs_key_f(1) && code <= fs_key_f(12) { return .function(Int(code - fs_key_f(0))) }
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    case KEY_SLEFT: return .shiftLeft
    case KEY_SRIGHT: return .shiftRight
    case KEY_SR: return .shiftUp
    case KEY_SF: return .shiftDown
    // xterm's terminfo names ESC[1~ / ESC[4~ Find and Select (tmux sends them for Home/End).
    case KEY_HOME, KEY_FIND: return .home
    case KEY_END, KEY_SELECT: return .end
    case KEY_PPAGE: return .pageUp
    case KEY_NPAGE: return .pageDown
    case KEY_BTAB: return .backTab
    case KEY_ENTER: return .enter
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case KEY_IC: return .insert
    default: return .unknown(Int(code))
    }
  }

  /// An ordinary character (including control characters).
  nonisolated static func character(_ value: UInt32) -> Key {
    switch value {
    case 9: return .tab
    case 10, 13: return .enter
    case 27: return .escape
    case 8, 127: return .backspace
    case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96)!))
    default:
      guard let scalar = Unicode.Scalar(value) else { return .unknown(Int(value)) }
      return .char(Character(scalar))
    }
  }
}
