import TerminalUI

/// The core's text (figures, traces, verdicts, preset titles) in the glyph set's alphabet: as
/// is in Unicode, transliterated in ASCII (`×` → `x`, `α` → `alpha`, …) so a C-locale terminal
/// shows readable maths instead of mojibake.
enum ForgeText {
  static let asciiFor: [Character: String] = [
    "×": "x", "·": "*", "−": "-", "–": "-", "—": "-", "α": "alpha", "β": "beta", "√": "sqrt",
    "≈": "~", "…": "...", "→": "->", "≤": "<=", "≥": ">=", "’": "'", "µ": "u",
  ]

  static func shown(_ text: String, _ g: GlyphSet) -> String {
    guard !g.isUnicode, !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
    var out = ""
    for c in text {
      if c.isASCII {
        out.append(c)
      } else {
        out += asciiFor[c] ?? "?"
      }
    }
    return out
  }
}
