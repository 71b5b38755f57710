import Foundation
import TerminalUI
import Testing

@testable import ForgeCore
@testable import Instruments

/// The Exercises screen uses the room it has (issue 17): at 80x24, 120x40, 200x50 and 250x70,
/// on every card with the seed's and new numbers, fresh, after a wrong answer (with the hint),
/// a recognised slip, a right answer, with the solution shown: the question, the feedback and
/// every line of the worked solution are on screen whole, the hint bar stays, nothing ends in
/// "…", and from 120x40 up no panel is more than half empty.
struct ExercisesRoomTests {
  struct Case {
    var name: String
    var app: AppState
    /// What must be on screen whole.
    var expected: [String]
  }

  static func typed(_ value: Double) -> [Key] {
    String(format: "%.6e", value).map { Key.char($0) } + [.enter]
  }

  static func cases(_ size: Size) -> [Case] {
    var out: [Case] = []
    for kind in Exercise.Kind.allCases {
      for deal in [0, 1, 2, 3, 4, 5] as [UInt64] {
        var base = AppState(screen: .exercises, size: size)
        base.exercises.card = kind
        base.exercises.deals[kind] = deal
        let e = base.exercises.exercise
        let solution =
          [e.trace.formula, "= " + e.trace.substituted] + e.steps.map { "= " + $0 }
          + ["= " + e.trace.result]
        let name = "\(kind) deal \(deal)"
        func run(_ keys: [Key]) -> AppState {
          var app = base
          for key in keys { _ = App.update(&app, .key(key)) }
          return app
        }
        out.append(Case(name: "\(name) fresh", app: base, expected: [e.question]))
        out.append(
          Case(
            name: "\(name) wrong", app: run(typed(e.answer * 1.25)),
            expected: [
              e.question, "Not quite: 25% too high. Try again, or s for the worked solution.",
            ]))
        out.append(
          Case(
            name: "\(name) right, solution", app: run(typed(e.answer) + [.char("s")]),
            expected: [e.question, "Correct: " + e.trace.result] + solution))
        for slip in e.slips where slip.isUnit {
          // The field stays open with the message, the solution already shown.
          let value = String(format: "%.6e", e.answer * slip.factor)
          guard case .failure(let error) = e.check(value) else { continue }
          out.append(
            Case(
              name: "\(name) unit slip \(slip.factor), solution",
              app: run([.char("s")] + typed(e.answer * slip.factor)),
              expected: [e.question, error.message] + solution))
        }
        for slip in e.slips where !slip.isUnit {
          let app = run(typed(e.answer * slip.factor) + [.char("s")])
          let note = e.check(String(format: "%.6e", e.answer * slip.factor))
          guard case .success(let check) = note, let text = check.note else { continue }
          out.append(
            Case(
              name: "\(name) slip \(slip.factor), solution", app: app,
              expected: [e.question, text] + solution))
        }
      }
    }
    return out
  }

  /// A panel's inside as one line of words, so wrapped text reads as it was written.
  static func words(_ c: Canvas, _ panel: Rect) -> String {
    RoomAudit.rows(c, panel).map { $0.trimmingCharacters(in: .whitespaces) }
      .joined(separator: " ").split(separator: " ").joined(separator: " ")
  }

  static func flat(_ s: String) -> String { s.split(separator: " ").joined(separator: " ") }

