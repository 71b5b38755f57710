import ForgeCore
import TerminalUI
import Testing

@testable import Instruments

/// Keys and mouse on the Forge screen, through the shell's `App.update` as the app runs it.
struct ForgeUpdateTests {
  static let size = Size(width: 80, height: 24)

  func app(_ size: Size = size) -> AppState { AppState(screen: .forge, size: size) }

  func press(_ s: inout AppState, _ keys: Key...) {
    for k in keys { _ = App.update(&s, .key(k)) }
  }

  func figure(_ s: AppState, _ id: String) -> String { s.forge.dossier[id]!.text }

  @Test func opensOnTheSeedDefaultWithComputeFocused() {
    let s = app()
    #expect(s.forge.design == .seedDefault)
    #expect(s.forge.focus == .compute)
    #expect(s.forge.zone == .sliders)
    #expect(figure(s, "predicted_loss") == "1.917")
  }

  @Test func upDownAndJKMoveFocusAndStopAtTheEnds() {
    var s = app()
    press(&s, .down, .char("j"))
    #expect(s.forge.focus == .overtrain)
    press(&s, .up, .char("k"), .up, .up)
    #expect(s.forge.focus == .compute)
    for _ in 0..<10 { press(&s, .down) }
    #expect(s.forge.focus == .gpu)
  }

  @Test func rightMovesComputeOneStopAndChangesTheParams() {
    var s = app()
    let before = s.forge.stop(of: .compute)
    press(&s, .right)
    #expect(s.forge.stop(of: .compute) == before + 1)
    #expect(figure(s, "total_params") != figure(app(), "total_params"))
    press(&s, .char("h"), .char("h"))
    #expect(s.forge.stop(of: .compute) == before - 1)
    press(&s, .char("l"))
    #expect(s.forge.design == .seedDefault)
  }

  @Test func shiftAndPageKeysMoveADecadeOfCompute() {
    var s = app()
    press(&s, .shiftRight)
    #expect(s.forge.design.budget == 1e26)
    press(&s, .pageDown, .pageDown)
    #expect(s.forge.design.budget == 1e24)
    press(&s, .pageUp)
    #expect(s.forge.design.budget == 1e25)
  }

  @Test func homeAndEndGoToTheEnds() {
    var s = app()
    press(&s, .down, .down, .down, .home)
    #expect(s.forge.design.context == Decision.contexts.first)
    press(&s, .end)
    #expect(s.forge.design.context == Decision.contexts.last)
    press(&s, .right)
    #expect(s.forge.design.context == Decision.contexts.last)
  }

  @Test(arguments: Preset.allCases)
  func digitKeysLoadPresetsAndNameThem(preset: Preset) {
    var s = app()
    press(&s, .char("3"))
    press(&s, .char(Character("\(preset.rawValue)")))
    #expect(s.forge.design == preset.design)
    #expect(s.forge.preset == preset)
  }

  @Test func chinchillaPresetShowsItsLoadOnTheScreen() {
    var s = app()
    press(&s, .char("1"))
    #expect(figure(s, "predicted_loss") == "2.144")
    #expect(App.view(s).text.contains("Chinchilla: 10^22"))
  }

  @Test func aSliderMoveDropsThePresetName() {
    var s = app()
    press(&s, .char("2"))
    #expect(App.view(s).text.contains("Llama-3-8B economics"))
    press(&s, .right)
    #expect(s.forge.preset == nil)
    #expect(!App.view(s).text.contains("Llama-3-8B economics"))
  }

  @Test func aKeyAtTheEndOfASliderIsNotAMove() {
    var s = app()
    press(&s, .char("1"), .down, .home)
    #expect(s.forge.preset == .chinchilla)
    #expect(s.forge.previous == ForgeDesign.seedDefault)
  }

  @Test func changedMarksFollowTheLastMoveOnly() {
    var s = app()
    #expect(ForgeMarks.changes(from: nil, to: s.forge.dossier).isEmpty)
    press(&s, .down, .down, .down, .right)  // context 128K -> 256K
    let after = s.forge.dossier
    var changes = ForgeMarks.changes(from: s.forge.previous.map(Dossier.init), to: after)
    #expect(changes["kv_per_user"] == .up)
    // Still one user, now on 4 × H100 (4 on a whole node, not 8): the text moved, not the value.
    #expect(changes["users_per_node"] == .other)
    #expect(changes["weights"] == .other)
    #expect(changes["total_params"] == nil)
    press(&s, .up, .up, .up, .right)  // compute up a stop: context figures stay put
    changes = ForgeMarks.changes(from: s.forge.previous.map(Dossier.init), to: s.forge.dossier)
    #expect(changes["total_params"] == .up)
    #expect(changes["predicted_loss"] == .down)
  }

