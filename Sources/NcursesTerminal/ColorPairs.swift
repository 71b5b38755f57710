import CNcurses
import TerminalUI

/// Colour pairs allocated on demand: one per (fg, bg) the frames actually use, cached.
/// `-1` is the terminal's default colour (after `use_default_colors`), so its own
/// background shows through. When pairs run out, further combinations fall back to pair 0.
@MainActor
struct ColorPairs {
  private var cache: [PairKey: Int32] = [:]
  private var next: Int32 = 1
  private let limit: Int32
  private let colors: Int32
  private let enabled: Bool

  private struct PairKey: Hashable {
    var fg: Int32
    var bg: Int32
  }

  init(enabled: Bool) {
    self.enabled = enabled
    self.limit = enabled ? Int32(fs_color_pairs()) : 0
    self.colors = enabled ? Int32(fs_colors()) : 0
  }

  private func number(_ c: Color) -> Int32 {
    switch c {
    case .default: return -1
    case .index(let i): return Int32(i) < colors ? Int32(i) : Int32(i) % max(1, min(colors, 8))
    }
  }

  /// The pair for a style's colours (0 = terminal defaults).
  mutating func pair(for style: Style) -> Int32 {
    guard enabled else { return 0 }
    let key = PairKey(fg: number(style.fg), bg: number(style.bg))
    if key.fg == -1 && key.bg == -1 { return 0 }
    if let p = cache[key] { return p }
    guard next < limit, init_extended_pair(next, key.fg, key.bg) == OK else { return 0 }
    cache[key] = next
    next += 1
    return next - 1
  }
}
