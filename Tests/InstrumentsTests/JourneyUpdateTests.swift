import JourneyCore
import TerminalUI
import Testing

@testable import Instruments

/// The Journey's update: ticks light the stages, keys and clicks change the run, and the
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
    #expect(d.state.message?.text.contains("without a period") == true)
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

  @Test func temperatureReshapesTheBarsWithoutDrawing() {
    var d = JourneyDriver()
    let random = d.machine.random
    let warm = d.machine.distribution!.top(8).entries.map(\.probability)
    d.key(.left)
    d.key(.char("["))
    #expect(d.state.temperatureText == "0.8")
    let cool = d.machine.distribution!.top(8).entries.map(\.probability)
    #expect(cool[0] > warm[0])
    #expect(d.machine.random == random)
    #expect(d.machine.history.generatedCount == 0)
  }

  @Test func temperatureStopsAtItsEndsWithAMessage() {
    var d = JourneyDriver()
    for _ in 0..<30 { d.key(.right) }
    #expect(d.state.temperatureText == "2.5")
    #expect(d.state.message?.text.contains("highest") == true)
    for _ in 0..<30 { d.key(.left) }
    #expect(d.state.temperatureText == "0.1")
    #expect(d.state.message?.text.contains("lowest") == true)
  }

  @Test func filtersCycle() {
    var d = JourneyDriver()
    d.key(.char("k"))
    #expect(d.machine.settings.topK == 1)
    #expect(d.machine.distribution!.ranked.count == 1)
    d.key(.char("p"))
    #expect(d.machine.settings.topP == 0.5)
    for _ in 1..<JourneyState.topKChoices.count { d.key(.char("k")) }
    #expect(d.machine.settings.topK == nil)
  }

  @Test func modelSwitchCyclesTheCatalogKeepingThePrompt() {
    var d = JourneyDriver(model: "seed-toy", prompt: "the robot")
    var seen: [String] = []
    for _ in 0..<d.state.modelNames.count {
      d.key(.char("m"))
      seen.append(d.machine.model.name)
    }
    #expect(Set(seen) == Set(ModelCatalog().names))
    #expect(d.state.promptText == "the robot")
  }

  @Test func editingRefusesUnknownWordsAndUsesKnownOnes() {
    var d = JourneyDriver()
    d.key(.char("e"))
    #expect(d.state.capturesText)
    for _ in 0..<3 { d.key(.backspace) }
    d.keys("zorblax")
    d.key(.enter)
    #expect(d.state.capturesText, "still editing after a refusal")
    #expect(d.state.message?.isProblem == true)
    #expect(d.state.message?.text.contains("'zorblax'") == true)
    for _ in 0..<7 { d.key(.backspace) }
    d.keys("the cat")
    d.key(.enter)
    #expect(!d.state.capturesText)
    #expect(d.state.promptText == "the cat")
    #expect(d.machine.history.generatedCount == 0)
  }

  @Test func escapeCancelsEditing() {
    var d = JourneyDriver()
    d.key(.char("e"))
    d.keys(" robot")
    d.key(.escape)
    #expect(!d.state.capturesText)
    #expect(d.state.promptText == "the")
  }

  @Test func newSeedRestartsFromThePrompt() {
    var d = JourneyDriver()
    d.key(.char(" "))
    d.runUntilIdle()
    d.key(.char("S"))
    #expect(d.machine.seed == 1)
    #expect(d.machine.history.generatedCount == 0)
    #expect(d.state.message?.text.contains("seed 1") == true)
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

  @Test func clicksOnTheButtonsAndSlider() {
    var d = JourneyDriver()
    let layout = JourneyLayout(JourneyDriver.area)
    d.click(x: layout.stepButton.x + 2, y: layout.stepButton.y)
    #expect(d.state.animation?.mode == .step)
    d.runUntilIdle()
    d.click(x: layout.autoButton.x + 2, y: layout.autoButton.y)
    #expect(d.state.animation?.mode == .auto(added: 0))
    d.click(x: layout.autoButton.x + 2, y: layout.autoButton.y)
    #expect(d.state.animation == nil)
    let track = d.state.temperatureSlider.trackRect(in: layout.slider)
    d.click(x: track.maxX - 1, y: track.y)
    #expect(d.state.temperatureText == "2.5")
    d.click(x: track.x, y: track.y)
    #expect(d.state.temperatureText == "0.1")
  }

  @Test func layerAndHeadCycleThroughTheirAverages() {
    var d = JourneyDriver(model: "tiny-gpt")
    let layers = d.machine.model.layerCount
    let heads = d.machine.model.headCount
    #expect(d.state.layer == layers - 1)
    var layerChoices: [Int?] = []
    for _ in 0...layers {
      d.key(.char("l"))
      layerChoices.append(d.state.layer)
    }
    #expect(Set(layerChoices) == Set((0..<layers).map(Optional.some) + [nil]))
    var headChoices: [Int?] = []
    for _ in 0...heads {
      d.key(.char("h"))
      headChoices.append(d.state.head)
    }
    #expect(Set(headChoices) == Set((0..<heads).map(Optional.some) + [nil]))
    var bigram = JourneyDriver()
    bigram.key(.char("h"))
    #expect(bigram.state.message?.text.contains("single attention head") == true)
  }

  @Test func glowAveragesTheChosenRowsAndSumsToOne() {
    let d = JourneyDriver(model: "tiny-gpt", prompt: JourneyDriver.gptPrompt)
    for (layer, head) in [(0, 0), (1, 1), (nil, nil), (1, nil)] as [(Int?, Int?)] {
      let glow = AttentionGlow(machine: d.machine, layer: layer, head: head)!
      let total = glow.weights.values.reduce(0, +)
      #expect(abs(total - 1) < 1e-6)
    }
    let bigram = JourneyDriver(prompt: "the robot")
    let glow = AttentionGlow(machine: bigram.machine, layer: 0, head: nil)!
    #expect(glow.weights[1] == 1, "a bigram's glow is the previous token only")
    #expect(glow.level(at: 0) == nil)
  }

  @Test func scrollingStaysWithinTheContext() {
    var d = JourneyDriver(model: "seed-toy")
    d.key(.up)
    #expect(d.state.scrollBack == 0, "nothing to scroll back to yet")
    for _ in 0..<4 {
      d.key(.char("a"))
      d.runUntilIdle()
    }
    let text = JourneyLayout(JourneyDriver.area).contextText
    let lines = d.state.contextLineCount(width: text.width)
    #expect(lines > text.height, "the context is longer than its panel")
    for _ in 0..<(lines + 5) { d.key(.up) }
    #expect(d.state.scrollBack == lines - text.height)
    let oldest = d.render().line(2)
    #expect(oldest.contains("│ the "), "scrolled to the prompt: \(oldest)")
    d.key(.pageDown)
    #expect(
      d.state.scrollBack
        == max(0, lines - text.height - (JourneyLayout(JourneyDriver.area).context.height - 3)))
    d.key(.char(" "))
    #expect(d.state.scrollBack == 0, "STEP follows the newest token again")
  }

  @Test func historyStaysBoundedInLongRuns() {
    var d = JourneyDriver(model: "seed-toy")
    for _ in 0..<(3 * JourneyEngine.historyCapacity) {
      d.key(.char(" "))
      d.key(.char(" "))  // a second STEP finishes the token at once
    }
    #expect(d.machine.history.generatedCount == 3 * JourneyEngine.historyCapacity)
    #expect(d.machine.history.stored.count < 2 * JourneyEngine.historyCapacity)
    #expect(d.render().text.contains("?"), "the newest position is still on show")
  }

  @Test func stepTimeIsRecordedWhenATokenJoins() {
    var d = JourneyDriver(model: "tiny-gpt")
    #expect(d.state.stepSeconds == nil)
    d.key(.char(" "))
    d.runUntilIdle()
    #expect((d.state.stepSeconds ?? -1) >= 0)
  }

  @Test func replayLineCountsTokensUntilTheSettingsChangeMidRun() {
    var d = JourneyDriver(model: "seed-toy")
    d.key(.char("]"))
    #expect(!d.state.settingsChangedMidRun, "changing τ before drawing keeps the run replayable")
    for _ in 0..<3 {
      d.key(.char(" "))
      d.runUntilIdle()
    }
    #expect(
      d.state.cliLine(d.machine)
        == "fullstack journey --model seed-toy --prompt 'the' --temperature 1.1 --seed 0 --tokens 3"
    )
    d.key(.char("k"))
    #expect(d.state.settingsChangedMidRun)
    d.key(.char("r"))
    #expect(!d.state.settingsChangedMidRun)
  }
}
