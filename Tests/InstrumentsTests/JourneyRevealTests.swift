import JourneyCore
import TerminalUI
import Testing

@testable import Instruments

/// The Journey tells the step in order: each result shows when the step reaches the stage
/// that computes it; STEP presses during an animation are queued; AUTO says why it stopped.
struct JourneyRevealTests {
  /// The next-token panel's rows as text (the right-hand panel at 120x40).
  static func barsPanel(_ d: JourneyDriver) -> String {
    let c = d.render(Size(width: 120, height: 40))
    let layout = d.state.layout(Rect(x: 0, y: 1, width: 120, height: 38))
    return (layout.top.y..<layout.top.maxY).map { y in
      String((layout.top.x..<layout.top.maxX).map { c[$0, y].glyph })
    }.joined(separator: "\n")
  }

  @Test func theBarsFillAtLogitsNotBefore() {
    var d = JourneyDriver(prompt: "the robot")
    let word = "%"
    #expect(!Self.barsPanel(d).contains(word), "nothing before the step starts")
    for stage in d.machine.stages.prefix(while: { $0 != .logits }) {
      d.next(until: stage)
      #expect(!Self.barsPanel(d).contains(word), "no bars yet at \(stage.label)")
      #expect(Self.barsPanel(d).contains("bars fill at the logits stage"), "\(stage.label)")
    }
    d.next(until: .logits)
    #expect(Self.barsPanel(d).contains(word), "the bars fill at logits")
    #expect(!Self.barsPanel(d).contains("▶"), "nothing marked before the draw")
    d.next(until: .sample)
    let drawn = d.machine.model.vocabulary.token(d.machine.pending!.id)
    #expect(Self.barsPanel(d).contains("▶ drew '\(drawn)'"))
    d.next(until: .append)
    #expect(d.machine.history.last.map(d.machine.model.vocabulary.token) == drawn)
    #expect(Self.barsPanel(d).contains("▶ drew '\(drawn)'"), "still marked as it joins")
    // The next step's early stages show this draw dimmed, titled as the last step's.
    d.next(until: .text)
    #expect(Self.barsPanel(d).contains("Last step drew '\(drawn)'"))
    let c = d.render(Size(width: 120, height: 40))
    let layout = d.state.layout(Rect(x: 0, y: 1, width: 120, height: 38))
    let percentRow = (layout.top.y..<layout.top.maxY).first { y in
      (layout.top.x..<layout.top.maxX).contains { c[$0, y].glyph == "%" }
    }!
    let x = (layout.top.x..<layout.top.maxX).first { c[$0, percentRow].glyph == "%" }!
    #expect(c[x, percentRow].style == Theme.dark.muted, "the last step's bars are dimmed")
  }

  @Test func theGlowAndLayerNumbersFollowTheLitStage() {
    var d = JourneyDriver(model: "tiny-gpt", prompt: JourneyDriver.gptPrompt)
    for stage: JourneyCore.Stage in [.text, .tokens, .embed] {
      d.next(until: stage)
      #expect(d.state.glow == nil, "no attention computed at \(stage.label)")
      #expect(d.state.reveal?.shownLens.isEmpty == true)
    }
    d.next(until: .attention(layer: 0))
    #expect(d.state.glow?.layer == 0, "attn 1 shows layer 1")
    #expect(d.state.glow?.caption.hasPrefix("lit layer 1") == true)
    #expect(d.state.reveal?.shownLens.isEmpty == true, "layer 1's guess comes with its MLP")
    d.next(until: .mlp(layer: 0))
    #expect(d.state.glow?.layer == 0)
    #expect(d.state.reveal?.shownLens.count == 1)
    d.next(until: .attention(layer: 1))
    #expect(d.state.glow?.layer == 1)
    d.next(until: .logits)
    #expect(d.state.glow?.layer == d.state.layer, "after the layers: the chosen layer")
    #expect(d.state.reveal?.shownLens.count == 2)
  }

  /// `l` while a layer's stage is lit picks, for that stage, among the layers computed so far
  /// (and says so); the next stage lights its own layer again; the pick stays the chosen
  /// layer once every layer has run. With one layer computed it says why it cannot pick.
  @Test func lPicksTheGlowsLayerWhileAStageIsLit() {
    var d = JourneyDriver(model: "tiny-gpt", prompt: JourneyDriver.gptPrompt)
    d.next(until: .attention(layer: 0))
    d.key(.char("l"))
    #expect(d.state.glow?.layer == 0, "only layer 1 has run")
    #expect(d.state.message?.text.contains("only layer 1 has run") == true)
    d.next(until: .attention(layer: 1))
    #expect(d.state.glow?.layer == 1)
    d.key(.char("l"))
    #expect(d.state.glow?.layer == nil, "after layer 2: the average of layers 1 and 2")
    #expect(d.state.glow?.caption.contains("picked with l") == true)
    #expect(d.state.message?.text.contains("at this stage") == true)
    d.key(.char("l"))
    #expect(d.state.glow?.layer == 0)
    #expect(d.state.glow?.caption.hasPrefix("layer 1, heads averaged (picked with l)") == true)
    let text = d.render(Size(width: 120, height: 40)).text
    #expect(text.contains("▶L1 avg"), "the table marks the picked layer's column")
    d.key(.char("L"))
    #expect(d.state.glow?.layer == nil, "L goes back")
    d.key(.char("l"))
    d.key(.char("n"))
    #expect(d.state.glow?.layer == 1, "MLP 2 lights layer 2 again")
    #expect(d.state.glow?.caption.hasPrefix("lit layer 2") == true)
    d.next(until: .logits)
    #expect(d.state.glow?.layer == 0, "once every layer has run: the pick")
  }

