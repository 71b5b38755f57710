extension GlyphSet {
  /// Typographic signs that text from the cores and screens uses, with the ASCII a C/POSIX
  /// terminal can show instead. The middle dot is not here: it is `dot` in `text(_:dot:)`,
  /// since it reads as multiplication in a formula and as a separator in a status line.
  static let asciiFallbacks: [Character: String] = [
    "×": "x", "→": "->", "←": "<-", "–": "-", "—": "-", "−": "-", "≈": "~", "√": "sqrt",
    "α": "alpha", "β": "beta", "τ": "temp", "µ": "u", "÷": "/", "…": "...", "≤": "<=",
    "≥": ">=", "’": "'", "‘": "'", "“": "\"", "”": "\"", "↑": "^", "↓": "v", "▶": ">",
    "⏎": "Enter", "▁": "_",
  ]

  /// `text` as this glyph set can show it: unchanged for Unicode; for ASCII, known signs are
  /// spelled in ASCII (`·` as `dot`: `*` for formulas, `-` for separators) and any other
  /// non-ASCII character becomes `?`.
  public func text(_ text: String, dot: String = "*") -> String {
    guard !isUnicode, !text.unicodeScalars.allSatisfy(\.isASCII) else { return text }
    var out = ""
    for ch in text {
      if ch.isASCII || ch == .noBreakSpace {
        out.append(ch)
      } else if ch == "·" {
        out += dot
      } else {
        out += Self.asciiFallbacks[ch] ?? "?"
      }
    }
    return out
  }

  /// Styled text as this glyph set can show it, span by span (see `text(_:dot:)`).
  public func text(_ styled: StyledText, dot: String = "*") -> StyledText {
    guard !isUnicode else { return styled }
    return StyledText(styled.spans.map { Span(text($0.text, dot: dot), style: $0.style) })
  }
}
