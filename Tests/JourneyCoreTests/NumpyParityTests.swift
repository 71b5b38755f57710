import Testing

@testable import JourneyCore

@Suite struct NumpyParityTests {
  let vectors = NumpyVectors.shared

  @Test func rawPCG64OutputsMatchNumpy() {
    for vector in vectors.pcg64Raw {
      var random = NumpyRandom(seed: UInt64(vector.seed)!)
      let mine = vector.raw.map { _ in String(random.nextUInt64()) }
      #expect(mine == vector.raw, "seed \(vector.seed)")
    }
  }

  @Test func randomDoublesMatchNumpy() {
    for vector in vectors.random {
      var random = NumpyRandom(seed: UInt64(vector.seed)!)
      let mine = vector.doubles.map { _ in random.random() }
      #expect(mine == vector.doubles.map { Double($0)! }, "seed \(vector.seed)")
    }
  }

  @Test func choicePicksMatchNumpy() {
    for vector in vectors.choice {
      var random = NumpyRandom(seed: UInt64(vector.seed)!)
      let p = vector.p.map { Double($0)! }
      let mine = vector.picks.map { _ in random.choice(p: p) }
      #expect(mine == vector.picks, "seed \(vector.seed), p \(vector.p)")
    }
  }

  @Test func bundledToyTableIsTheSeedsTable() throws {
    let model = try ModelCatalog.seedToy()
    #expect(model.vocabulary.count == 14)
    for row in vectors.toyTable {
      let id = try #require(model.vocabulary.id(of: row.previous))
      let successors = model.successors[id]
      #expect(successors.map { model.vocabulary.token($0.id) } == row.next, "\(row.previous)")
      #expect(successors.map(\.logit) == row.scores.map { Double($0)! }, "\(row.previous)")
    }
    #expect(vectors.toyTable.count == model.vocabulary.count)
  }

  /// The engine (stable softmax, full-vocabulary distribution, one draw per token) prints the
  /// same sentence as the seed's `generate(T, S)` on every recorded vector.
  @Test func seedToyGenerationMatchesTheSeedsLoop() throws {
    let model = try ModelCatalog.seedToy()
    let prompt = [try #require(model.vocabulary.id(of: "the"))]
    for vector in vectors.generate {
      let settings = SamplerSettings(temperature: Double(vector.temperature)!)
      var machine = StepMachine(
        model: model, prompt: prompt, settings: settings, seed: UInt64(vector.seed)!)
      for _ in 0..<15 { machine.step() }
      let text = Tokenizer.text(machine.history.stored.map(model.vocabulary.token))
      #expect(text == vector.text, "T=\(vector.temperature) S=\(vector.seed)")
    }
    #expect(vectors.generate.count >= 200)
  }
}
