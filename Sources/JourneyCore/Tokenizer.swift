/// Splits text into lower-case word tokens and single-character punctuation tokens.
///
/// A word is a run of letters and digits; an apostrophe or hyphen between two such characters
/// stays inside the word ("don't", "well-known"). Every other visible character is a token of
/// its own, so "The cat sat." gives `the`, `cat`, `sat`, `.`. Whitespace only separates.
public enum Tokenizer {
  public static let sentenceEnd = "."

  public static func tokens(_ text: String) -> [String] { Array(TokenStream(text)) }

  /// Tokens joined the way the seed prints a sequence: one space between each.
  public static func text(_ tokens: some Sequence<String>) -> String {
    tokens.joined(separator: " ")
  }
}

/// The tokens of a text, produced one at a time (a 50 MB corpus never becomes one big array).
/// Works on Unicode scalars: letters, digits and combining marks make words.
public struct TokenStream: Sequence, IteratorProtocol {
  private var scalars: String.UnicodeScalarView.Iterator
  private var lookahead: Unicode.Scalar?
  private var queued: String?

  public init(_ text: String) {
    scalars = text.unicodeScalars.makeIterator()
    lookahead = scalars.next()
  }

  public mutating func next() -> String? {
    if let token = queued {
      queued = nil
      return token
    }
    var word = ""
    while let scalar = lookahead {
      lookahead = scalars.next()
      if Self.isWordScalar(scalar, inWord: !word.isEmpty)
        || (Self.isJoiner(scalar) && !word.isEmpty
          && lookahead.map { Self.isWordScalar($0, inWord: true) } == true)
      {
        Self.appendLowercased(scalar, to: &word)
      } else if scalar.properties.isWhitespace {
        if !word.isEmpty { return word }
      } else {
        var single = ""
        Self.appendLowercased(scalar, to: &single)
        if word.isEmpty { return single }
        queued = single
        return word
      }
    }
    return word.isEmpty ? nil : word
  }

  private static func appendLowercased(_ s: Unicode.Scalar, to word: inout String) {
    if s.isASCII {
      word.unicodeScalars.append(s >= "A" && s <= "Z" ? Unicode.Scalar(s.value + 32)! : s)
    } else {
      word += s.properties.lowercaseMapping
    }
  }

  private static func isWordScalar(_ s: Unicode.Scalar, inWord: Bool) -> Bool {
    if s.isASCII {
      return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9")
    }
    switch s.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber:
      return true
    case .nonspacingMark, .spacingMark, .enclosingMark: return inWord
    default: return false
    }
  }

  private static func isJoiner(_ s: Unicode.Scalar) -> Bool {
    s == "'" || s == "-" || s == "\u{2019}"
  }
}
