/// The terminal's background colour as it reports it to an OSC 11 query
/// (`ESC ] 11 ; ? BEL`), and what that means for the theme: a light theme on a dark
/// background makes its dark labels vanish, and the other way round. Pure, so the reply
/// parser is tested without a terminal.
public struct TerminalBackground: Equatable, Sendable {
  /// Red, green and blue from 0 to 1.
  public var red: Double
  public var green: Double
  public var blue: Double

  public init(red: Double, green: Double, blue: Double) {
    (self.red, self.green, self.blue) = (red, green, blue)
  }

  /// The query to write: OSC 11 asking for the background, ended by BEL.
  public static let query: [UInt8] = Array("\u{1B}]11;?\u{07}".utf8)

  /// The colour in a reply such as `ESC ] 11 ; rgb:RRRR/GGGG/BBBB BEL` (or ended by
  /// `ESC \`), with one to four hex digits a component (`rgba:` with a fourth, ignored),
  /// anywhere in `bytes` (other replies may come before or after it). Nil when there is none.
  public static func parse(_ bytes: [UInt8]) -> TerminalBackground? {
    let text = String(decoding: bytes, as: UTF8.self)
    guard let start = text.range(of: "\u{1B}]11;") else { return nil }
    var body = text[start.upperBound...]
    guard let end = body.firstIndex(where: { $0 == "\u{07}" || $0 == "\u{1B}" }) else {
      return nil
    }
    body = body[..<end]
    let spec: Substring
    if body.hasPrefix("rgb:") {
      spec = body.dropFirst(4)
    } else if body.hasPrefix("rgba:") {
      spec = body.dropFirst(5)
    } else {
      return nil
    }
    let parts = spec.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 3 || (parts.count == 4 && body.hasPrefix("rgba:")) else { return nil }
    var values: [Double] = []
    for part in parts.prefix(3) {
      guard (1...4).contains(part.count), let n = Int(part, radix: 16) else { return nil }
      let top = Double((1 << (4 * part.count)) - 1)
      values.append(Double(n) / top)
    }
    return TerminalBackground(red: values[0], green: values[1], blue: values[2])
  }

  /// Relative luminance (sRGB weights on the reported values), 0 black to 1 white.
  public var luminance: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }

  /// A light background: what the light theme is made for.
  public var isLight: Bool { luminance >= 0.5 }
}

extension Theme {
  /// Whether this theme is drawn for a light background (dark text), else for a dark one.
  public var isForLightBackground: Bool { !BasicPalette.isLight(text.fg) }

  /// The theme for a background the terminal reported: light on light, else the default.
  public static func forBackground(_ background: TerminalBackground?) -> Theme {
    background?.isLight == true ? .light : .dark
  }

  /// One line for the start of the session when this theme does not suit the background:
  /// the background is known to be the other kind, or (`nil`) unknown while the theme is
  /// the light one, which only a light terminal shows well. Nil when there is nothing to say.
  /// Short enough for an 80-column hint bar.
  public func backgroundNotice(_ background: TerminalBackground?) -> String? {
    guard text.fg != .default, name != Theme.monochrome.name else { return nil }
    switch (isForLightBackground, background?.isLight) {
    case (true, false?):
      return "light theme on a dark background: text may vanish · run with --theme dark"
    case (false, true?):
      return "on a light background run with --theme light (this theme is for dark ones)"
    case (true, nil):
      return "light theme: for a light background · on a dark one run with --theme dark"
    default:
      return nil
    }
  }
}
