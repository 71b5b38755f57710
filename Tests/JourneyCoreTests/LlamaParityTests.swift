import Foundation
import Testing

@testable import JourneyCore

/// The real stories260K against llama2.c's published greedy text and against the numpy
/// reference (scripts/llama_reference.py), logits and attention within 1e-4.
@Suite(.enabled(if: LlamaFixtures.shouldRun("LlamaParityTests")))
struct LlamaParityTests {
  @Test func greedyTwoHundredIsTheCheckpointsPublishedText() throws {
    let model = try LlamaFixtures.model()
    let tokenizer = try #require(model.tokenizer)
    var token = LlamaTokenizer.bos
    var text: [UInt8] = []
    for position in 0..<200 {
      let logits = model.step(token: token, position: position)
      let next = Kernels.argmax(logits.baseAddress!, count: logits.count)
      if next == LlamaTokenizer.bos { break }
      text += LlamaTokenizer.printable(tokenizer.decode(previous: token, token: next))
      token = next
    }
    let expected = try Data(contentsOf: URL(fileURLWithPath: LlamaFixtures.greedy))
    #expect(text == [UInt8](expected))
    #expect(text.count == 464)
  }

  @Test func logitsAndAttentionMatchTheNumpyReference() throws {
    let model = try LlamaFixtures.model()
    let vectors = try LlamaFixtures.vectors()
    #expect(vectors.tolerance <= 1e-4)
    #expect(vectors.cases.count >= 4)
    var checkedAttention = 0
    for c in vectors.cases {
      let ids = try #require(model.tokenizer).encode(c.prompt)
      #expect(Array(c.tokens.prefix(ids.count)) == ids, "numpy encodes \(c.prompt) the same")
      for p in c.positions {
        let pass = model.forward(context: Array(c.tokens[...p.position]))
        let worst = Fixtures.maxAbsDifference(pass.logits, p.logits)
        #expect(pass.logits.count == p.logits.count)
        #expect(worst <= vectors.tolerance, "\(c.prompt) @\(p.position): logits off by \(worst)")
        guard let attention = p.attention else { continue }
        #expect(pass.attention.count == 5)
        for (layer, (got, want)) in zip(pass.attention, attention).enumerated() {
          #expect(got.count == 8)
          for (head, (row, reference)) in zip(got, want).enumerated() {
            #expect(row.count == p.position + 1)
            let off = Fixtures.maxAbsDifference(row, reference)
            #expect(
              off <= vectors.tolerance,
              "\(c.prompt) @\(p.position) layer \(layer) head \(head): attention off by \(off)")
            checkedAttention += 1
          }
        }
      }
    }
    #expect(checkedAttention >= 8 * 5 * 6)
  }

  /// The references' continuations are numpy's greedy choices: the Swift argmax agrees at every
  /// position of every case (120 positions for the empty prompt), step by step on one cache.
  @Test func greedyChoicesAgreeWithNumpyAtEveryPosition() throws {
    let model = try LlamaFixtures.model()
    for c in try LlamaFixtures.vectors().cases {
      let promptCount = model.tokenizer!.encode(c.prompt).count
      for position in 0..<c.tokens.count - 1 {
        let logits = model.step(token: c.tokens[position], position: position)
        guard position + 1 >= promptCount else { continue }
        #expect(
          Kernels.argmax(logits.baseAddress!, count: logits.count) == c.tokens[position + 1],
          "\(c.prompt) @\(position)")
      }
    }
  }

  @Test func forwardReusesTheCacheAndRecomputesOtherContexts() throws {
    let model = try LlamaFixtures.model()
    let tokens = try LlamaFixtures.vectors().cases[0].tokens
    let full = model.forward(context: Array(tokens[..<20]))
    #expect(model.positionsComputed == 20)
    let next = model.forward(context: Array(tokens[..<21]))
    #expect(model.positionsComputed == 1)
    let again = model.forward(context: Array(tokens[..<20]))
    #expect(model.positionsComputed == 20)
    #expect(again.logits == full.logits)
    #expect(next.logitLens.count == 5)
    #expect(next.residualNorms.count == 5)
    #expect(next.logitLens.last == next.logits.indices.max { next.logits[$0] < next.logits[$1] })
    #expect(next.embedding.count == 64)
  }

  @Test func modelDescribesItself() throws {
    let model = try LlamaFixtures.model()
    #expect(model.name == "stories260K")
    #expect(model.layerCount == 5)
    #expect(model.headCount == 8)
    #expect(model.contextLimit == 512)
    #expect(model.config.kvHeads == 4)
    #expect(model.config.hiddenDim == 172)
    #expect(model.config.sharedClassifier)
    #expect(model.vocabulary.count == 512)
    #expect(model.summary.contains("8 heads (4 KV heads)"))
  }
}
