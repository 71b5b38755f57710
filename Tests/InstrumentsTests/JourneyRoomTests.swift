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

  @Test(arguments: sizes)
  func noPanelHalfEmptyWhileAnotherIsCut(size: Size) {
    for (name, d) in Self.states() {
      let c = d.render(size)
      let area = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
      let layout = d.state.layout(area)
      var panels: [(String, Rect)] = [
        ("context", layout.context), ("next token", layout.top), ("stages", layout.stages),
      ]
      if !layout.attention.isEmpty { panels.append(("attention", layout.attention)) }
      let machine = d.machine
      var cut: [String] = []
      if d.state.contextLineCount(width: layout.contextText.width) > layout.contextText.height {
        cut.append("context (scrolled)")
      }
      if !layout.attention.isEmpty, let reveal = d.state.reveal, d.state.glow != nil,
        reveal.window.count > Panel.inner(of: layout.attention).height - 1
      {
        cut.append("attention rows")
      }
      if !layout.model.isEmpty {
        let width = JourneyLayout.padded(Panel.inner(of: layout.model)).width
        let lines = d.state.modelLines(machine, width: width, context: RenderContext())
        if lines > Panel.inner(of: layout.model).height { cut.append("model") }
      }
      for finding in RoomAudit.findings(c, panels: panels, alsoCut: cut) {
        Issue.record("\(size) \(name): \(finding)")
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
