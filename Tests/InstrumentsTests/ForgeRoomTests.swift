import ForgeCore
import TerminalUI
import Testing

@testable import Instruments

/// The Forge uses the room it has (issue 17): at 80x24, 120x40, 200x50 and 250x70, in the
/// states a lecture goes through, no panel is more than half empty while another cuts its text,
/// nothing is cut with "…" at all, preset titles and dossier rows keep every word, and every
/// verdict can be reached.
struct ForgeRoomTests {
  static let sizes = RoomAudit.sizes

  static func app(_ size: Size, _ keys: [Key], unicode: Bool = true) -> AppState {
    var s = AppState(
      screen: .forge, size: size,
      capabilities: Capabilities(colors: .palette256, unicode: unicode))
    for k in keys { _ = App.update(&s, .key(k)) }
    return s
  }

  /// Keys that put each decision on its first and on its last stop, from the seed default.
  static var extremes: [(String, [Key])] {
    Decision.allCases.enumerated().flatMap { i, d in
      let down = Array(repeating: Key.down, count: i)
      return [("\(d) first", down + [.home]), ("\(d) last", down + [.end])]
    }
  }

  /// The states: the default, each preset, 10^27, the slider extremes, the plot, the
  /// comparison, the figures cursor, and (checked on their own) the trace and advanced boxes.
  static var states: [(String, [Key])] {
    [("default", [])]
      + Preset.allCases.map { ("preset \($0.rawValue)", [Key.char(Character("\($0.rawValue)"))]) }
      + [
        ("10^27", [.pageUp, .pageUp]),
        ("10^27 plot", [.pageUp, .pageUp, .char("g")]),
        ("compare", [.char("c")]),
        ("frontier view", [.char("v")]),
        ("real model beside preset 2", [.char("2"), .char("r")]),
        ("figures", [.char("t"), .down, .down]),
        ("4090 figures", [.char("4"), .char("t")]),
        ("MoE k 1.0", [.char("3"), .char("a"), .down, .end, .escape]),
      ] + extremes
  }

  static func body(_ s: AppState) -> Rect { ShellLayout(s).body }

  /// Every state at `size`: its name, the app, what it draws and where the parts went.
  static func rendered(_ size: Size) -> [(String, AppState, Canvas, ForgeLayout)] {
    states.map { name, keys in
      let s = app(size, keys)
      return (name, s, App.view(s), layout(s))
    }
  }

  /// The text of one row of the canvas.
  static func text(_ c: Canvas, _ row: Rect) -> String {
    String((row.x..<row.maxX).map { c[$0, row.y].glyph })
  }

  /// The Forge's panels as drawn in state `s`, named.
  static func layout(_ s: AppState) -> ForgeLayout {
    s.forge.layout(body(s), context: s.renderContext)
  }

  static func panels(_ s: AppState) -> [(String, Rect)] {
    let layout = layout(s)
    var out: [(String, Rect)] = [("sliders", layout.sliders), ("design", layout.info)]
    if !layout.plotCoversDossier(toggled: s.forge.showPlot) {
      out += [("dossier", layout.dossier), ("verdicts", layout.verdicts)]
    }
    if !layout.trace.isEmpty { out.append(("trace", layout.trace)) }
    if !layout.terms.isEmpty { out.append(("terms", layout.terms)) }
    let plot = layout.plotShown(toggled: s.forge.showPlot)
    if !plot.isEmpty { out.append(("plot", plot)) }
    return out
  }

  /// Rows of the body that cut a text with "…" (in ASCII a "~" ending a word), the verdicts'
  /// own "… 3 more" line aside.
  static func ellipses(_ c: Canvas, _ area: Rect) -> [String] {
    (area.y..<area.maxY).compactMap { y in
      let row = text(c, Rect(x: area.x, y: y, width: area.width, height: 1))
      let rest = row.replacing(/[…~] \d* ?more: m shows/, with: "")
      return rest.contains("…") || rest.contains(/\S~(\s|\||$)/) ? row : nil
    }
  }

  @Test(arguments: sizes)
  func noPanelHalfEmptyWhileAnotherIsCut(size: Size) {
    for (name, s, c, layout) in Self.rendered(size) {
      var cut: [String] = []
      if !layout.plotCoversDossier(toggled: s.forge.showPlot),
        ForgeVerdictsView.lastLine(
          ForgeVerdictsView.Wrapped(
            s.forge.dossier.verdicts, area: layout.verdicts, context: s.renderContext),
          area: layout.verdicts, context: s.renderContext)
          > 0
      {
        cut.append("verdicts (scrolled)")
      }
      for finding in RoomAudit.findings(c, panels: Self.panels(s), alsoCut: cut) {
        Issue.record("\(size) \(name): \(finding)")
      }
    }
  }

