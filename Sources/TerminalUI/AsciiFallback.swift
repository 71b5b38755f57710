extension GlyphSet {
  /// Typographic signs that text from the cores uses, with the ASCII a C/POSIX terminal can
  /// show instead.
  static let asciiFallbacks: [(Character, String)] = [
    ("·", "*"), ("×", "x"), ("→", "->"), ("←", "<-"), ("–", "-"), ("—", "-"), ("≈", "~"),
    ("√", "sqrt"), ("α", "alpha"), ("β", "beta"), ("…", "..."), ("≤", "<="), ("≥", ">="),
    ("’", "'"), ("‘", "'"), ("“", "\""), ("”", "\""), ("−", "-"),
  ]

  /// `text` as this glyph set can show it: unchanged for Unicode; for ASCII, known signs are
  /// spelled in ASCII and any other non-ASCII character becomes `?`.
  public func text(_ text: String) -> String {
    guard !isUnicode else { return text }
    var out = ""
    for ch in text {
      if ch.isASCII {
        out.append(ch)
      } else if let swap = Self.asciiFallbacks.first(where: { $0.0 == ch }) {
        out += swap.1
      } else {
        out.append("?")
      }
    }
    return out
  }
}
