import Foundation
import Testing

@testable import JourneyCore

@Suite struct TinyGPTParityTests {
  @Test func logitsMatchTheReferenceForwardPass() throws {
    let model = try TinyGPTFixtures.model()
    let vectors = try TinyGPTFixtures.vectors()
    #expect(vectors.tolerance <= 1e-4)
    #expect(vectors.vectors.contains { $0.context.count > model.architecture.context })
    for vector in vectors.vectors {
      let pass = model.forward(context: vector.context)
      #expect(pass.logits.count == vector.logits.count)
      let worst = TinyGPTFixtures.maxAbsDifference(pass.logits, vector.logits)
      #expect(worst <= vectors.tolerance, "context of \(vector.context.count): \(worst)")
    }
  }

  @Test func attentionNormsLensAndEmbeddingMatchTheReference() throws {
    let model = try TinyGPTFixtures.model()
    let vectors = try TinyGPTFixtures.vectors()
    for vector in vectors.vectors {
      let pass = model.forward(context: vector.context)
      #expect(pass.attention.count == vector.attention.count)
      for (layer, (got, want)) in zip(pass.attention, vector.attention).enumerated() {
        #expect(got.count == want.count)
        for (head, (row, reference)) in zip(got, want).enumerated() {
          #expect(row.count == reference.count)
          let worst = TinyGPTFixtures.maxAbsDifference(row, reference)
          #expect(worst <= vectors.tolerance, "layer \(layer) head \(head): \(worst)")
        }
      }
      #expect(pass.residualNorms.count == vector.residualNorms.count)
      for (got, want) in zip(pass.residualNorms, vector.residualNorms) {
        #expect(abs(got - want) <= vectors.tolerance * max(1, want))
      }
      #expect(pass.logitLens == vector.logitLens)
      #expect(TinyGPTFixtures.maxAbsDifference(pass.embedding, vector.embedding) == 0)
    }
  }

  @Test func bundledModelDescribesItself() throws {
    let model = try TinyGPT.loadBundled()
    let manifest = try TinyGPTFixtures.model().manifest
    #expect(model.manifest == manifest)
    #expect(model.name == "tiny-gpt")
    #expect(model.layerCount == manifest.architecture.layers)
    #expect(model.headCount == manifest.architecture.heads)
    #expect(model.contextLimit == manifest.architecture.context)
    #expect(model.vocabulary.tokens == manifest.vocabulary)
    let loss = try #require(manifest.loss)
    #expect(loss.transformer.heldout < loss.bigram.heldout)
  }
}
