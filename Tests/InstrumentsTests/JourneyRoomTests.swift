import JourneyCore
import TerminalUI
import Testing

@testable import Instruments

/// The Journey uses the room it has: at 80x24, 120x40, 200x50 and 250x70, in every state a
/// lecture goes through, no panel is more than half empty while another one cuts its text,
/// and the stage strip keeps whole words.
struct JourneyRoomTests {
  static let sizes = RoomAudit.sizes

  /// The states: fresh, mid-step at each kind of stage, after STEPs and after AUTO, for the
  /// bigram and the tiny GPT.
  static func states() -> [(String, JourneyDriver)] {
    var out: [(String, JourneyDriver)] = []
    for model in ["corpus", "tiny-gpt"] {
      let prompt = model == "tiny-gpt" ? JourneyDriver.gptPrompt : "the"
      var d = JourneyDriver(model: model, prompt: prompt)
      out.append(("\(model) fresh", d))
      for stage in d.machine.stages {
        d.next(until: stage)
        out.append(("\(model) at \(stage.label)", d))
      }
      var auto = JourneyDriver(model: model, prompt: prompt, seed: 2)
      auto.key(.char("a"))
      auto.runUntilIdle()
      out.append(("\(model) after AUTO", auto))
      auto.key(.char("a"))
      auto.runUntilIdle()
      out.append(("\(model) after two AUTOs", auto))
    }
    return out
  }

  /// The Journey's panels, with their titles, in this layout.
  static func panels(_ d: JourneyDriver, _ layout: JourneyLayout) -> [(String, Rect)] {
    var panels: [(String, Rect)] = [
      ("context", layout.context), ("next token", layout.top), ("stages", layout.stages),
    ]
    if !layout.attention.isEmpty { panels.append(("attention", layout.attention)) }
    if !layout.trace.isEmpty { panels.append(("trace", layout.trace)) }
    if !layout.explainer.isEmpty { panels.append(("explainer", layout.explainer)) }
    return panels
  }

  /// The panels that show less than they hold, in ways the glyphs do not tell: a scrolled
  /// context, attention rows that did not fit, the model's text cut.
  static func cut(_ d: JourneyDriver, _ layout: JourneyLayout) -> [String] {
    let machine = d.machine
    var cut: [String] = []
    if d.state.contextLineCount(width: layout.contextText.width) > layout.contextText.height {
      cut.append("context (scrolled)")
    }
    if !layout.attention.isEmpty, let reveal = d.state.reveal, d.state.glow != nil,
      reveal.window.count > Panel.inner(of: layout.attention).height - headerRows(d)
    {
      cut.append("attention rows")
    }
    if !layout.model.isEmpty {
      let width = JourneyLayout.padded(Panel.inner(of: layout.model)).width
      let lines = d.state.modelLines(machine, width: width, context: RenderContext())
      if lines > Panel.inner(of: layout.model).height { cut.append("model") }
    }
    return cut
  }

  /// Header rows over the attention map: two when heads share KV heads.
  static func headerRows(_ d: JourneyDriver) -> Int {
    d.machine.model.kvHeadCount < d.machine.model.headCount ? 2 : 1
  }

  /// What a roomy screen could show more of: the cut panels, fewer bars than the step has
  /// tokens to show (up to the most the panel draws), the step's trace missing stages, and a
  /// panel left out for lack of room (the model panel, the stage explainer).
  static func short(_ d: JourneyDriver, _ layout: JourneyLayout, _ c: Canvas) -> [String] {
    var short = cut(d, layout)
    let view = d.state.topView(d.machine, theme: .dark, count: JourneyState.maxBars)
    if let bars = view.bars {
      let shown = JourneyState.barRows(forInnerHeight: Panel.inner(of: layout.top).height)
      if shown < bars.rows.count {
        short.append("next token (\(shown) of \(bars.rows.count) bars)")
      }
    }
    if layout.model.height < JourneyLayout.modelMinHeight { short.append("model (left out)") }
    let traceLines = Panel.inner(of: layout.trace).height
    if !layout.trace.isEmpty, traceLines < d.machine.stages.count {
      short.append("trace (\(traceLines) of \(d.machine.stages.count) stages)")
    }
    let screen = (0..<c.size.height).map { y in String((0..<c.size.width).map { c[$0, y].glyph }) }
    let explainer = ["At this stage", "One step of the loop"]
    if !screen.contains(where: { row in explainer.contains { row.contains($0) } }) {
      short.append("stage explainer (left out)")
    }
    return short
  }

