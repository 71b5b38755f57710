import Testing

@testable import JourneyCore

/// A long AUTO run on the transformer (the bigram case is in StepMachineTests): once the
/// context is longer than the model's window, every token costs the same bounded work and
/// the stored history stops growing, so neither memory nor time per token can creep up.
@Suite struct RobustLongRunTests {
  @Test func tinyGPTWorkAndHistoryStayBoundedPastItsWindow() throws {
    let model = try TinyGPTFixtures.model()
    let window = model.architecture.context
    var machine = StepMachine(model: model, prompt: [1], seed: 5, historyCapacity: window)
    var mostStored = 0
    var mostComputed = 0
    for _ in 0..<(3 * window) {
      guard machine.step() != nil else { break }
      mostStored = max(mostStored, machine.history.stored.count)
      mostComputed = max(mostComputed, model.positionsComputed)
    }
    #expect(machine.history.totalCount == 3 * window + 1, "the run stopped early")
    #expect(mostStored < 2 * window)
    #expect(mostComputed <= window)
    #expect(machine.window.tokens.count == window)
    #expect(machine.pass?.logits.allSatisfy { !$0.isNaN } == true)
  }
}
