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

  /// From 120x40 up no panel is more than half empty while the screen has something it
  /// could show more of (more bars, more of a list, a panel it left out).
  @Test(arguments: sizes.filter(RoomAudit.isRoomy))
  func roomyScreensGiveSpareRowsToWhatIsShort(size: Size) {
    for (name, d) in Self.states() {
      let c = d.render(size)
      let area = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
      let layout = d.state.layout(area)
      let short = Self.short(d, layout, c)
      for finding in RoomAudit.wasted(c, panels: Self.panels(d, layout), short: short) {
        Issue.record("\(size) \(name): \(finding)")
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
}
