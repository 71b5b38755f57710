import Assets
import Foundation
import Testing

@testable import JourneyCore

@Suite struct CorpusTests {
  let corpus = try! ModelCatalog().load("corpus") as! BigramModel

  @Test func bundledCorpusHasEnoughSentencesEachEndingWithAPeriod() throws {
    let url = try #require(AssetFiles.url("corpus.txt"))
    let text = try CorpusLoader.text(at: url.path)
    let lines = text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
    #expect(lines.count >= 300)
    for line in lines { #expect(Tokenizer.tokens(String(line)).last == ".", "\(line)") }
  }

  /// The common words of the seed's world (issue 5: robots, cats, gradients, moons, GPUs,
  /// tokens, models) and the commonest glue words branch at least eight ways.
  @Test func commonWordsHaveAtLeastEightSuccessors() throws {
    let nouns = ["robot", "cat", "gradient", "moon", "gpu", "token", "model"]
    for word in ["the", "and"] + nouns + nouns.map({ $0 + "s" }) {
      let id = try #require(corpus.vocabulary.id(of: word), "\(word)")
      #expect(corpus.successors[id].count >= 8, "\(word)")
    }
  }

  /// A sentence can start after "." with every word that starts a corpus sentence.
  @Test func sentencesStartAfterAPeriod() throws {
    let text = try CorpusLoader.text(at: try #require(AssetFiles.url("corpus.txt")).path)
    let starters = Set(
      text.split(separator: "\n").compactMap { Tokenizer.tokens(String($0)).first })
    let period = try #require(corpus.vocabulary.id(of: "."))
    let after = Set(corpus.successors[period].map { corpus.vocabulary.token($0.id) })
    #expect(!after.isEmpty)
    #expect(after == starters)
  }

  @Test func logitsAreLogCountsOverObservedSuccessorsAndSentencesFollowPeriods() {
    let model = BigramModel(
      counting: Tokenizer.tokens("a b. a b. a c. b a."), name: "t", summary: "")
    #expect(model.vocabulary.tokens == ["a", "b", ".", "c"])
    let never = -Double.infinity
    let (once, twice) = (log(1.0), log(2.0))
    let a: [Double] = [never, twice, once, once]
    let b: [Double] = [once, never, twice, never]
    let period: [Double] = [twice, once, never, never]
    let c: [Double] = [never, never, once, never]
    #expect(model.logits(after: 0) == a)
    #expect(model.logits(after: 1) == b)
    #expect(model.logits(after: 2) == period)
    #expect(model.logits(after: 3) == c)
  }

  @Test func everyCorpusWordCanReachAPeriod() throws {
    let period = try #require(corpus.vocabulary.id(of: "."))
    var reaches: Set<Int> = [period]
    var grew = true
    while grew {
      let before = reaches.count
      for id in 0..<corpus.vocabulary.count
      where corpus.successors[id].contains(where: {
        reaches.contains($0.id)
      }) { reaches.insert(id) }
      grew = reaches.count > before
    }
    #expect(reaches.count == corpus.vocabulary.count)
  }
}
