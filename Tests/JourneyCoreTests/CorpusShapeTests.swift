import Assets
import Testing

@testable import JourneyCore

/// The bundled corpus gives a sampler real choices (issue 5): sentences open in many ways, and
/// the glue words that steer a sentence branch widely, so AUTO shows varied sentences.
@Suite struct CorpusShapeTests {
  let corpus = try! ModelCatalog().load("corpus") as! BigramModel

  private func successorCount(_ word: String) throws -> Int {
    let id = try #require(corpus.vocabulary.id(of: word), "\(word) is not in the corpus")
    return corpus.successors[id].count
  }

  @Test func sentencesOpenInAtLeastTwelveWays() throws {
    #expect(try successorCount(".") >= 12)
  }

  @Test func steeringWordsHaveAtLeastEightSuccessors() throws {
    for word in ["a", "when", "the", "and", "they", "it", "because"] {
      #expect(try successorCount(word) >= 8, "\(word)")
    }
  }

  /// Variety in use, not just in the table: no single opening word starts half the sentences.
  @Test func noOpeningWordDominates() throws {
    let text = try CorpusLoader.text(at: try #require(AssetFiles.url("corpus.txt")).path)
    let openers = text.split(separator: "\n").compactMap { Tokenizer.tokens(String($0)).first }
    let counts = Dictionary(openers.map { ($0, 1) }, uniquingKeysWith: +)
    let commonest = try #require(counts.max { $0.value < $1.value })
    #expect(commonest.value * 2 < openers.count, "\(commonest.key) opens too many sentences")
  }
}
