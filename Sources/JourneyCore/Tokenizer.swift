/// Splits text into lower-case word tokens and single-character punctuation tokens.
///
/// A word is a run of letters and digits; an apostrophe or hyphen between two such characters
/// stays inside the word ("don't", "well-known"). Every other visible character is a token of
/// its own, so "the cat sat." gives `the`, `cat`, `sat`, `.`. Whitespace only separates.
public enum Tokenizer {
  public static let sentenceEnd = "."

  public static func tokens(_ text: String) -> [String] {
    var tokens: [String] = []
    var word = ""
    let characters = Array(text.lowercased())
    for (i, character) in characters.enumerated() {
      if isWordCharacter(character) {
        word.append(character)
      } else if isJoiner(character), !word.isEmpty, i + 1 < characters.count,
        isWordCharacter(characters[i + 1])
      {
        word.append(character)
      } else {
        if !word.isEmpty { tokens.append(word) }
        word = ""
        if !character.isWhitespace { tokens.append(String(character)) }
      }
    }
    if !word.isEmpty { tokens.append(word) }
    return tokens
  }

  /// Tokens joined the way the seed prints a sequence: one space between each.
  public static func text(_ tokens: some Sequence<String>) -> String {
    tokens.joined(separator: " ")
  }

  private static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
  private static func isJoiner(_ c: Character) -> Bool { c == "'" || c == "-" || c == "’" }
}
