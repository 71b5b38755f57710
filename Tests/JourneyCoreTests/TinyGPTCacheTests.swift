import Testing

@testable import JourneyCore

@Suite struct TinyGPTCacheTests {
  /// A deterministic token stream.
  func stream(_ model: LlamaModel, length: Int) -> [Int] {
    (0..<length).map { ($0 * 37 + 11) % model.vocabulary.count }
  }

  @Test func cachedStepsEqualFullRecomputation() throws {
    let stepped = try TinyGPTFixtures.model()
    let reach = stepped.contextLimit!
    let tokens = stream(stepped, length: 2 * reach + 8)
    for n in 1...tokens.count {
      let prefix = Array(tokens[..<n])
      let cached = stepped.forward(context: prefix)
      let fresh = try TinyGPTFixtures.model().forward(context: prefix)
      if n <= reach {
        // The same positions in the same order: bit for bit.
        #expect(cached.logits == fresh.logits, "prefix of \(n)")
        #expect(cached.attention == fresh.attention, "prefix of \(n)")
        #expect(cached.residualNorms == fresh.residualNorms, "prefix of \(n)")
      } else {
        // The ring buffer ran these tokens at later positions than a fresh pass over the last
        // `reach` does; rotary scores depend only on distance, so they agree to rounding.
        #expect(Fixtures.maxAbsDifference(cached.logits, fresh.logits) < 1e-4, "prefix of \(n)")
        for (a, b) in zip(cached.attention.joined(), fresh.attention.joined()) {
          #expect(Fixtures.maxAbsDifference(a, b) < 1e-5, "prefix of \(n)")
        }
      }
      #expect(cached.logitLens == fresh.logitLens, "prefix of \(n)")
    }
  }

  @Test func oneNewTokenComputesOnePositionEvenAsTheWindowSlides() throws {
    let model = try TinyGPTFixtures.model()
    let reach = model.contextLimit!
    let tokens = stream(model, length: reach + 40)
    _ = model.forward(context: Array(tokens[..<5]))
    #expect(model.positionsComputed == 5)
    _ = model.forward(context: Array(tokens[..<6]))
    #expect(model.positionsComputed == 1)
    _ = model.forward(context: Array(tokens[..<6]))
    #expect(model.positionsComputed == 0)
    _ = model.forward(context: Array(tokens[..<3]))
    #expect(model.positionsComputed == 3)
    _ = model.forward(context: Array(tokens[..<(reach + 2)]))
    #expect(model.positionsComputed == reach)
    for n in (reach + 3)...tokens.count {
      _ = model.forward(context: Array(tokens[..<n]))
      #expect(model.positionsComputed == 1, "context of \(n)")
    }
  }

  @Test func aDifferentContinuationInvalidatesTheCache() throws {
    let model = try TinyGPTFixtures.model()
    for length in [10, model.contextLimit! + 10] {
      let tokens = stream(model, length: length)
      _ = model.forward(context: tokens)
      var other = tokens
      other[length - 4] = (other[length - 4] + 1) % model.vocabulary.count
      let pass = model.forward(context: other)
      #expect(pass.logits == (try TinyGPTFixtures.model().forward(context: other).logits))
    }
  }

  @Test func attentionRowsSumToOneAndReadTheWindow() throws {
    let model = try TinyGPTFixtures.model()
    let window = model.config.contextLength
    let tokens = stream(model, length: model.contextLimit! + 5)
    for n in 1...tokens.count {
      let pass = model.forward(context: Array(tokens[..<n]))
      #expect(pass.attention.count == model.layerCount)
      for layer in pass.attention {
        #expect(layer.count == model.headCount)
        for row in layer {
          #expect(row.count == min(n, model.contextLimit!))
          #expect(row.allSatisfy { $0 >= 0 && $0 <= 1 })
          #expect(row.dropLast(window).allSatisfy { $0 == 0 })
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

  @Test func tokensBeyondTheReceptiveFieldDoNotMatter() throws {
    let model = try TinyGPTFixtures.model()
    let reach = model.contextLimit!
    let tokens = stream(model, length: reach + 20)
    let pass = model.forward(context: tokens)
    var earlier = tokens
    for i in 0..<20 { earlier[i] = (earlier[i] + 5) % model.vocabulary.count }
    #expect(try TinyGPTFixtures.model().forward(context: earlier).logits == pass.logits)
    // One token inside the reach does matter.
    var inside = tokens
    inside[20] = (inside[20] + 5) % model.vocabulary.count
    #expect(try TinyGPTFixtures.model().forward(context: inside).logits != pass.logits)
  }
}
