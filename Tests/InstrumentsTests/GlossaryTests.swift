import ForgeCore
import TerminalUI
import Testing

@testable import Instruments

/// The glossary: `G` on any screen (and from the help overlay) explains the screen's terms
/// with its current numbers; Esc or G closes it, arrows scroll it, nothing reaches the screen.
struct GlossaryTests {
  static let size = Size(width: 80, height: 24)

  func opened(_ screen: ScreenID, size: Size = size) -> AppState {
    var app = AppState(screen: screen, size: size).started()
    _ = App.update(&app, .key(.char("G")))
    return app
  }

  @Test(arguments: ScreenID.allCases)
  func gOpensTheGlossaryOfTheScreenOnShow(screen: ScreenID) {
    let app = opened(screen)
    #expect(app.glossary == 0)
    #expect(App.view(app).text.contains("Glossary: \(screen.title)"))
  }

  @Test func theForgeTermsCarryTheDesignsNumbers() {
    var app = opened(.forge)
    app.forge.design = Preset.frontier2025.design
    let terms = Glossary.entries(app)
    let names = terms.map(\.term).joined(separator: " ")
    for term in ["MFU", "MoE k", "N_eff", "EQ numbers", "past Chinchilla", "KV cache"] {
      #expect(names.contains(term), "\(term)")
    }
    let all = terms.map(\.text).joined(separator: " ")
    #expect(all.contains("45%"))
    #expect(all.contains(Format.params(Metrics(app.forge.design).effectiveParams)))
    #expect(all.contains(Dossier(app.forge.design)["kv_per_user"]!.text))
  }

  @Test func underTrainingReadsAsUnderTrained() {
    var design = ForgeDesign()
    design.overtrain = 0.25
    let text = Glossary.forge(Dossier(design)).map(\.text).joined(separator: " ")
    #expect(text.contains("under-trained: 0.25× the Chinchilla tokens"))
    #expect(design.words(for: .overtrain) == "under-trained: 0.25× the Chinchilla tokens")
    #expect(ForgeDesign().words(for: .overtrain) == "4× past Chinchilla")
  }

  @Test func theJourneyTermsCarryItsSettingsAndEntropy() throws {
    var app = opened(.journey)
    _ = App.update(&app, .key(.escape))
    _ = App.update(&app, .key(.char("k")))
    _ = App.update(&app, .key(.char("G")))
    let terms = Glossary.entries(app)
    let names = terms.map(\.term)
    for term in ["logit lens", "residual norm", "entropy", "τ (temperature)", "top-k", "top-p"] {
      #expect(names.contains(term), "\(term)")
    }
    let k = try #require(app.journey.engine?.machine.settings.topK)
    #expect(terms.first { $0.term == "top-k" }!.text.contains("k = \(k)"))
    let entropy = try #require(app.journey.engine?.machine.distribution?.entropy)
    #expect(
      terms.first { $0.term == "entropy" }!.text.contains(JourneyState.fixed(entropy, 2)))
  }

  @Test func escAndGCloseAndKeysDoNotReachTheScreen() {
    var app = opened(.forge)
    let design = app.forge.design
    _ = App.update(&app, .key(.right))
    #expect(app.forge.design == design)
    _ = App.update(&app, .key(.down))
    #expect(app.glossary == 1)
    _ = App.update(&app, .key(.escape))
    #expect(app.glossary == nil)
    _ = App.update(&app, .key(.char("G")))
    _ = App.update(&app, .key(.char("G")))
    #expect(app.glossary == nil)
  }

  @Test func reachableFromTheHelpOverlay() {
    var app = AppState(size: Self.size).started()
    _ = App.update(&app, .key(.char("?")))
    #expect(App.view(app).text.contains("glossary"))
    _ = App.update(&app, .key(.char("G")))
    #expect(!app.showHelp)
    #expect(app.glossary == 0)
  }

  @Test func scrollingStopsAtTheEnd() {
    var app = opened(.journey)
    for _ in 0..<200 { _ = App.update(&app, .key(.down)) }
    let end = app.glossary
    _ = App.update(&app, .key(.down))
    #expect(app.glossary == end)
    #expect(App.view(app).text.contains("G or Esc closes"))
  }

  @Test func asciiGlossaryIsASCII() {
    var app = AppState(
      size: Self.size, capabilities: Capabilities(colors: .palette256, unicode: false)
    ).started()
    for screen in ScreenID.allCases {
      app.screen = screen
      app.glossary = 0
      let text = App.view(app).text
      #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(screen)")
    }
  }
}