  @Test(arguments: sizes)
  func nothingIsCutWithAnEllipsis(size: Size) {
    let popups: [(String, [Key])] = [
      ("trace", [.enter]), ("advanced", [.char("a")]), ("4090 trace", [.char("4"), .enter]),
      (
        "10^27 trace of the fleet",
        [.pageUp, .pageUp, .char("t")] + Array(repeating: .down, count: 6) + [.enter]
      ),
    ]
    for (name, keys) in Self.states + popups {
      for unicode in [true, false] {
        let s = Self.app(size, keys, unicode: unicode)
        let c = App.view(s)
        for row in Self.ellipses(c, Self.body(s)) {
          Issue.record("\(size) \(name)\(unicode ? "" : " ASCII"): cut: \(row)")
        }
      }
    }
  }

  /// At 250x70 the verdicts take the rows they need and the terms, explained with the design's
  /// numbers, take the rest of the column.
  @Test(arguments: ["default", "preset 3", "preset 4", "10^27"])
  func aBigScreenSizesTheVerdictsAndExplainsTheTerms(name: String) throws {
    let keys = try #require(Self.states.first { $0.0 == name }).1
    let s = Self.app(Size(width: 250, height: 70), keys)
    let c = App.view(s)
    let layout = Self.layout(s)
    #expect(!RoomAudit.halfEmpty(RoomAudit.rows(c, layout.verdicts)), "\(name)")
    try #require(!layout.terms.isEmpty, "\(name)")
    let terms = RoomAudit.rows(c, layout.terms).joined(separator: " ")
    #expect(terms.contains("Model FLOPs utilisation"))
    #expect(terms.contains(s.forge.dossier.text("kv_per_user")))
  }

  @Test(arguments: sizes, Preset.allCases)
  func thePresetTitleKeepsEveryWord(size: Size, preset: Preset) {
    let s = Self.app(size, [.char(Character("\(preset.rawValue)"))])
    let c = App.view(s)
    let shown = RoomAudit.rows(c, Self.layout(s).info).joined(separator: " ")
    let words = shown.split(separator: " ").map(String.init)
    for word in preset.title.split(separator: " ").map(String.init) {
      #expect(words.contains(word), "\(size): '\(word)' of '\(preset.title)' missing in \(shown)")
    }
  }

  /// Each slider row shows its name and its value whole (the value in full or a shorter form).
  @Test(arguments: sizes)
  func sliderRowsKeepTheirWords(size: Size) {
    for (name, s, c, layout) in Self.rendered(size) {
      for (i, decision) in Decision.allCases.enumerated() {
        let row = Self.text(c, layout.slider(i).row(0)).trimmingCharacters(in: .whitespaces)
        let forms =
          [s.forge.design.words(for: decision)] + s.forge.design.shortWords(for: decision)
        #expect(
          row.hasPrefix(decision.label + " ") && forms.contains { row.hasSuffix(" " + $0) },
          "\(size) \(name): \(row)")
      }
    }
  }

  /// Each dossier row shows its value whole and its label whole (or one of its shorter forms).
  @Test(arguments: sizes)
  func dossierRowsKeepTheirWords(size: Size) {
    for (name, s, c, layout) in Self.rendered(size)
    where !layout.plotCoversDossier(toggled: s.forge.showPlot) {
      for (i, figure) in s.forge.dossier.figures.enumerated() {
        let row = Self.text(c, layout.figureRow(i))
        #expect(row.contains(figure.text), "\(size) \(name): \(row) lost \(figure.text)")
        let labels = [figure.label] + ForgeDossierView.shorterLabels(figure.id)
        #expect(
          labels.contains { row.dropFirst(2).hasPrefix($0 + " ") },
          "\(size) \(name): \(row) cuts \(figure.label)")
      }
    }
  }

  /// Paging with `m` through the verdicts panel at 80x24 shows every problem in full and every
  /// passing check by name, then comes back to the first page.
  @Test(
    arguments: [("10^27", [Key.pageUp, .pageUp])]
      + Preset.allCases.map {
        ("preset \($0.rawValue)", [Key.char(Character("\($0.rawValue)"))])
      })
  func everyVerdictIsReachableAt80x24(name: String, keys: [Key]) {
    var s = Self.app(Size(width: 80, height: 24), keys)
    let area = ForgeLayout(Self.body(s)).verdicts
    var seen: [String] = []
    var pages = 0
    repeat {
      seen += RoomAudit.rows(App.view(s), area).map {
        String($0.map { $0 == .noBreakSpace ? " " : $0 })
      }
      _ = App.update(&s, .key(.char("m")))
      pages += 1
    } while s.forge.verdictLine != 0 && pages < 20
    #expect(pages < 20, "\(name): m never came back to the top")
    let text = seen.filter { !$0.contains("m shows") && !$0.contains("m back") }
      .joined(separator: " ").split(separator: " ").joined(separator: " ")
    for verdict in s.forge.dossier.verdicts {
      let wanted =
        verdict.severity == .ok && !text.contains(verdict.message)
        ? "✓ " + ForgeMarks.checkNames[verdict.id]! : verdict.message
      #expect(text.contains(wanted), "\(name): \(wanted) never shows")
    }
  }
}
