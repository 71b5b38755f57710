import Foundation
import Testing

@testable import JourneyCore

@Suite struct TinyGPTParityTests {
  @Test func logitsMatchTheReferenceForwardPass() throws {
    let model = try TinyGPTFixtures.model()
    let vectors = try TinyGPTFixtures.vectors()
    #expect(vectors.tolerance <= 1e-4)
    // Contexts past the window (it has slid) and past the receptive field (cache rows reused).
    let window = model.config.contextLength
    #expect(vectors.vectors.contains { $0.context.count > window })
    #expect(vectors.vectors.contains { $0.context.count > model.contextLimit! })
    for vector in vectors.vectors {
      let pass = model.forward(context: vector.context)
      #expect(pass.logits.count == vector.logits.count)
      let worst = Fixtures.maxAbsDifference(pass.logits, vector.logits)
      #expect(worst <= vectors.tolerance, "context of \(vector.context.count): \(worst)")
    }
  }

  @Test func attentionNormsLensAndEmbeddingMatchTheReference() throws {
    let model = try TinyGPTFixtures.model()
    let vectors = try TinyGPTFixtures.vectors()
    let window = model.config.contextLength
    for vector in vectors.vectors {
      let pass = model.forward(context: vector.context)
      let read = min(vector.context.count, model.contextLimit!)
      #expect(pass.attention.count == vector.attention.count)
      for (layer, (got, want)) in zip(pass.attention, vector.attention).enumerated() {
        #expect(got.count == want.count)
        for (head, (row, reference)) in zip(got, want).enumerated() {
          // A row covers the tokens read; only the last `window` of them can have weight.
          #expect(row.count == read)
          #expect(reference.count == min(vector.context.count, window))
          #expect(row.dropLast(reference.count).allSatisfy { $0 == 0 })
          let worst = Fixtures.maxAbsDifference(Array(row.suffix(reference.count)), reference)
          #expect(worst <= vectors.tolerance, "layer \(layer) head \(head): \(worst)")
        }
      }
      #expect(pass.residualNorms.count == vector.residualNorms.count)
      for (got, want) in zip(pass.residualNorms, vector.residualNorms) {
        #expect(abs(got - want) <= vectors.tolerance * max(1, want))
      }
      #expect(pass.logitLens == vector.logitLens)
      #expect(Fixtures.maxAbsDifference(pass.embedding, vector.embedding) == 0)
    }
  }

  @Test func bundledModelDescribesItself() throws {
    let model = try TinyGPT.loadBundled()
    let manifest = try TinyGPTFixtures.manifest()
    let a = manifest.architecture
    #expect(model.name == "tiny-gpt")
    #expect(model.slidingWindow)
    #expect(model.subwordTokenizer == nil)
    #expect(model.layerCount == a.layers)
    #expect(model.headCount == a.heads)
    #expect(model.kvHeadCount == a.heads)
    #expect(model.config.contextLength == a.window)
    #expect(model.contextLimit == a.layers * (a.window - 1) + 1)
    #expect(model.vocabulary.tokens == manifest.vocabulary)
    #expect(model.summary.contains("sliding window \(a.window)"))
    let loss = try #require(manifest.loss)
    #expect(loss.transformer.heldout < loss.bigram.heldout)
  }
}
