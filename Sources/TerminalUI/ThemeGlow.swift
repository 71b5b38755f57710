import Foundation

/// Brightness of the palette's colours, and the glow drawn as ink rather than as a
/// background (for shaded cells, where a dark glyph on a bright background reads as a hole).
extension BasicPalette {
  /// WCAG relative luminance (0 black … 1 white) of an xterm-256 colour.
  static func luminance(_ i: UInt8) -> Double {
    let (r, g, b) = rgb(i)
    func linear(_ c: Int) -> Double {
      let s = Double(c) / 255
      return s <= 0.039_28 ? s / 12.92 : Foundation.pow((s + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
  }

  /// The WCAG contrast ratio of two luminances (1 … 21).
  static func contrast(_ a: Double, _ b: Double) -> Double {
    (max(a, b) + 0.05) / (min(a, b) + 0.05)
  }
}

extension Theme {
  /// Glow level `level` (clamped) as ink on the terminal's own background: its background
  /// colour as the foreground, bold; attribute-only themes show the level by weight (the
  /// glyph's shade carries the rest).
  /// An ink too faint on the theme's background (under 3:1, like the light theme's pale blue
  /// on white) is stepped away from it along the colour cube until it reads.
  public func glowInk(_ level: Int) -> Style {
    let style = glow[min(max(level, 0), glow.count - 1)]
    guard style.bg != .default else {
      return Style(attrs: level > 0 ? .bold : [])
    }
    guard case .index(let i) = style.bg else { return Style(fg: style.bg, attrs: .bold) }
    return Style(
      fg: .index(BasicPalette.legibleInk(i, onLight: isForLightBackground)), attrs: .bold)
  }
}

extension BasicPalette {
  /// `colour`, or the nearest colour-cube step darker (on a light background) or lighter (on
  /// a dark one) with at least 3:1 contrast against white or black.
  static func legibleInk(_ colour: UInt8, onLight: Bool) -> UInt8 {
    let background = onLight ? 1.0 : 0.0
    var i = colour
    while contrast(luminance(i), background) < 3, (16...231).contains(i) {
      let c = Int(i) - 16
      let step = { (v: Int) in onLight ? max(0, v - 1) : min(5, v + 1) }
      let next = UInt8(16 + 36 * step(c / 36) + 6 * step(c / 6 % 6) + step(c % 6))
      if next == i { break }
      i = next
    }
    return i
  }
}
