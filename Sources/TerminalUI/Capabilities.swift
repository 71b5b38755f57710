/// How many colours the terminal can show.
public enum ColorDepth: String, Sendable, CaseIterable {
  /// No colour at all (or NO_COLOR / --no-color): attributes only.
  case none
  /// The 8 or 16 ANSI colours (most SSH sessions, TERM=xterm, the Linux console).
  case basic
  /// The xterm 256-colour palette.
  case palette256
}

/// What the terminal can do, as far as drawing is concerned.
public struct Capabilities: Hashable, Sendable {
  public var colors: ColorDepth
  /// False for a non-UTF-8 locale or --ascii: draw with the ASCII glyph set.
  public var unicode: Bool

  public init(colors: ColorDepth, unicode: Bool) {
    self.colors = colors
    self.unicode = unicode
  }

  public static let full = Capabilities(colors: .palette256, unicode: true)
}