  @Test(arguments: RoomAudit.sizes)
  func theWholeCardIsOnScreenAndNoPanelIsCut(size: Size) {
    for item in Self.cases(size) {
      let c = App.view(item.app)
      let panels = PanelFinder.panels(c)
      let shown = panels.map { Self.words(c, $0) }
      for text in item.expected.map(Self.flat) where !shown.contains(where: { $0.contains(text) }) {
        Issue.record("\(size) \(item.name): not on screen whole: \(text)")
      }
      let cut = PanelFinder.ellipses(c, panels)
      #expect(cut.isEmpty, "\(size) \(item.name): cut in \(cut)")
      let named = panels.map { (PanelFinder.title(c, $0), $0) }
      for finding in RoomAudit.findings(c, panels: named) {
        Issue.record("\(size) \(item.name): \(finding)")
      }
      let hints = String((0..<size.width).map { c[$0, size.height - 1].glyph })
      #expect(hints.contains("next screen"), "\(size) \(item.name): hint bar \(hints)")
      if size.width >= 120 {
        let empty = panels.filter { RoomAudit.halfEmpty(RoomAudit.rows(c, $0)) }
        #expect(
          empty.isEmpty,
          "\(size) \(item.name): half empty \(empty.map { PanelFinder.title(c, $0) })")
      }
    }
  }

  @Test(arguments: RoomAudit.sizes.dropFirst())
  func wideTheWorkedSolutionStandsBesideTheCard(size: Size) {
    var app = AppState(screen: .exercises, size: size)
    _ = App.update(&app, .key(.char("s")))
    let c = App.view(app)
    let panels = PanelFinder.panels(c)
    let work = panels.first { PanelFinder.title(c, $0).hasPrefix("Question 1") }
    let solution = panels.first { PanelFinder.title(c, $0).hasPrefix("Worked solution") }
    #expect(
      work != nil && solution != nil && solution!.x >= work!.maxX && solution!.y == work!.y,
      "\(size): \(String(describing: work)) \(String(describing: solution))")
  }

  /// The large sizes where the room below the panels must be used (issue 17).
  static let large = [Size(width: 200, height: 50), Size(width: 250, height: 70)]

  /// At 200x50 and 250x70 the body is not mostly blank: on every card, fresh and with the
  /// worked solution shown, at most a quarter of the body's rows are blank (the Lifecycle's
  /// rule), so the spare height goes to something a lecturer can show.
  @Test(arguments: large)
  func largeScreensUseTheirHeight(size: Size) {
    let body = ShellLayout(size: size).body
    for kind in Exercise.Kind.allCases {
      for reveal in [false, true] {
        var app = AppState(screen: .exercises, size: size)
        app.exercises.card = kind
        if reveal { _ = App.update(&app, .key(.char("s"))) }
        let blank = PanelFinder.blankRows(App.view(app), body)
        #expect(
          blank * 4 <= body.height,
          "\(size) \(kind) solution \(reveal): \(blank) blank rows of \(body.height)")
      }
    }
  }

  /// The screen's text, one line of words per row.
  static func screenText(_ c: Canvas) -> String {
    (0..<c.size.height).map { y in String((0..<c.size.width).map { c[$0, y].glyph }) }
      .joined(separator: "\n")
  }

  /// The room under the card follows the Forge: the design line and the dossier's equations
  /// with the numbers of the design now on the Forge's sliders, read from the Forge's own
  /// dossier; and the card's equation worked on the gallery's real models on that design's GPU.
  @Test func theRoomBelowFollowsTheForgeDesign() {
    var app = AppState(screen: .exercises, size: Size(width: 250, height: 70))
    var design = ForgeDesign.seedDefault
    design.budget = 3e24
    design.gpu = GPU.catalog.first { $0.id == "b200" }!
    design.precision = .fp4
    app.forge.design = design
    #expect(app.forgeDossier == Dossier(design))
    let before = Self.screenText(App.view(AppState(screen: .exercises, size: app.size)))
    let text = Self.screenText(App.view(app))
    let dossier = Dossier(design)
    for id in ["compute", "decode_ceiling", "kv_per_user"] {
      let line = dossier[id]!.trace.line
      #expect(text.contains(line), "\(id): \(line)")
      #expect(!before.contains(line), "\(id) already on the seed's screen: \(line)")
    }
    #expect(text.contains(LifecycleFigures.designLine(design, glyphs: GlyphSet.unicode)))
    // Card 2: Llama-3-8B at FP4 on one B200.
    _ = App.update(&app, .key(.right))
    let card2 = Self.screenText(App.view(app))
    let llama = Gallery.models.first { $0.id == "llama3-8b" }!
    let rate = design.gpu.bandwidth / (llama.activeParams * design.precision.bytes)
    #expect(card2.contains("one B200 at FP4"))
    #expect(card2.contains(Format.tokensPerSecond(rate, precise: true)))
  }
}
