import ForgeCore
import TerminalUI
import Testing

@testable import Instruments

/// The Forge layout: everything on screen at 80x24, and sane rects at every size above it.
struct ForgeLayoutTests {
  static let widths = [80, 81, 99, 119, 120, 121, 159, 160, 200, 250]
  static let heights = [24, 25, 39, 40, 41, 50, 70]

  @Test func at80x24EverySliderAndFigureIsOnScreen() {
    let s = AppState(screen: .forge, size: Size(width: 80, height: 24))
    let canvas = App.view(s)
    let layout = ForgeLayout(ShellLayout(size: s.size).body)
    for (i, decision) in Decision.allCases.enumerated() {
      let rows = layout.slider(i)
      #expect(rows.height == 2, "\(decision)")
      #expect(canvas.line(rows.y).contains(decision.label))
    }
    for (i, figure) in s.forge.dossier.figures.enumerated() {
      let row = layout.figureRow(i)
      #expect(row.width > 0)
      // With its second figure (GPU-hours beside the cost, …) under a shorter label if need be.
      let labels = [figure.label] + ForgeDossierView.shorterLabels(figure.id)
      #expect(labels.contains { canvas.line(row.y).contains($0) }, "\(figure.id)")
      #expect(canvas.line(row.y).contains(figure.fullText), "\(figure.id)")
    }
  }

  @Test func theTraceIsAlwaysShownFrom120Columns() {
    for width in [119, 120, 200] {
      let s = AppState(screen: .forge, size: Size(width: width, height: 24))
      let shown = App.view(s).text.contains("Trace · Predicted loss")
      #expect(shown == (width >= ForgeLayout.wideWidth), "width \(width)")
    }
  }

  @Test(arguments: widths, heights)
  func partsStayInsideTheBodyAndApart(width: Int, height: Int) {
    let body = ShellLayout(size: Size(width: width, height: height)).body
    let l = ForgeLayout(body)
    let parts = [l.sliders, l.info, l.dossier, l.verdicts, l.trace, l.plot].filter { !$0.isEmpty }
    for p in parts { #expect(p.intersection(body) == p, "\(p) outside \(body)") }
    for (i, a) in parts.enumerated() {
      for b in parts[(i + 1)...] { #expect(a.intersection(b).isEmpty, "\(a) overlaps \(b)") }
    }
    #expect(l.sliders.height == ForgeLayout.topHeight)
    #expect(l.dossier.height == ForgeLayout.topHeight)
    #expect(!l.trace.isEmpty == (width >= ForgeLayout.wideWidth))
  }

  @Test(arguments: widths, heights)
  func everyPopupDrawsAtEverySize(width: Int, height: Int) {
    let size = Size(width: width, height: height)
    var s = AppState(screen: .forge, size: size)
    for keys: [Key] in [[], [.enter], [.escape, .char("a")], [.escape, .char("4"), .char("g")]] {
      for k in keys { _ = App.update(&s, .key(k)) }
      #expect(App.view(s).size == size)
    }
  }
}

/// At 80x24 the sliders keep their names whole: a long value gives way to its short form.
struct ForgeSliderLabelTests {
  @Test(arguments: Preset.allCases)
  func namesAreWholeAt80x24(preset: Preset) {
    var app = AppState(size: Size(width: 80, height: 24))
    app.forge.apply(preset)
    let text = App.view(app).text
    for decision in Decision.allCases { #expect(text.contains(decision.label + " ")) }
    #expect(!text.contains("Over-traini…"))
  }

  @Test func a100KeepsTheGPUName() {
    var app = AppState(size: Size(width: 80, height: 24))
    app.forge.design.gpu = GPU.named("a100")!
    let text = App.view(app).text
    #expect(text.contains("GPU "))
    #expect(text.contains("A100"))
  }
}
