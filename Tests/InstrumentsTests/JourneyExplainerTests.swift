import JourneyCore
import SnapshotSupport
import TerminalUI
import Testing

@testable import Instruments

/// The "At this stage" panel: what each stage does, with the model's own numbers, on screens
/// tall enough for it.
struct JourneyExplainerTests {
  static let roomy = Size(width: 200, height: 50)

  @Test func everyStageHasItsOwnTextQuotingTheModel() {
    let d = JourneyDriver(model: "tiny-gpt", prompt: JourneyDriver.gptPrompt)
    var machine = d.machine
    let stages: [JourneyCore.Stage?] = [nil] + machine.stages
    let facts = JourneyExplainer.Facts(machine)
    let texts = stages.map { JourneyExplainer.text($0, facts) }
    #expect(Set(texts).count == texts.count, "two stages share a text")
    #expect(texts.allSatisfy { !$0.isEmpty })
    #expect(JourneyExplainer.text(.tokens, facts).contains("229 entries"))
    // Two layers over a 32-position sliding window reach 63 tokens back.
    let tokens = JourneyExplainer.text(.tokens, facts)
    #expect(tokens.contains("last 63 tokens: each attention reads 32"))
    let attention = JourneyExplainer.text(.attention(layer: 1), facts)
    #expect(attention.contains("Layer 2: each of 2 heads scores the last 32 positions"))
    _ = machine.advanceStage()  // a pass: the embedding's width is known
    let after = JourneyExplainer.Facts(machine)
    #expect(JourneyExplainer.text(.embed, after).contains("64 numbers wide"))
  }

  @Test func theLogitsTextFollowsTheSettings() {
    var d = JourneyDriver()
    for _ in 0..<5 { d.key(.char("[")) }
    d.key(.char("k"))
    d.key(.char("k"))
    let text = JourneyExplainer.text(.logits, JourneyExplainer.Facts(d.machine))
    #expect(text.contains("τ = 0.5"))
    #expect(text.contains("top-k keeps the 2 likeliest (and any tied with the last of them)"))
    #expect(!text.contains("top-p"))
  }

  @Test func aBigramSaysWhatItLacks() {
    let facts = JourneyExplainer.Facts(JourneyDriver(model: "corpus").machine)
    #expect(JourneyExplainer.text(.attention(layer: 0), facts).contains("no real attention"))
    #expect(JourneyExplainer.text(.embed, facts).contains("229 × 229 table"))
  }

  @Test func thePanelShowsOnRoomyScreensAndStaysAsStagesLight() {
    var d = JourneyDriver(model: "tiny-gpt", prompt: JourneyDriver.gptPrompt)
    #expect(d.render(Self.roomy).text.contains("One step of the loop"))
    #expect(!d.render(Size(width: 80, height: 24)).text.contains("One step of the loop"))
    for stage in d.machine.stages {
      d.next(until: stage)
      let screen = d.render(Self.roomy).text
      #expect(screen.contains("At this stage · \(stage.label)"), "\(stage)")
    }
  }

  @Test func stepAndAutoShowTheLoopAndNFollowsTheStage() {
    var d = JourneyDriver()
    d.key(.char(" "))
    d.tick()
    #expect(d.state.animation != nil)
    #expect(d.machine.stage != nil)
    #expect(d.render(Self.roomy).text.contains("One step of the loop"))
    d.runUntilIdle()
    #expect(d.machine.stage == .append)
    #expect(d.render(Self.roomy).text.contains("One step of the loop"))
    d.key(.char("n"))
    #expect(d.render(Self.roomy).text.contains("At this stage · text"))
    d.key(.char("a"))
    d.tick()
    #expect(d.render(Self.roomy).text.contains("One step of the loop"))
  }

  @Test func roomySnapshot() {
    var d = JourneyDriver(model: "tiny-gpt", prompt: JourneyDriver.gptPrompt)
    d.next(until: .attention(layer: 0))
    assertSnapshot(d.render(Self.roomy), named: "journey-explainer-200x50")
  }
}