  @Test func theAttentionTableMarksTheGlowsColumn() {
    var d = JourneyDriver(model: "tiny-gpt", prompt: JourneyDriver.gptPrompt)
    d.next(until: .attention(layer: 0))
    let reveal = d.state.reveal!
    var columns = d.state.attentionColumns(reveal, glow: d.state.glow, width: 100)
    #expect(columns.map(\.title) == ["L1·H1", "L1·H2", "L1 avg"], "layer 1 only, so far")
    #expect(columns.filter(\.marked).map(\.title) == ["L1 avg"])
    d.key(.char("h"))  // head 1
    columns = d.state.attentionColumns(reveal, glow: d.state.glow, width: 100)
    #expect(columns.filter(\.marked).map(\.title) == ["L1·H1"])
    d.next(until: .logits)
    columns = d.state.attentionColumns(d.state.reveal!, glow: d.state.glow, width: 100)
    #expect(columns.count == 4, "every layer once all have run")
    #expect(columns.filter(\.marked).map(\.title) == ["L2·H1"])
    // Narrow: the marked column always stays.
    columns = d.state.attentionColumns(d.state.reveal!, glow: d.state.glow, width: 30)
    #expect(columns.contains { $0.marked })
    let text = d.render(Size(width: 120, height: 40)).text
    #expect(text.contains("▶L2·H1"))
  }

  @Test func filteredTokensStayInTheBarsStruckAndNamed() {
    var d = JourneyDriver(prompt: "the")
    d.key(.char("k"))  // top-k 1
    d.next(until: .logits)
    let bars = NextTokenBars(
      logits: d.machine.pass!.logits, settings: d.machine.settings, count: 8)!
    #expect(bars.rows.count == 8)
    #expect(bars.rows.filter { $0.cutBy == nil }.count == 1)
    #expect(bars.rows.dropFirst().allSatisfy { $0.cutBy == "top-k" && $0.probability == 0 })
    #expect(bars.rows[0].probability == 1)
    let panel = JourneyRevealTests.barsPanel(d)
    #expect(panel.components(separatedBy: "top-k").count - 1 >= 7 + 1, "named on each cut row")
    #expect(panel.contains("struck: cut by top-k 1"))
    d.key(.char("k"))
    d.key(.char("k"))
    d.key(.char("k"))  // top-k 5, then top-p 0.5 on top
    d.key(.char("p"))
    let both = NextTokenBars(
      logits: d.machine.pass!.logits, settings: d.machine.settings, count: 8)!
    #expect(both.rows.contains { $0.cutBy == "top-p" }, "top-p 0.5 cuts within the top five")
  }

  @Test func stepPressesDuringAnAnimationAreQueuedNotDropped() {
    var d = JourneyDriver()
    // Five presses half a second apart, the stages lighting at their pace in between.
    for _ in 0..<5 {
      d.key(.char(" "))
      let until = d.now + 0.5
      while let deadline = d.state.nextDeadline, max(deadline, d.now) <= until { d.tick() }
      d.now = until
    }
    d.runUntilIdle()
    #expect(d.machine.history.generatedCount == 5)
    #expect(d.state.queuedSteps == 0)
  }

  @Test func nClearsTheStepQueue() {
    var d = JourneyDriver()
    d.key(.char(" "))
    d.key(.char(" "))
    d.key(.char(" "))
    #expect(d.state.queuedSteps == 2)
    #expect(d.state.message?.text == "2 more STEPs queued")
    d.key(.char("n"))
    #expect(d.state.queuedSteps == 0)
    #expect(d.state.nextDeadline == nil)
  }

  @Test func autoSaysWhyItStopped() {
    var toy = JourneyDriver(model: "seed-toy")
    toy.key(.char("a"))
    #expect(toy.state.message?.text.contains("this model has no period") == true)
    toy.runUntilIdle()
    #expect(
      toy.state.message?.text == "AUTO stopped after 40 tokens: this model has no period")
    var corpus = JourneyDriver(seed: 3)
    corpus.key(.char("a"))
    corpus.runUntilIdle()
    #expect(corpus.state.message?.text.hasPrefix("AUTO stopped at a period after") == true)
    var stopped = JourneyDriver()
    stopped.key(.char("a"))
    for _ in 0..<30 { stopped.tick() }
    stopped.key(.char("x"))
    #expect(stopped.state.message?.text.hasPrefix("AUTO stopped by a key after") == true)
  }

  @Test func theStripReadsAsWordsAt80Columns() {
    var d = JourneyDriver(model: "tiny-gpt")
    d.next(until: .attention(layer: 1))
    let rows = d.render(Size(width: 80, height: 24)).text.split(separator: "\n")
    let strip = rows.first { $0.contains("append") }.map(String.init) ?? ""
    for word in ["text", "tokens", "embed", "attn 2", "unembed", "logits", "sample", "append"] {
      #expect(strip.contains(word), "\(word) in \(strip)")
    }
    // A five-layer model: layers other than the lit one become marks, the rest stay words.
    let five = (0..<5).flatMap { [JourneyCore.Stage.attention(layer: $0), .mlp(layer: $0)] }
    let stages = ([.text, .tokens, .embed] + five + [.unembed, .logits, .sample, .append])
      .map {
        TerminalUI.Stage(
          $0.label, short: JourneyState.shortLabel($0), collapsible: JourneyState.isLayer($0))
      }
    let layout = StageStrip(stages, lit: 5).layout(width: 76)
    #expect(layout.width <= 76)
    #expect(layout.labels.contains("attn 2") && layout.labels.contains("unembed"))
    #expect(layout.labels.filter { $0 == "•" }.count == 9)
  }
}