  /// The marks are the plain definition (a figure whose shown text changed, by its value),
  /// for every move of a walk over every slider and preset.
  @Test func changedMarksAreTheShownTextThatChanged() {
    var s = app()
    let keys: [Key] = [
      .right, .right, .down, .left, .shiftRight, .down, .right, .down, .end, .down, .left,
      .down, .home, .up, .char("2"), .char("0"), .right, .char("3"), .left,
    ]
    for (step, key) in (keys + keys.reversed()).enumerated() {
      press(&s, key)
      guard let before = s.forge.previous.map(Dossier.init) else { continue }
      let now = s.forge.dossier
      var plain: [String: FigureChange] = [:]
      for figure in now.figures {
        guard let old = before[figure.id], old.fullText != figure.fullText else { continue }
        plain[figure.id] =
          figure.value > old.value ? .up : figure.value < old.value ? .down : .other
      }
      #expect(ForgeMarks.changes(from: before, to: now) == plain, "step \(step)")
    }
  }

  @Test func rShowsTheRealModelBesideAPresetNamedAfterOne() {
    var s = app()
    press(&s, .char("r"))  // the seed default is named after no model: nothing happens
    #expect(!s.forge.plot.compareOpen)
    for (key, id) in [("1", "chinchilla"), ("2", "llama3-8b"), ("3", "deepseek-v3")] {
      press(&s, .char(Character(key)), .char("r"))
      #expect(s.forge.plot.compareOpen && s.forge.plot.selectedModel?.id == id)
      #expect(s.forge.keymap.bindings.contains { $0.name == "r" })
      press(&s, .escape)
    }
    #expect(App.view(s).text.contains("DeepSeek-V3: 37.0 B/14.8 T"))
  }

  @Test func changedFigureRowsCarryAnArrow() {
    var s = app()
    let row = ForgeLayout(ShellLayout(size: Self.size).body).figureRow(0)
    #expect(!App.view(s).line(row.y).contains("▲"))
    press(&s, .right)
    #expect(App.view(s).line(row.y).contains("▲"))
  }

  @Test func aChangedValueLightsUpWithItsArrowInOneStyle() {
    var s = app()
    let layout = ForgeLayout(ShellLayout(size: Self.size).body)
    let theme = Theme.dark
    // The value's cells: from the last non-blank cell inside the row back to a gap of two.
    func valueStyles(_ figure: Int) -> (Set<Style>, String) {
      let canvas = App.view(s)
      let row = layout.figureRow(figure)
      var end = row.maxX - 1
      while end > row.x, canvas[end, row.y].glyph == " " { end -= 1 }
      var start = end
      while start > row.x + 1,
        canvas[start - 1, row.y].glyph != " " || canvas[start - 2, row.y].glyph != " "
      {
        start -= 1
      }
      let cells = (start...end).map { canvas[$0, row.y] }
      return (
        Set(cells.filter { $0.glyph != " " }.map(\.style)), String(cells.map(\.glyph))
      )
    }
    #expect(valueStyles(0) == ([theme.accent], "156 B dense"))
    press(&s, .right)  // compute up a stop: the params figure changes
    #expect(valueStyles(0) == ([theme.changed], "▲ 176 B dense"))
    // A figure a failing verdict is about keeps the verdict's style, arrow and all: 1M context
    // on an RTX 4090, then 512K, whose 206 GB cache still overflows a whole 4090 node.
    press(&s, .char("4"), .down, .down, .down, .left)
    let kv = s.forge.dossier.figures.firstIndex { $0.id == "kv_per_user" } ?? -1
    #expect(valueStyles(kv) == ([theme.fail], "▼ 206 GB ✗"))
    press(&s, .up)  // focus moves, nothing changes: the marks stay until the next move
    #expect(valueStyles(kv).0 == [theme.fail])
  }

  @Test func tMovesTheCursorIntoTheDossierAndEnterOpensTheTrace() {
    var s = app()
    press(&s, .char("t"))
    #expect(s.forge.zone == .figures)
    #expect(s.forge.selectedFigureID == Dossier.figureIDs[0])  // t starts on the first figure
    press(&s, .char("t"), .char("t"))
    #expect(s.forge.figure == 0)  // and again each time it comes back from the sliders
    for _ in 0..<5 { press(&s, .down) }
    #expect(s.forge.selectedFigureID == "compute")
    press(&s, .enter)
    #expect(s.forge.popup == .trace)
    #expect(App.view(s).text.contains("Trace · Compute C"))
    press(&s, .escape)
    #expect(s.forge.popup == nil)
    #expect(s.forge.zone == .figures)
    press(&s, .escape)
    #expect(s.forge.zone == .sliders)
  }

  @Test func enterFromTheSlidersTracesTheSelectedFigure() {
    var s = app()
    press(&s, .enter)
    #expect(s.forge.popup == .trace)
    let text = App.view(s).text
    #expect(text.contains("L = E + A/N_eff^α + B/D^β"))
    #expect(text.contains("EQ 4.1"))
  }

