/// The characters widgets draw with. Two sets: Unicode (box drawing and block elements,
/// which render well in nearly every terminal font) and plain ASCII for C/POSIX locales.
public struct GlyphSet: Hashable, Sendable {
  public var horizontal: Character
  public var vertical: Character
  public var topLeft: Character
  public var topRight: Character
  public var bottomLeft: Character
  public var bottomRight: Character
  public var teeLeft: Character
  public var teeRight: Character
  /// Partial-block characters from empty to full (index = eighths), for smooth bars.
  public var eighths: [Character]
  public var full: Character
  public var shade: Character
  public var track: Character
  public var knob: Character
  public var arrowUp: Character
  public var arrowDown: Character
  public var arrowLeft: Character
  public var arrowRight: Character
  public var bullet: Character
  public var ok: Character
  public var warn: Character
  public var fail: Character
  public var ellipsis: String
  public var middleDot: Character
  public var times: Character
  /// Heat levels from cold to hot, for heat strips.
  public var heat: [Character]
  public var isUnicode: Bool

  public static let unicode = GlyphSet(
    horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮", bottomLeft: "╰",
    bottomRight: "╯", teeLeft: "├", teeRight: "┤",
    eighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], full: "█", shade: "░",
    track: "─", knob: "●", arrowUp: "▲", arrowDown: "▼", arrowLeft: "◀", arrowRight: "▶",
    bullet: "•", ok: "✓", warn: "!", fail: "✗", ellipsis: "…", middleDot: "·", times: "×",
    heat: [" ", "░", "▒", "▓", "█"], isUnicode: true)

  public static let ascii = GlyphSet(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+",
    bottomRight: "+", teeLeft: "+", teeRight: "+",
    eighths: [" ", " ", " ", " ", "=", "=", "=", "=", "#"], full: "#", shade: ".",
    track: "-", knob: "O", arrowUp: "^", arrowDown: "v", arrowLeft: "<", arrowRight: ">",
    bullet: "*", ok: "+", warn: "!", fail: "X", ellipsis: "~", middleDot: ".", times: "x",
    heat: [" ", ".", ":", "+", "#"], isUnicode: false)
}
