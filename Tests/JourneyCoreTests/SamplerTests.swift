import Foundation
import Testing

@testable import JourneyCore

@Suite struct SamplerTests {
  let toy = try! ModelCatalog.seedToy()

  func distribution(_ logits: [Double], _ settings: SamplerSettings) throws -> Distribution {
    try #require(Sampler.distribution(logits: logits, settings: settings))
  }

  @Test func distributionSumsToOneOnEveryToyRowAndTemperature() throws {
    for id in 0..<toy.vocabulary.count {
      for tenths in 1...25 {
        let settings = SamplerSettings(temperature: Double(tenths) / 10)
        let p = try distribution(toy.logits(after: id), settings).probabilities
        #expect(abs(p.reduce(0, +) - 1) < 1e-12)
        #expect(p.allSatisfy { $0 >= 0 && $0.isFinite })
      }
    }
  }

  @Test func impossibleTokensGetZeroProbability() throws {
    let logits = toy.logits(after: toy.vocabulary.id(of: "the")!)
    let p = try distribution(logits, SamplerSettings(temperature: 2.5)).probabilities
    for id in logits.indices { #expect((p[id] > 0) == logits[id].isFinite) }
  }

  @Test func entropyRisesWithTemperature() throws {
    for id in 0..<toy.vocabulary.count where toy.successors[id].count > 1 {
      let entropies = try (1...25).map {
        try distribution(toy.logits(after: id), SamplerSettings(temperature: Double($0) / 10))
          .entropy
      }
      let tied = Set(toy.successors[id].map(\.logit)).count == 1
      if tied {
        // Equal scores: uniform at every temperature.
        #expect(entropies.allSatisfy { abs($0 - log2(Double(toy.successors[id].count))) < 1e-12 })
      } else {
        #expect(zip(entropies, entropies.dropFirst()).allSatisfy { $0 < $1 }, "row \(id)")
      }
    }
  }

  /// At τ = 0.1 the argmax (or the tied argmaxes) hold at least 99% of the mass, and a median
  /// draw picks one of them, on every row of the toy table.
  @Test func lowestTemperaturePicksTheArgmaxOnEveryToyRow() throws {
    for id in 0..<toy.vocabulary.count {
      let logits = toy.logits(after: id)
      let best = logits.max()!
      let argmaxes = Set(logits.indices.filter { logits[$0] == best })
      let d = try distribution(logits, SamplerSettings(temperature: 0.1))
      #expect(argmaxes.reduce(0.0) { $0 + d.probabilities[$1] } >= 0.99, "row \(id)")
      #expect(argmaxes.contains(d.ranked[0]))
      #expect(argmaxes.contains(NumpyRandom.pick(p: d.probabilities, uniform: 0.5)))
    }
  }

  @Test func topKKeepsExactlyTheKMostLikely() throws {
    let logits: [Double] = [0.5, 3.0, -.infinity, 2.0, 1.0, 2.5]
    for k in 1...6 {
      let d = try distribution(logits, SamplerSettings(temperature: 1, topK: k))
      let kept = Set(d.probabilities.indices.filter { d.probabilities[$0] > 0 })
      let expected = Set([1, 5, 3, 4, 0].prefix(k))
      #expect(kept == expected, "k=\(k)")
      #expect(abs(d.probabilities.reduce(0, +) - 1) < 1e-12)
    }
  }

  /// Tokens tied with the k-th are kept: which of two equally likely tokens survives must not
  /// depend on their ids.
  @Test func topKKeepsTokensTiedWithTheKth() throws {
    let logits: [Double] = [1.0, 2.0, 1.0, 3.0, 1.0, 0.0]
    let cases: [(Int, Set<Int>)] = [
      (1, [3]), (2, [3, 1]), (3, [3, 1, 0, 2, 4]), (5, [3, 1, 0, 2, 4]),
    ]
    for (k, expected) in cases {
      let d = try distribution(logits, SamplerSettings(temperature: 1, topK: k))
      let kept = Set(d.probabilities.indices.filter { d.probabilities[$0] > 0 })
      #expect(kept == expected, "k=\(k)")
      #expect(abs(d.probabilities.reduce(0, +) - 1) < 1e-12)
    }
    // A tied argmax survives top-1 whole.
    let tiedTop = try distribution([2.0, 2.0, 1.0], SamplerSettings(temperature: 1, topK: 1))
    #expect(tiedTop.probabilities == [0.5, 0.5, 0])
  }

  /// top-p 1 keeps every possible token and changes no probability, even when the running
  /// sum rounds to 1 before the tail (the last tokens here carry about 1e-17 each).
  @Test func topPOfOneIsANoOp() throws {
    let logits: [Double] = [0, -40, -41, -39.5, 0.5, -45]
    let plain = try distribution(logits, SamplerSettings(temperature: 1))
    var running = 0.0
    for id in plain.ranked.prefix(2) { running += plain.probabilities[id] }
    #expect(running == 1, "the example must reach 1 by rounding before its tail")
    let filtered = try distribution(logits, SamplerSettings(temperature: 1, topP: 1))
    #expect(filtered.probabilities == plain.probabilities)
    #expect(filtered.ranked.count == logits.count)
  }

  @Test func topPKeepsTheSmallestSetReachingP() throws {
    // Probabilities 0.5, 0.25, 0.125, 0.125 (logits are their logs).
    let logits = [0.5, 0.125, 0.25, 0.125].map { log($0) }
    let cases: [(Double, Set<Int>)] = [
      (0.4, [0]), (0.5, [0]), (0.6, [0, 2]), (0.75, [0, 2]), (0.8, [0, 1, 2]), (1.0, [0, 1, 2, 3]),
    ]
    for (p, expected) in cases {
      let d = try distribution(logits, SamplerSettings(temperature: 1, topP: p))
      let kept = Set(d.probabilities.indices.filter { d.probabilities[$0] > 0 })
      #expect(kept == expected, "p=\(p)")
      #expect(abs(d.probabilities.reduce(0, +) - 1) < 1e-12)
    }
  }

  @Test func topViewIsSortedWithTheRemainderMass() throws {
    let corpus = try ModelCatalog().load("corpus") as! BigramModel
    let d = try distribution(corpus.logits(after: 0), SamplerSettings(temperature: 1.3))
    let (entries, remainder) = d.top(8)
    #expect(entries.count == 8)
    #expect(zip(entries, entries.dropFirst()).allSatisfy { $0.probability >= $1.probability })
    #expect(abs(entries.reduce(remainder) { $0 + $1.probability } - 1) < 1e-12)
    #expect(d.rank(of: entries[2].id) == 3)
  }

  @Test func rankIsThePlaceInTheRankedOrderTiesByID() throws {
    // Ties (the two 1s, the two 0.5s), an impossible token and a greedy spike.
    let d = try distribution([0.5, 1, -.infinity, 1, 0.5, 2], SamplerSettings(temperature: 1))
    let order = d.ranked
    #expect(order == [5, 1, 3, 0, 4])
    for (place, id) in order.enumerated() { #expect(d.rank(of: id) == place + 1) }
    #expect(d.rank(of: 2) == nil)
  }

  @Test func stableSoftmaxSurvivesHugeLogits() throws {
    let d = try distribution([1000, 999, -1000], SamplerSettings(temperature: 0.1))
    #expect(d.probabilities.allSatisfy { $0.isFinite })
    // exp(1000 / 0.1) overflows; after subtracting the max the pair is exact and the far
    // tail underflows to an honest zero.
    #expect(abs(d.probabilities[1] - exp(-10) / (1 + exp(-10))) < 1e-15)
    #expect(d.ranked == [0, 1])
  }

  @Test func allImpossibleLogitsAreADeadEnd() {
    #expect(Sampler.distribution(logits: [-.infinity], settings: SamplerSettings()) == nil)
  }

  @Test func settingsProblemsAreReported() {
    #expect(SamplerSettings(temperature: 0.09).problem != nil)
    #expect(SamplerSettings(temperature: 2.51).problem != nil)
    #expect(SamplerSettings(temperature: .nan).problem != nil)
    #expect(SamplerSettings(temperature: 1, topK: 0).problem != nil)
    #expect(SamplerSettings(temperature: 1, topP: 0).problem != nil)
    #expect(SamplerSettings(temperature: 1, topP: 1.01).problem != nil)
    #expect(SamplerSettings(temperature: 0.1, topK: 1, topP: 1).problem == nil)
    #expect(SamplerSettings(temperature: 2.5).problem == nil)
  }
}