  @Test func advancedSettingsShowDefaultsAndChange() {
    var s = app()
    press(&s, .char("a"))
    #expect(s.forge.popup == .advanced)
    #expect(App.view(s).text.contains("default 45%"))
    press(&s, .right)
    #expect(s.forge.design.mfu == 0.5)
    #expect(s.forge.dossier["fleet"]!.value < Dossier(.seedDefault)["fleet"]!.value)
    press(&s, .down, .left)
    #expect(s.forge.design.moeK == 0.4)
    press(&s, .char("d"), .up, .char("d"), .escape)
    #expect(s.forge.popup == nil)
    #expect(s.forge.design == .seedDefault)
  }

  @Test func clickOnATrackJumpsAndDragSlides() {
    var s = app()
    let layout = ForgeLayout(ShellLayout(size: Self.size).body)
    let track = ForgeSlidersView.slider(.context, in: s.forge)
      .trackRect(in: ForgeSlidersView.trackRow(.context, layout: layout))
    _ = App.update(&s, .mouse(MouseEvent(.press, x: track.x, y: track.y)))
    #expect(s.forge.focus == .context)
    #expect(s.forge.design.context == Decision.contexts.first)
    #expect(s.forge.dragging == .context)
    _ = App.update(&s, .mouse(MouseEvent(.drag, x: track.maxX + 5, y: track.y + 3)))
    #expect(s.forge.design.context == Decision.contexts.last)
    _ = App.update(&s, .mouse(MouseEvent(.release, x: track.x + track.width / 2, y: 0)))
    #expect(s.forge.dragging == nil)
    let middle = s.forge.stop(of: .context)
    #expect(middle > 0 && middle < Decision.context.stopCount - 1)
    _ = App.update(&s, .mouse(MouseEvent(.drag, x: track.x, y: track.y)))
    #expect(s.forge.stop(of: .context) == middle)
  }

  /// A click on a track puts the knob under the pointer (compute has more stops than columns,
  /// so the stop is only as exact as a column).
  @Test(arguments: Decision.allCases)
  func clickOnATrackPutsTheKnobUnderThePointer(decision: Decision) {
    let layout = ForgeLayout(ShellLayout(size: Self.size).body)
    let row = ForgeSlidersView.trackRow(decision, layout: layout)
    for stop in [1, decision.stopCount / 2, decision.stopCount - 2] {
      var s = app()
      let slider = ForgeSlidersView.slider(decision, in: s.forge)
      let track = slider.trackRect(in: row)
      var at = slider
      at.value = stop
      let x = track.x + at.knobOffset(trackWidth: track.width)
      _ = App.update(&s, .mouse(MouseEvent(.press, x: x, y: row.y)))
      let knob = ForgeSlidersView.slider(decision, in: s.forge).knobOffset(trackWidth: track.width)
      #expect(track.x + knob == x, "\(decision) clicked at \(x)")
      #expect(decision == .compute || s.forge.stop(of: decision) == stop)
    }
  }

  @Test func clickOnAFigureSelectsItAndASecondClickTracesIt() {
    var s = app()
    let row = ForgeLayout(ShellLayout(size: Self.size).body).figureRow(10)
    _ = App.update(&s, .mouse(MouseEvent(.press, x: row.x + 3, y: row.y)))
    #expect(s.forge.selectedFigureID == "kv_per_user")
    #expect(s.forge.zone == .figures)
    #expect(s.forge.popup == nil)
    _ = App.update(&s, .mouse(MouseEvent(.press, x: row.x + 3, y: row.y)))
    #expect(s.forge.popup == .trace)
    _ = App.update(&s, .mouse(MouseEvent(.press, x: 0, y: 5)))
    #expect(s.forge.popup == nil)
  }

  @Test func gShowsThePlotInPlaceOfTheDossierUnder120Columns() {
    var s = app()
    press(&s, .char("g"))
    #expect(s.forge.showPlot)
    #expect(!App.view(s).text.contains("Model dossier"))
    for size in [Size(width: 120, height: 40), Size(width: 120, height: 30)] {
      var wide = app(size)
      press(&wide, .char("g"))
      #expect(App.view(wide).text.contains("Model dossier"), "\(size)")
    }
  }

  @Test func theFailingDesignSaysWhyUnderTheDossier() {
    var s = app()
    press(&s, .char("4"))
    let canvas = App.view(s)
    let layout = ForgeLayout(ShellLayout(size: Self.size).body)
    let usersRow = canvas.line(layout.figureRow(11).y)
    #expect(usersRow.contains("✗"))
    let firstVerdict = canvas.line(layout.verdicts.y + 1)
    #expect(firstVerdict.contains("✗ One user's KV cache at 1M is 412 GB,"))
    #expect(canvas.line(layout.dossier.y).contains("FAILS"))
  }
}
