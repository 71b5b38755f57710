import CNcurses
import TerminalUI

/// The terminal colour numbers a style's colours are drawn in: the palette index where the
/// terminal has it, folded onto the eight basic colours where it has fewer, and `-1` for the
/// terminal's default (never set, so its own background shows through). No colours at all
/// (`--no-color`, NO_COLOR, a monochrome terminal): every style is `(-1, -1)`.
@MainActor
struct ColorPairs {
  private let colors: Int32
  private let enabled: Bool

  private struct PairKey: Hashable {
    var fg: Int32
    var bg: Int32
  }

  init(enabled: Bool) {
    self.enabled = enabled
    self.colors = enabled ? Int32(fs_colors()) : 0
  }

  private func number(_ c: Color) -> Int32 {
    switch c {
    case .default: return -1
    case .index(let i): return Int32(i) < colors ? Int32(i) : Int32(i) % max(1, min(colors, 8))
    }
  }

  /// Whether a terminal colour is light (green, yellow, cyan, white and their bright
  /// forms; the light half of the 256-colour cube and grey ramp).
  static func isLight(_ c: Int32) -> Bool {
    switch c {
    case 0..<16: return [2, 3, 6, 7, 10, 11, 14, 15].contains(c)
    case 16..<232:
      let (r, g, b) = ((c - 16) / 36, (c - 16) / 6 % 6, (c - 16) % 6)
      return 2 * r + 5 * g + b >= 20  // rough luminance on the 0…5 cube steps
    default: return c >= 244
    }
  }

  /// The terminal colours a style is drawn in (-1: the terminal's default).
  func colors(for style: Style) -> (fg: Int32, bg: Int32) {
    guard enabled else { return (-1, -1) }
    let key = resolved(style)
    return (key.fg, key.bg)
  }

  private func resolved(_ style: Style) -> PairKey {
    var key = PairKey(fg: number(style.fg), bg: number(style.bg))
    // Two colours of a theme can land on one terminal colour (e.g. light blue text on a
    // dark blue selection, both cyan with 8 colours): the text would vanish into its own
    // background, so it is drawn in black or white instead.
    if key.fg == key.bg && key.fg != -1 { key.fg = Self.isLight(key.bg) ? 0 : 7 }
    return key
  }
}
