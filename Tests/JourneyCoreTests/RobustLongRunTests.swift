import Testing

@testable import JourneyCore

/// A long AUTO run on the transformer (the bigram case is in StepMachineTests): once the
/// context is longer than what the model reads, every token costs one position's work (the
/// ring-buffer cache slides, nothing is recomputed) and the stored history stops growing, so
/// neither memory nor time per token can creep up.
@Suite struct RobustLongRunTests {
  @Test func tinyGPTWorkAndHistoryStayBoundedPastItsWindow() throws {
    let model = try TinyGPTFixtures.model()
    let reach = model.contextLimit!
    var machine = StepMachine(model: model, prompt: [1], seed: 5, historyCapacity: reach)
    var mostStored = 0
    var mostComputed = 0
    for _ in 0..<(3 * reach) {
      guard machine.step() != nil else { break }
      mostStored = max(mostStored, machine.history.stored.count)
      mostComputed = max(mostComputed, model.positionsComputed)
    }
    #expect(machine.history.totalCount == 3 * reach + 1, "the run stopped early")
    #expect(mostStored < 2 * reach)
    #expect(mostComputed == 1)
    #expect(machine.window.tokens.count == reach)
    #expect(machine.pass?.logits.allSatisfy { !$0.isNaN } == true)
  }
}
