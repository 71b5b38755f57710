import Testing

@testable import JourneyCore

@Suite struct TokenizerTests {
  @Test func wordsAreLowerCasedAndPunctuationStandsAlone() {
    #expect(Tokenizer.tokens("The Cat sat.") == ["the", "cat", "sat", "."])
    #expect(Tokenizer.tokens("GPUs, moons; robots!") == ["gpus", ",", "moons", ";", "robots", "!"])
  }

  @Test func apostrophesAndHyphensInsideWordsStay() {
    #expect(
      Tokenizer.tokens("don't well-known 'quoted'") == ["don't", "well-known", "'", "quoted", "'"])
    #expect(Tokenizer.tokens("end -- start") == ["end", "-", "-", "start"])
  }

  @Test func nonASCIILettersAndCombiningMarksStayInWords() {
    #expect(
      Tokenizer.tokens("Café ÜBER nai\u{0308}ve — Ωmega.") == [
        "café", "über", "nai\u{0308}ve", "—", "ωmega", ".",
      ])
  }

  @Test func whitespaceOnlySeparates() {
    #expect(Tokenizer.tokens(" \n\t ").isEmpty)
    #expect(Tokenizer.tokens("a\n\nb\tc") == ["a", "b", "c"])
  }

  @Test func textJoinsWithSingleSpaces() {
    #expect(Tokenizer.text(["the", "cat", "."]) == "the cat .")
  }
}
