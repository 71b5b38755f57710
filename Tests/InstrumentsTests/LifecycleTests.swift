import ForgeCore
import TerminalUI
import Testing

@testable import Instruments

struct LifecycleTests {
  static let body = ShellLayout(size: Size(width: 80, height: 24)).body

  func state(_ keys: [Key], area: Rect = body) -> (LifecycleState, [ScreenResult]) {
    var s = LifecycleState()
    let app = AppState(screen: .lifecycle, size: Size(width: 80, height: 24))
    let results = keys.map { s.update(.key($0), area: area, app: app) }
    return (s, results)
  }

  @Test func arrowsMoveAlongTheRowAndDownToTheNextRow() {
    #expect(state([.right, .right]).0.selected == .base)
    #expect(state([.left]).0.selected == .data)
    #expect(state([.down]).0.selected == .adapt)
    #expect(state([.end, .down, .right]).0.selected == .diffusion)
    #expect(state([.end, .up]).0.selected == .assistant)
    #expect(state([.end, .home]).0.selected == .data)
  }

  @Test func enterOpensAndEscClosesTheExplanation() {
    #expect(state([.enter]).0.explaining)
    #expect(!state([.enter, .escape]).0.explaining)
    #expect(!state([.enter, .enter]).0.explaining)
  }

  @Test func gJumpsToTheInstrumentThatOwnsTheBox() {
    #expect(state([.right, .char("g")]).1.last == .switchTo(.forge))
    #expect(state([.down, .right, .right, .char("j")]).1.last == .switchTo(.journey))
    let (s, results) = state([.right, .right, .right, .right, .char("g")])
    #expect(s.selected == .assistant)
    #expect(results.last == .handled)
    #expect(s.note?.contains("ASSISTANT") == true)
    #expect(state([.right, .right, .right, .right, .char("g"), .left]).0.note == nil)
  }

  @Test func theShellFollowsTheJump() {
    var app = AppState(screen: .lifecycle, size: Size(width: 80, height: 24))
    _ = App.update(&app, .key(.right))
    _ = App.update(&app, .key(.char("g")))
    #expect(app.screen == .forge)
  }

  @Test func clickSelectsABoxAndASecondClickExplainsIt() {
    let layout = LifecycleLayout(Self.body)
    let serve = layout.boxes[LifecycleStage.serve.rawValue]
    var s = LifecycleState()
    let app = AppState(screen: .lifecycle, size: Size(width: 80, height: 24))
    let click = Event.mouse(MouseEvent(.press, x: serve.x + 1, y: serve.y + 1))
    #expect(s.update(click, area: Self.body, app: app) == .handled)
    #expect(s.selected == .serve && !s.explaining)
    _ = s.update(click, area: Self.body, app: app)
    #expect(s.explaining)
    let outside = Event.mouse(MouseEvent(.press, x: 0, y: Self.body.maxY - 1))
    _ = s.update(outside, area: Self.body, app: app)
    #expect(!s.explaining)
  }

