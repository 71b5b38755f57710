import ForgeCore
import JourneyCore
import TerminalUI
import Testing

@testable import Instruments

/// The guided tour: every step sets the instruments itself, its caption fits two lines at 80
/// columns, and Right, Left and Esc move through it as the help says.
struct TourTests {
  static let small = Size(width: 80, height: 24)
  static let sizes = [
    Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 50),
    Size(width: 250, height: 70),
  ]

  /// The app on step `index` of the tour, reached by Right presses from the start.
  func app(at index: Int, size: Size = small, capabilities: Capabilities = .full) -> AppState {
    var app = AppState(size: size, capabilities: capabilities).started()
    _ = App.update(&app, .key(.char("T")))
    for _ in 0..<index { _ = App.update(&app, .key(.right)) }
    return app
  }

  @Test func aboutADozenSteps() {
    #expect((12...16).contains(TourScript.steps.count))
  }

  @Test func theKeyTStartsTheTourOnItsFirstStep() {
    let app = app(at: 0)
    #expect(app.tour?.index == 0)
    #expect(app.screen == .forge)
    #expect(App.view(app).line(0).contains("Tour 1/\(TourScript.steps.count)"))
  }

  @Test(arguments: [false, true])
  func everyCaptionFitsTwoLinesAt80Columns(ascii: Bool) {
    let caps = Capabilities(colors: .palette256, unicode: !ascii)
    for i in TourScript.steps.indices {
      let app = app(at: i, capabilities: caps)
      let lines = TourView.captionLines(
        app.tour!, app, width: ShellLayout(app).caption.width - 2, context: app.renderContext)
      #expect(lines.count <= 2, "step \(i + 1): \(lines.map(\.plain))")
      #expect(!lines.contains { $0.plain.contains(app.renderContext.glyphs.ellipsis) })
      // The whole caption is on screen: the bottom two rows hold every word of it.
      let canvas = App.view(app)
      let bottom = (canvas.line(22) + " " + canvas.line(23)).split(separator: " ")
      let words = lines.flatMap { $0.plain.split(separator: " ") }
      #expect(bottom == words, "step \(i + 1)")
      #expect(!canvas.line(0).contains(app.renderContext.glyphs.ellipsis), "step \(i + 1) title")
    }
  }

  @Test func captionsCarryTheNumbersOnScreen() {
    let loss = app(at: 2)
    #expect(App.view(loss).line(23).contains("1.917") || App.view(loss).line(22).contains("1.917"))
    let kv = app(at: 7)
    let text = App.view(kv).text
    #expect(kv.forge.preset == .irresponsible)
    #expect(text.contains("412 GB"))
    #expect(text.contains(Format.count(Double(kv.forge.dossier.longestContext))))
  }

  @Test func stepsWalkTheNarrativeInOrder() {
    let screens = TourScript.steps.indices.map { app(at: $0).screen }
    #expect(screens.first == .forge)
    #expect(screens.last == .lifecycle)
    #expect(screens.contains(.journey))
    let presets = TourScript.steps.indices.compactMap { i -> Preset? in
      let a = app(at: i)
      return a.screen == .forge ? a.forge.preset : nil
    }
    #expect(
      Array(presets.drop { $0 == .seedDefault })
        == [.chinchilla, .llama3Economics, .frontier2025, .irresponsible])
  }

  @Test func theJourneyStepsLightStagesInOrder() {
    let stages = TourScript.steps.indices.compactMap { i -> JourneyCore.Stage? in
      let a = app(at: i)
      return a.screen == .journey ? a.journey.engine?.machine.stage : nil
    }
    #expect(Array(stages.prefix(3)) == [.tokens, .logits, .append])
  }

  /// The tour's temperature runs, lit stage by stage, draw what the seed's `generate(tau)`
  /// (the StepMachine's `step`, as `fullstack journey` runs it) draws.
  @Test(arguments: [1, 25])
  func temperatureStepsMatchTheCommandLine(tenths: Int) throws {
    let index = try #require(
      TourScript.steps.indices.first {
        let a = app(at: $0)
        return a.screen == .journey && a.journey.temperatureTenths == tenths
      })
    let tour = app(at: index).journey.engine!.machine
    var cli = StepMachine(
      model: try ModelCatalog().load("seed-toy"), prompt: tour.prompt,
      settings: SamplerSettings(temperature: Double(tenths) / 10), seed: 0)
    for _ in 0..<15 { _ = cli.step() }
    #expect(tour.history.stored == cli.history.stored)
    #expect(tour.history.generatedCount == 15)
  }

  @Test func leftGoesBackToTheSameInstruments() {
    for i in 1..<TourScript.steps.count {
      var back = app(at: i)
      _ = App.update(&back, .key(.left))
      let direct = app(at: i - 1)
      #expect(back.tour?.index == direct.tour?.index)
      #expect(back.screen == direct.screen)
      #expect(back.forge == direct.forge, "step \(i)")
      #expect(back.lifecycle == direct.lifecycle)
      #expect(App.view(back) == App.view(direct), "step \(i)")
    }
  }

  @Test func spaceAlsoGoesOnAndLeftStopsAtTheStart() {
    var a = app(at: 0)
    _ = App.update(&a, .key(.left))
    #expect(a.tour?.index == 0)
    _ = App.update(&a, .key(.char(" ")))
    #expect(a.tour?.index == 1)
  }

  @Test func escLeavesEverythingAsTheTourLeftIt() {
    var a = app(at: 7)
    let forge = a.forge
    _ = App.update(&a, .key(.escape))
    #expect(a.tour == nil)
    #expect(a.screen == .forge)
    #expect(a.forge == forge)
    // The panel is the user's again: keys reach the screen, the tabs and hints are back.
    _ = App.update(&a, .key(.char("1")))
    #expect(a.forge.preset == .chinchilla)
    #expect(App.view(a).line(0).contains("F1"))
  }

  @Test func rightOnTheLastStepLeavesTheTour() {
    var a = app(at: TourScript.steps.count - 1)
    #expect(a.screen == .lifecycle)
    _ = App.update(&a, .key(.right))
    #expect(a.tour == nil)
    #expect(a.screen == .lifecycle)
  }

  @Test func quitStillQuitsAndOtherKeysDoNothing() {
    var a = app(at: 3)
    let before = a
    #expect(App.update(&a, .key(.char("x"))) == .running)
    #expect(App.update(&a, .key(.tab)) == .running)
    #expect(a == before)
    #expect(App.update(&a, .key(.char("q"))) == .quit(.user))
    #expect(App.update(&a, .key(.ctrl("c"))) == .quit(.user))
  }

  @Test func theMouseCannotChangeTheInstrumentsMidTour() {
    var a = app(at: 0)
    let before = a
    _ = App.update(&a, .mouse(MouseEvent(.press, x: 20, y: 3)))
    #expect(a == before)
  }

  @Test(arguments: sizes)
  func everyStepDrawsAtEverySize(size: Size) {
    for i in TourScript.steps.indices {
      let a = app(at: i, size: size)
      let canvas = App.view(a)
      #expect(canvas.size == size)
      #expect(canvas.line(0).contains("Tour \(i + 1)/"))
      #expect(!canvas.line(size.height - 2).trimmingCharacters(in: .whitespaces).isEmpty)
    }
  }

  @Test func asciiTerminalsGetAnASCIITour() {
    let caps = Capabilities(colors: .palette256, unicode: false)
    for i in TourScript.steps.indices {
      let text = App.view(app(at: i, capabilities: caps)).text
      #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "step \(i + 1)")
    }
  }

  @Test func theHelpNamesTheTourKey() {
    #expect(App.shellKeymap(AppState(size: Self.small)).help.contains { $0.keys == "T" })
  }
}