  @Test(arguments: sizes)
  func noPanelHalfEmptyWhileAnotherIsCut(size: Size) {
    for (name, d) in Self.states() {
      let c = d.render(size)
      let area = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
      let layout = d.state.layout(area)
      let panels = Self.panels(d, layout)
      for finding in RoomAudit.findings(c, panels: panels, alsoCut: Self.cut(d, layout)) {
        Issue.record("\(size) \(name): \(finding)")
      }
    }
  }

  /// The screen at this state and at each stage still to come in its step (the layout is the
  /// same for all of them): a panel sized for what it will hold fills at one of them.
  static func restOfStep(_ d: JourneyDriver, _ size: Size) -> [Canvas] {
    var d = d
    var canvases = [d.render(size)]
    while d.machine.stage != .append {
      d.key(.char("n"))
      canvases.append(d.render(size))
    }
    return canvases
  }

  /// From 120x40 up no panel is more than half empty while the screen has something it
  /// could show more of (more bars, more of a list, a panel it left out). A panel kept for
  /// what the step will show (the bars before `logits`, the map before `attn 1`) counts as
  /// filled when the step fills it.
  @Test(arguments: sizes.filter(RoomAudit.isRoomy))
  func roomyScreensGiveSpareRowsToWhatIsShort(size: Size) {
    for (name, d) in Self.states() {
      let c = d.render(size)
      let area = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
      let layout = d.state.layout(area)
      let short = Self.short(d, layout, c)
      let later = Self.restOfStep(d, size)
      for panel in Self.panels(d, layout) {
        let findings = RoomAudit.wasted(c, panels: [panel], short: short)
        // Kept only when the panel stays half empty through the rest of the step.
        let stays = later.allSatisfy {
          !RoomAudit.wasted($0, panels: [panel], short: short).isEmpty
        }
        for finding in findings where stays { Issue.record("\(size) \(name): \(finding)") }
      }
    }
  }

  /// No word is cut with "…" on the Journey at any size: every text there either fits whole
  /// or is shortened by whole entries.
  @Test(arguments: sizes)
  func noWordIsCutShort(size: Size) {
    for (name, d) in Self.states() {
      for cut in RoomAudit.cutWords(d.render(size)) {
        Issue.record("\(size) \(name): \(cut)")
      }
    }
  }

  @Test(arguments: sizes)
  func theStageStripNeverCutsAWord(size: Size) {
    var d = JourneyDriver(model: "tiny-gpt")
    for stage in d.machine.stages {
      d.next(until: stage)
      let c = d.render(size)
      let area = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
      let strip = RoomAudit.rows(c, d.state.layout(area).stages).first ?? ""
      let words = strip.split(separator: " ").map(String.init).filter { $0 != "›" }
      let known = Set(d.machine.stages.flatMap { $0.label.split(separator: " ").map(String.init) })
      #expect(words.allSatisfy { known.contains($0) || $0 == "•" }, "\(size): \(strip)")
    }
  }

  /// Every panel of the Journey, named, in this layout (the model panel's rectangle holds the
  /// explainer too when it sits under the bars).
  static func rects(_ layout: JourneyLayout) -> [String: Rect] {
    [
      "context": layout.context, "attention": layout.attention, "next token": layout.top,
      "model": layout.model, "explainer": layout.explainer, "trace": layout.trace,
      "stages": layout.stages,
    ]
  }