  @Test(arguments: [(80, 24), (120, 40), (200, 50), (81, 25), (250, 70), (97, 31)])
  func boxesStayInsideTheBodyAndNeverOverlap(width: Int, height: Int) {
    let body = ShellLayout(size: Size(width: width, height: height)).body
    let layout = LifecycleLayout(body)
    #expect(layout.boxes.count == LifecycleStage.allCases.count)
    for (i, box) in layout.boxes.enumerated() {
      #expect(box.intersection(body) == box, "box \(i) \(box) leaves \(body)")
      #expect(box.width >= LifecycleLayout.minBoxWidth && box.height >= 5)
      for other in layout.boxes[(i + 1)...] { #expect(box.intersection(other).isEmpty) }
    }
    #expect(layout.returnRow.y > layout.boxes.map(\.maxY).max()! - 1)
    #expect(layout.substrate.maxY <= body.maxY && !layout.substrate.isEmpty)
  }

  @Test func eightyColumnsWrapIntoTwoRowsAndWideScreensPutTheExplanationBeside() {
    let narrow = LifecycleLayout(Self.body)
    #expect(Set(narrow.boxes.map(\.y)).count == 2)
    #expect(narrow.detail.isEmpty && !narrow.beside)
    for size in [Size(width: 120, height: 40), Size(width: 200, height: 50)] {
      let wide = LifecycleLayout(ShellLayout(size: size).body)
      #expect(Set(wide.boxes.map(\.y)).count == 2)
      #expect(wide.beside && !wide.detail.isEmpty)
      #expect(wide.boxes.allSatisfy { $0.maxX < wide.detail.x }, "\(size)")
    }
    let stacked = LifecycleLayout(ShellLayout(size: Size(width: 110, height: 40)).body)
    #expect(!stacked.beside && !stacked.detail.isEmpty)
    #expect(stacked.detail.y > stacked.boxes.map(\.maxY).max()!)
  }

  func text(_ design: ForgeDesign, size: Size = Size(width: 80, height: 24)) -> String {
    var canvas = Canvas(size: size)
    LifecycleState().draw(
      into: &canvas, area: Rect(size: size), dossier: Dossier(design), context: RenderContext())
    return canvas.text
  }

  @Test func roomyScreensAddTheAssumptionsBehindTheLiveFigures() {
    let note = "$2/h per H100"
    var state = LifecycleState()
    state.selected = .pretraining
    func shown(_ size: Size) -> String {
      var canvas = Canvas(size: size)
      state.draw(
        into: &canvas, area: Rect(size: size), dossier: Dossier(.seedDefault),
        context: RenderContext())
      return canvas.text
    }
    #expect(shown(Size(width: 200, height: 50)).contains(note))
    #expect(shown(Size(width: 200, height: 50)).contains("6.24e6 H100-hours"))
    // No room for the notes under the boxes: the short form, the equations alone.
    let short = shown(Size(width: 110, height: 44))
    #expect(!short.contains(note), "no room: the short form")
    #expect(short.contains("GPU-hours/(90·24)"))
  }

  @Test func boxesCarryTheDesignsLiveFigures() {
    let seed = Dossier(.seedDefault)
    let shown = text(.seedDefault)
    for id in ["training_tokens", "fleet", "training_cost", "decode_ceiling"] {
      #expect(shown.contains(seed[id]!.text), "\(id) \(seed[id]!.text) missing")
    }
    var bigger = ForgeDesign.seedDefault
    bigger.budget = 1e26
    bigger.precision = .bf16
    let changed = text(bigger)
    #expect(changed.contains(Format.flops(1e26) + " FLOPs"))
    #expect(changed.contains(Dossier(bigger)["weights"]!.text + " BF16"))
    #expect(!changed.contains(Format.flops(1e25) + " FLOPs"))
  }

  @Test func theScreenReadsTheForgeScreensDesign() {
    var app = AppState(screen: .lifecycle, size: Size(width: 80, height: 24))
    #expect(App.view(app).text.contains(Format.flops(app.forge.design.budget) + " FLOPs"))
    app.forge.design.budget = 3e26
    #expect(App.view(app).text.contains("3.0e26 FLOPs"))
  }

  /// The Lifecycle draws the dossier the Forge derived for its design (once per change), and
  /// that is always the design's own: after Forge keys and presets, the screen is what a
  /// dossier computed afresh for the design draws.
  @Test func theScreenDrawsTheForgesDerivedDossier() {
    var app = AppState(screen: .forge, size: Size(width: 200, height: 50))
    let keys: [Key] = [.right, .down, .right, .char("3"), .shiftRight, .down, .left, .char("4")]
    for key in keys {
      _ = App.update(&app, .key(key))
      var lifecycle = app
      lifecycle.screen = .lifecycle
      let body = ShellLayout(size: app.size).body
      // The shell's frame as drawn, the body cleared and drawn again from a fresh dossier.
      var fresh = App.view(lifecycle)
      fresh.fill(body)
      lifecycle.lifecycle.draw(
        into: &fresh, area: body, dossier: Dossier(app.forge.design),
        context: lifecycle.renderContext)
      let same = App.view(lifecycle) == fresh
      #expect(same, "after \(key): the screen differs from a fresh dossier's")
      #expect(App.view(lifecycle).text.contains(Format.flops(app.forge.design.budget) + " FLOPs"))
    }
  }

  @Test func theReturnPathAndSubstrateAreVisibleAt80x24() {
    let shown = text(.seedDefault)
    #expect(shown.contains("next model"))
    #expect(shown.contains("SUBSTRATE"))
    #expect(shown.contains("rooflines"))
  }

  @Test func everyStageHasAChapterAndAnExplanation() {
    for stage in LifecycleStage.allCases {
      #expect(stage.chapter.hasPrefix("CH "))
      #expect(!stage.explanation.isEmpty)
    }
  }
}

struct LifecycleOddSizeTests {
  @Test(arguments: [(0, 0), (1, 1), (10, 3), (30, 8), (79, 22), (80, 5), (300, 100), (500, 20)])
  func drawsAndHitTestsAtAnySize(width: Int, height: Int) {
    let area = Rect(x: 2, y: 2, width: width, height: height)
    var canvas = Canvas(size: Size(width: width + 4, height: height + 4))
    var s = LifecycleState()
    s.explaining = true
    s.draw(into: &canvas, area: area, dossier: Dossier(.seedDefault), context: RenderContext())
    let app = AppState(screen: .lifecycle, size: Size(width: width, height: height))
    for key in [Key.right, .down, .end, .up] { _ = s.update(.key(key), area: area, app: app) }
    _ = s.update(
      .mouse(MouseEvent(.press, x: 2 + width / 2, y: 2 + height / 2)), area: area, app: app)
    let outside = canvas.bounds.cellsOutside(area).filter { canvas[$0.x, $0.y] != .blank }
    #expect(outside.isEmpty, "drew outside the area at \(outside.prefix(3))")
  }
}

extension Rect {
  /// Every cell of this rect that lies outside `inner`.
  func cellsOutside(_ inner: Rect) -> [Point] {
    (y..<maxY).flatMap { y in (x..<maxX).map { Point(x: $0, y: y) } }
      .filter { !inner.contains($0) }
  }
}
