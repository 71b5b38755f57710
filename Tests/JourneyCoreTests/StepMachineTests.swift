import Testing

@testable import JourneyCore

@Suite struct StepMachineTests {
  let toy = try! ModelCatalog.seedToy()
  let corpus = try! ModelCatalog().load("corpus")

  func machine(
    _ model: any LanguageModel, prompt: String = "the", temperature: Double = 1.0, seed: UInt64 = 0
  ) -> StepMachine {
    let ids = Tokenizer.tokens(prompt).map { model.vocabulary.id(of: $0)! }
    return StepMachine(
      model: model, prompt: ids, settings: SamplerSettings(temperature: temperature), seed: seed)
  }

  @Test func stagesLightInStripOrderAndOneTokenJoinsAtAppend() {
    var m = machine(toy)
    #expect(m.stage == nil)
    var lit: [Stage] = []
    for _ in m.stages {
      m.advanceStage()
      lit.append(m.stage!)
      let joined = m.history.totalCount == 2
      #expect(joined == (m.stage == .append), "\(m.stage!)")
    }
    #expect(lit == Stage.strip(layers: 0))
    #expect(
      lit.map(\.label) == [
        "text", "tokens", "embed", "attn 1", "MLP 1", "unembed", "logits", "sample", "append",
      ])
    m.advanceStage()
    #expect(m.stage == .text)
  }

  @Test func stageDataDescribesTheTokenInFlight() throws {
    var m = machine(toy, prompt: "the robot")
    while m.stage != .sample { m.advanceStage() }
    #expect(
      m.data(for: .tokens).map { if case .tokens(let ids) = $0 { ids } else { [] } } == [0, 1])
    guard case .sample(let drawn) = try #require(m.data(for: .sample)) else {
      Issue.record("no sample data")
      return
    }
    #expect(toy.successors[1].contains { $0.id == drawn.id })
    #expect(drawn.rank == m.distribution!.rank(of: drawn.id))
    guard case .attention(_, let weights) = try #require(m.data(for: .attention(layer: 0))) else {
      Issue.record("no attention data")
      return
    }
    #expect(weights == [[0, 1]])  // all weight on the last token, the only one a bigram reads
  }

  @Test func temperatureChangeReshapesTheSameLogitsWithoutDrawing() throws {
    var m = machine(toy)
    let streamBefore = m.random
    let sharp = try #require(m.distribution)
    m.settings.temperature = 2.5
    let flat = try #require(m.distribution)
    #expect(m.random == streamBefore)
    #expect(flat.entropy > sharp.entropy)
    #expect(flat.ranked == sharp.ranked)
    #expect(m.history.totalCount == 1)
  }

  @Test func autoStopsRightAfterAPeriod() throws {
    for seed: UInt64 in 0..<20 {
      var m = machine(corpus, seed: seed)
      let added = m.auto(limit: 200)
      #expect(added.count < 200, "seed \(seed) ran to the limit")
      #expect(m.endsSentence)
      let periods = added.filter { corpus.vocabulary.token($0) == "." }
      #expect(periods.count == 1)
    }
  }

  @Test func autoStopsAtTheLimitWhenNoPeriodComes() {
    var m = machine(toy)  // the toy table has no "."
    #expect(m.auto(limit: 40).count == 40)
  }

  @Test func sameSeedSameTokensAndResetReplays() {
    var first = machine(corpus, temperature: 1.7, seed: 7)
    var second = machine(corpus, temperature: 1.7, seed: 7)
    let a = (0..<60).compactMap { _ in first.step() }
    let b = (0..<60).compactMap { _ in second.step() }
    #expect(a == b)
    first.reset()
    #expect(first.history.totalCount == 1)
    #expect((0..<60).compactMap { _ in first.step() } == a)
    var other = machine(corpus, temperature: 1.7, seed: 8)
    #expect((0..<60).compactMap { _ in other.step() } != a)
  }

  @Test func savedStreamResumesTheSameTokens() {
    var m = machine(corpus, seed: 3)
    m.auto(limit: 5)
    let saved = m
    let later = (0..<20).compactMap { _ in m.step() }
    var resumed = saved
    #expect((0..<20).compactMap { _ in resumed.step() } == later)
  }

  @Test func promptBoundarySurvivesAndHistoryStaysBounded() {
    var m = StepMachine(model: toy, prompt: [0, 1], seed: 1, historyCapacity: 64)
    #expect(m.auto(limit: 100_000).count == 100_000)
    #expect(m.history.totalCount == 100_002)
    #expect(m.history.stored.count < 128)
    #expect(m.history.isPrompt(position: 1) && !m.history.isPrompt(position: 2))
    #expect(m.window.tokens.count == 64)
    #expect(m.window.start == 100_002 - 64)
  }

  @Test func deadEndStopsGeneration() {
    let model = BigramModel(counting: ["a", "b", ".", "c"], name: "t", summary: "")
    var m = StepMachine(model: model, prompt: [3])
    #expect(m.isAtDeadEnd)
    #expect(m.step() == nil)
    #expect(m.auto(limit: 10).isEmpty)
  }
}

@Suite struct StepMachinePacingTests {
  let corpus = try! ModelCatalog().load("corpus")

  /// The screen advances stage by stage, the CLI token by token: same seed, same tokens.
  @Test func stageByStageAndTokenByTokenAgree() {
    let settings = SamplerSettings(temperature: 1.4, topK: 20, topP: 0.95)
    var byStage = StepMachine(model: corpus, prompt: [0], settings: settings, seed: 11)
    var byToken = byStage
    for _ in 0..<(30 * byStage.stages.count) { byStage.advanceStage() }
    for _ in 0..<30 { byToken.step() }
    #expect(byStage.history == byToken.history)
    #expect(byStage.random == byToken.random)
  }

  /// A filter turned on mid-token, before the sample stage, governs that token's draw.
  @Test func settingsChangedBeforeSampleApplyToTheTokenInFlight() throws {
    var m = StepMachine(model: corpus, prompt: [0], settings: SamplerSettings(), seed: 2)
    while m.stage != .logits { m.advanceStage() }
    m.settings.topK = 1
    let best = try #require(m.distribution?.ranked.first)
    m.advanceStage()
    #expect(m.pending?.id == best)
    #expect(m.pending?.probability == 1)
  }
}
