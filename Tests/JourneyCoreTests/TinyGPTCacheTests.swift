import Testing

@testable import JourneyCore

@Suite struct TinyGPTCacheTests {
  /// A deterministic token stream longer than the model's window.
  func stream(_ model: TinyGPT, length: Int) -> [Int] {
    (0..<length).map { ($0 * 37 + 11) % model.vocabulary.count }
  }

  @Test func cachedStepsEqualFullRecomputation() throws {
    let stepped = try TinyGPTFixtures.model()
    let tokens = stream(stepped, length: stepped.architecture.context + 8)
    for n in 1...tokens.count {
      let prefix = Array(tokens[..<n])
      let cached = stepped.forward(context: prefix)
      let fresh = try TinyGPTFixtures.model().forward(context: prefix)
      #expect(cached.logits == fresh.logits, "prefix of \(n)")
      #expect(cached.attention == fresh.attention, "prefix of \(n)")
      #expect(cached.residualNorms == fresh.residualNorms, "prefix of \(n)")
      #expect(cached.logitLens == fresh.logitLens, "prefix of \(n)")
    }
  }

  @Test func oneNewTokenComputesOnePosition() throws {
    let model = try TinyGPTFixtures.model()
    let window = model.architecture.context
    let tokens = stream(model, length: window + 2)
    _ = model.forward(context: Array(tokens[..<5]))
    #expect(model.positionsComputed == 5)
    _ = model.forward(context: Array(tokens[..<6]))
    #expect(model.positionsComputed == 1)
    _ = model.forward(context: Array(tokens[..<6]))
    #expect(model.positionsComputed == 0)
    _ = model.forward(context: Array(tokens[..<3]))
    #expect(model.positionsComputed == 3)
    _ = model.forward(context: Array(tokens[..<(window + 2)]))
    #expect(model.positionsComputed == window)
  }

  @Test func aDifferentContinuationInvalidatesTheCache() throws {
    let model = try TinyGPTFixtures.model()
    let tokens = stream(model, length: 10)
    _ = model.forward(context: tokens)
    var other = tokens
    other[4] = (other[4] + 1) % model.vocabulary.count
    let pass = model.forward(context: other)
    #expect(pass.logits == (try TinyGPTFixtures.model().forward(context: other).logits))
  }

  @Test func attentionRowsSumToOneAndAreCausal() throws {
    let model = try TinyGPTFixtures.model()
    let tokens = stream(model, length: model.architecture.context + 5)
    for n in 1...tokens.count {
      let pass = model.forward(context: Array(tokens[..<n]))
      #expect(pass.attention.count == model.layerCount)
      for layer in pass.attention {
        #expect(layer.count == model.headCount)
        for row in layer {
          #expect(row.count == min(n, model.architecture.context))
          #expect(row.allSatisfy { $0 >= 0 && $0 <= 1 })
          #expect(abs(row.reduce(0, +) - 1) < 1e-5)
        }
      }
    }
  }

  @Test func laterTokensDoNotChangeEarlierPositions() throws {
    let model = try TinyGPTFixtures.model()
    let tokens = stream(model, length: 12)
    let before = model.forward(context: Array(tokens[..<7])).logits
    for next in [0, 1, 2] {
      _ = model.forward(context: Array(tokens[..<7]) + [next, next])
      #expect(model.forward(context: Array(tokens[..<7])).logits == before)
    }
  }
}
