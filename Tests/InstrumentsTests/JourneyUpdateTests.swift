import JourneyCore
import TerminalUI
import Testing

@testable import Instruments

/// The Journey's update: ticks light the stages, STEP and AUTO run and stop, and the
/// screen's tokens are the ones `fullstack journey` prints for the same settings.
struct JourneyUpdateTests {
  @Test func idleScreenHasNoDeadline() {
    let d = JourneyDriver()
    #expect(d.state.nextDeadline == nil)
    #expect(d.machine.stage == nil)
  }

  @Test func stepLightsOneStagePerTickThenGoesIdle() {
    var d = JourneyDriver()
    d.key(.char(" "))
    #expect(d.state.nextDeadline == 0, "the first stage lights at the very next tick")
    var lit: [JourneyCore.Stage] = []
    d.now = 10
    while d.tick() {
      lit.append(d.machine.stage!)
      if let deadline = d.state.nextDeadline {
        #expect(deadline == d.now + d.state.pace)
      }
    }
    #expect(lit == d.machine.stages)
    #expect(d.state.nextDeadline == nil)
    #expect(d.machine.history.generatedCount == 1)
  }

  @Test func aTickBeforeTheDeadlineChangesNothing() {
    var d = JourneyDriver()
    d.key(.char("s"))
    d.tick()
    let before = d.state
    let deadline = d.state.nextDeadline!
    _ = d.state.update(
      .tick(now: deadline - 0.001), area: JourneyDriver.area, app: JourneyDriver.app)
    #expect(d.state == before)
  }

  @Test func aLateTickDoesNotQueueFrames() {
    var d = JourneyDriver()
    d.key(.char(" "))
    _ = d.state.update(.tick(now: 50), area: JourneyDriver.area, app: JourneyDriver.app)
    _ = d.state.update(.tick(now: 90), area: JourneyDriver.area, app: JourneyDriver.app)
    #expect(d.machine.stageIndex == 1, "one stage per tick, however late")
    #expect(d.state.nextDeadline == 90 + d.state.pace)
  }

  @Test func pacesAreAdjustableAndStayInTheTeachingRange() {
    var d = JourneyDriver()
    #expect((0.06...0.12).contains(d.state.pace))
    d.key(.char("-"))
    #expect(d.state.pace > 0.09)
    d.key(.char("+"))
    d.key(.char("+"))
    #expect(d.state.pace < 0.09)
  }

  @Test func stepsGiveTheCLITokens() {
    for model in ["seed-toy", "corpus", "tiny-gpt"] {
      var d = JourneyDriver(model: model, seed: 7)
      var reference = StepMachine(
        model: try! ModelCatalog().load(model), prompt: d.machine.prompt, seed: 7)
      for _ in 0..<6 {
        d.key(.char(" "))
        d.runUntilIdle()
        reference.step()
      }
      #expect(d.machine.history.stored == reference.history.stored, "\(model)")
    }
  }

  @Test func autoStopsAtAPeriodWithTheCLISentence() {
    var d = JourneyDriver(seed: 3)
    var reference = StepMachine(
      model: try! ModelCatalog().load("corpus"), prompt: d.machine.prompt, seed: 3)
    let expected = reference.auto(limit: JourneyState.autoLimit)
    d.key(.char("a"))
    d.runUntilIdle()
    #expect(d.state.nextDeadline == nil)
    #expect(Array(d.machine.history.stored.dropFirst()) == expected)
    #expect(d.machine.endsSentence)
    #expect(d.state.message?.text.contains("period") == true)
  }

  @Test func autoStopsAtItsLimitWhenNoPeriodComes() {
    var d = JourneyDriver(model: "seed-toy")
    d.key(.char("a"))
    d.runUntilIdle()
    #expect(d.machine.history.generatedCount == JourneyState.autoLimit)
    #expect(d.state.message?.text.contains("this model has no period") == true)
  }

  @Test func anyKeyStopsAuto() {
    var d = JourneyDriver()
    d.key(.char("a"))
    for _ in 0..<5 { d.tick() }
    let before = d.machine.history
    let tau = d.state.temperatureText
    d.key(.char("]"))
    #expect(d.state.nextDeadline == nil)
    #expect(d.state.temperatureText == tau, "the stopping key does nothing else")
    d.tick()
    #expect(d.machine.history == before)
  }

  @Test func nextStageAdvancesOneStageAndStopsAnimation() {
    var d = JourneyDriver()
    d.key(.char(" "))
    d.tick()
    d.key(.char("n"))
    #expect(d.machine.stageIndex == 1)
    #expect(d.state.nextDeadline == nil)
    d.next(until: .logits)
    #expect(d.machine.pending == nil, "nothing drawn before the sample stage")
  }

  @Test func resetGoesBackToThePromptAndReplaysTheSameTokens() {
    var d = JourneyDriver()
    d.key(.char(" "))
    d.runUntilIdle()
    let first = d.machine.history
    d.key(.char("r"))
    #expect(d.machine.history.generatedCount == 0)
    d.key(.char(" "))
    d.runUntilIdle()
    #expect(d.machine.history == first)
  }

  @Test func glowAveragesTheChosenRowsAndSumsToOne() {
    var d = JourneyDriver(model: "tiny-gpt", prompt: JourneyDriver.gptPrompt)
    d.next(until: .logits)
    let reveal = d.state.reveal!
    for (layer, head) in [(0, 0), (1, 1), (nil, nil), (1, nil)] as [(Int?, Int?)] {
      let glow = AttentionGlow(reveal: reveal, layer: layer, head: head, bigram: false)!
      let total = glow.weights.values.reduce(0, +)
      #expect(abs(total - 1) < 1e-6)
    }
    var bigram = JourneyDriver(prompt: "the robot")
    bigram.next(until: .logits)
    let glow = AttentionGlow(reveal: bigram.state.reveal!, layer: 0, head: nil, bigram: true)!
    #expect(glow.weights[1] == 1, "a bigram's glow is the previous token only")
    #expect(glow.level(at: 0) == nil)
  }

  @Test func historyStaysBoundedInLongRuns() {
    var d = JourneyDriver(model: "seed-toy")
    for _ in 0..<(3 * JourneyEngine.historyCapacity) {
      d.key(.char(" "))
      d.runUntilIdle()
    }
    #expect(d.machine.history.generatedCount == 3 * JourneyEngine.historyCapacity)
    #expect(d.machine.history.stored.count < 2 * JourneyEngine.historyCapacity)
    d.key(.char("n"))
    #expect(d.render().text.contains("?"), "the newest position is still on show")
  }

  @Test func stepTimeIsRecordedWhenATokenJoins() {
    var d = JourneyDriver(model: "tiny-gpt")
    #expect(d.state.stepSeconds == nil)
    d.key(.char(" "))
    d.runUntilIdle()
    #expect((d.state.stepSeconds ?? -1) >= 0)
  }
}