  /// On tall screens the layout stays put through a step: each panel is sized for what it
  /// will hold (the bars at `logits`, the attention map at `attn 1`), not for what the lit
  /// stage shows, so nothing jumps while the lecturer talks through the stages. Checked
  /// from the fresh screen through the first step, and through the second.
  @Test(arguments: sizes.filter(RoomAudit.isRoomy))
  func theLayoutStaysPutThroughAStep(size: Size) {
    let area = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
    for model in ["corpus", "tiny-gpt"] {
      let prompt = model == "tiny-gpt" ? JourneyDriver.gptPrompt : "the"
      var d = JourneyDriver(model: model, prompt: prompt)
      // The fresh screen has the first step's layout; the second step, its own from `text`.
      var first = Self.rects(d.state.layout(area))
      for step in 1...2 {
        for (i, stage) in d.machine.stages.enumerated() {
          d.next(until: stage)
          let rects = Self.rects(d.state.layout(area))
          if step == 2 && i == 0 { first = rects }
          for (panel, rect) in rects where first[panel] != rect {
            Issue.record(
              "\(size) \(model) step \(step) at \(stage.label): \(panel) \(rect), was \(first[panel]!)"
            )
          }
        }
      }
    }
  }

  /// From 120x40 up the attention map is sized to what it will hold (a row a token of the
  /// window, under its header), so a short context leaves no rows of it blank: they go to
  /// what shows more.
  @Test(arguments: sizes.filter(RoomAudit.isRoomy))
  func theAttentionMapIsSizedToWhatItHolds(size: Size) {
    let area = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
    for (name, d) in Self.states() {
      let layout = d.state.layout(area)
      guard !layout.attention.isEmpty else { continue }
      let holds =
        (d.state.reveal?.window.count ?? d.machine.window.tokens.count) + Self.headerRows(d)
      let rows = Panel.inner(of: layout.attention).height
      #expect(
        rows <= max(holds, JourneyLayout.attentionMinRows - 2),
        "\(size) \(name): the attention map has \(rows) rows for \(holds)")
    }
  }

  /// Every caption under the bars is drawn whole, in one of its forms, at every size: where
  /// the panel is narrow it wraps or takes a shorter form, never loses its last words
  /// ("nothing drawn yet · [ ]" without "temperature").
  @Test(arguments: sizes)
  func theCaptionsUnderTheBarsKeepEveryWord(size: Size) {
    let area = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
    for (name, d) in Self.states() {
      let c = d.render(size)
      let layout = d.state.layout(area)
      let text = RoomAudit.rows(c, layout.top).joined(separator: " ")
        .split(separator: " ").joined(separator: " ")
      let view = d.state.topView(d.machine, theme: .dark, count: JourneyState.maxBars)
      for forms in view.captions.compactMap({ $0 }) {
        let plain = forms.map { $0.plain.split(separator: " ").joined(separator: " ") }
        #expect(
          plain.contains { text.contains($0) },
          "\(size) \(name): none of \(plain) is on screen whole: \(text)")
      }
    }
  }

  /// At `append` the glow legend says the glow is the attention that drew the token, in its
  /// short form too: "glow from 'next'" would say the new token attended, which it has not.
  @Test(arguments: sizes)
  func theLegendAtAppendSaysTheGlowDrewTheToken(size: Size) {
    for model in ["corpus", "tiny-gpt"] {
      var d = JourneyDriver(model: model)
      d.next(until: .append)
      let drawn = d.machine.model.vocabulary.token(d.machine.history.last!)
      let c = d.render(size)
      let screen = (0..<size.height).map { y in String((0..<size.width).map { c[$0, y].glyph }) }
      // The attention map's title says the same where the map is on show.
      if size.height >= 40 {
        #expect(
          screen.contains { $0.contains("Attention that drew '\(drawn)'") }
            && !screen.contains { $0.contains("Attention from '\(drawn)'") },
          "\(size) \(model): \(screen.joined(separator: "\n"))")
      }
      #expect(
        screen.contains { $0.contains("drew \(drawn):") }
          && !screen.contains {
            $0.contains("glow from \(drawn)")
          }, "\(size) \(model): \(screen.joined(separator: "\n"))")
    }
  }
}
