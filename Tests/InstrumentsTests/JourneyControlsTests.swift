import JourneyCore
import TerminalUI
import Testing

@testable import Instruments

/// The Journey's controls: temperature and filters, models, the prompt editor, seeds,
/// mouse clicks, attention choices and scrolling.
struct JourneyControlsTests {
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

  @Test func shiftedFilterKeysStepBack() {
    var d = JourneyDriver()
    d.key(.char("K"))  // from off, back round to the widest choice
    #expect(d.machine.settings.topK == 20)
    d.key(.char("K"))
    #expect(d.machine.settings.topK == 8)
    d.key(.char("k"))
    #expect(d.machine.settings.topK == 20)
    d.key(.char("P"))
    #expect(d.machine.settings.topP == 0.95)
    d.key(.char("p"))
    #expect(d.machine.settings.topP == nil)
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

  @Test func theEditorOpensOnTheOldPromptSelectedSoTypingReplacesIt() {
    var d = JourneyDriver(model: "seed-toy", prompt: "the robot")
    d.key(.char("e"))
    #expect(d.state.draft == TextField("the robot", selected: true))
    d.keys("the robot")
    #expect(d.state.draft?.string == "the robot", "not 'thethe robot'")
    d.key(.enter)
    #expect(d.state.promptText == "the robot")
  }

  @Test func theEditorHasTheShellsLineKeys() {
    var d = JourneyDriver(prompt: "the robot")
    d.key(.char("e"))
    d.key(.end)
    d.key(.ctrl("w"))
    #expect(d.state.draft?.string == "the ")
    d.keys("cat")
    d.key(.home)
    d.keys("X")
    #expect(d.state.draft?.string == "Xthe cat")
    d.key(.right)
    d.key(.ctrl("u"))
    #expect(d.state.draft?.string == "he cat")
    d.keys("t")
    d.key(.end)
    d.keys("s")
    d.key(.left)
    d.key(.delete)
    #expect(d.state.draft?.string == "the cat")
    d.key(.enter)
    #expect(d.state.promptText == "the cat")
    d.key(.char("e"))
    let names = d.state.keymap.bindings.map(\.name).joined(separator: " ")
    for key in ["Ctrl-U", "Ctrl-W", "Home/End"] {
      #expect(names.contains(key), "\(key) in the editor's keys: \(names)")
    }
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
    // Shifted, they step back the same way.
    let layer = d.state.layer
    d.key(.char("l"))
    d.key(.char("L"))
    #expect(d.state.layer == layer)
    let head = d.state.head
    d.key(.char("H"))
    d.key(.char("h"))
    #expect(d.state.head == head)
    d.key(.char("H"))
    #expect(d.state.head != head)
    var bigram = JourneyDriver()
    bigram.key(.char("h"))
    #expect(bigram.state.message?.text.contains("single attention head") == true)
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

  @Test func theReplayLineWrapsOnlyBetweenArguments() {
    let d = JourneyDriver(prompt: "the robot")
    let screen = d.render(Size(width: 120, height: 40)).text
    // At this width the command takes two lines; the quoted prompt stays whole.
    #expect(screen.contains("'the robot'"), "\(screen)")
    #expect(!screen.contains("\u{00A0}"))
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