/// Every term of art the Forge, Lifecycle, Exercises and Reading screens show is in their
/// glossary (issue 17 item 5): each screen in each of its states, at 80x24 and 200x50.
struct GlossaryCoverageTests {
  /// Terms a newcomer would need explained, as they appear on screen.
  static let jargon = [
    "FLOPs", "FLOP/s", "tok/s", "tok/param", "tokens/param", "FP8", "HBM", "parallelism",
    "rooflines", "MFU", "KV cache", "SFT", "RLVR", "LoRA", "QLoRA", "RAG", "distil", "GQA",
    "N_active", "Chinchilla", "EQ ", "DPO", "vLLM", "SGLang", "PEFT", "red team", "MoE",
    "B/s", "return path", "MLA", "N_eff", "IsoFLOP", "GPU-hours", "MoE k", "Utilisation",
    "Expert worth", "decode ceiling", "tensor parallel",
  ]

  static func screens(_ size: Size) -> [(String, AppState)] {
    var out: [(String, AppState)] = []
    for preset in Preset.allCases {
      var app = AppState(screen: .forge, size: size)
      app.forge.apply(preset)
      out.append(("forge \(preset)", app))
      app.forge.zone = .figures
      for figure in app.forge.design.isDense ? [0, 6, 9] : Array(0..<12) {
        app.forge.figure = figure
        app.forge.popup = .trace
        out.append(("forge \(preset) trace \(figure)", app))
      }
      app.forge.popup = .advanced
      out.append(("forge \(preset) advanced", app))
      app.forge.popup = nil
      app.forge.zone = .sliders
      app.forge.showPlot = true
      app.forge.plot.compareOpen = true
      for model in Gallery.models.indices {
        app.forge.plot.pick(model)
        out.append(("forge \(preset) compare \(model)", app))
      }
      app.forge.plot.compareOpen = false
      app.forge.plot.mode = .frontier
      out.append(("forge \(preset) frontier", app))
    }
    for stage in LifecycleStage.allCases {
      var app = AppState(screen: .lifecycle, size: size)
      app.lifecycle.selected = stage
      out.append(("lifecycle \(stage)", app))
      app.lifecycle.explaining = true
      out.append(("lifecycle \(stage) explained", app))
    }
    for kind in Exercise.Kind.allCases {
      var app = AppState(screen: .exercises, size: size)
      app.exercises.card = kind
      app.exercises.revealed = true
      out.append(("exercises \(kind)", app))
    }
    for row in ReadingEntry.all.indices {
      var app = AppState(screen: .reading, size: size)
      app.reading.selected = row
      out.append(("reading \(row)", app))
    }
    return out
  }

  @Test(arguments: [Size(width: 80, height: 24), Size(width: 200, height: 50)])
  func everyTermOnScreenIsInTheGlossary(size: Size) {
    for (name, app) in Self.screens(size) {
      let shown = App.view(app).text.lowercased()
      let terms = Glossary.entries(app).map { $0.term.lowercased() }.joined(separator: " | ")
      for term in Self.jargon where shown.contains(term.lowercased()) {
        let word = term.lowercased().trimmingCharacters(in: .whitespaces)
        #expect(terms.contains(word), "\(size) \(name): '\(term)' shown, not in the glossary")
      }
    }
  }
}
