import ForgeCore
import TerminalUI
import Testing

@testable import Instruments

/// What the Forge's state keeps between frames so the view need not work it out again (the
/// plot's IsoFLOP curves, the laid-out pages with the info box, the trace box and the plot,
/// the plot drawn) always equals the recomputation: after every
/// key of a random walk over the sliders, the plot's keys and the presets, on screens with
/// and without a plot slot, and the screen drawn from what it keeps is the screen drawn
/// without it.
struct ForgeMemoTests {
  static let keys: [Key] = [
    .right, .left, .right, .left, .down, .up, .shiftRight, .shiftLeft, .home, .end,
    .char("1"), .char("2"), .char("3"), .char("4"), .char("0"), .char("v"), .char("]"),
    .char("["), .char("c"), .char("g"), .escape, .char("a"), .char("t"),
  ]

  /// Equal pages, as their descriptions tell: the plot cuts a curve where it leaves the chart
  /// with NaN points, and NaN is unequal to itself (a description spells every other number
  /// exactly).
  /// The drawn parts are compared as cells and the verdicts' kept lines as values (they hold
  /// no numbers, and their descriptions would be long).
  static func same(_ a: ForgePage, _ b: ForgePage) -> Bool {
    guard
      a.plotDrawn == b.plotDrawn, a.termsDrawn == b.termsDrawn, a.traceDrawn == b.traceDrawn,
      a.verdictContents == b.verdictContents
    else { return false }
    return String(describing: undrawn(a)) == String(describing: undrawn(b))
  }

  /// The page without its drawn parts and the verdicts' kept lines: the view then draws and
  /// builds them itself.
  static func undrawn(_ page: ForgePage) -> ForgePage {
    var page = page
    page.verdictContents = []
    page.plotDrawn = nil
    page.termsDrawn = nil
    page.traceDrawn = nil
    return page
  }

  /// The sliders box drawn, on a canvas of its own size, from a fresh state with `inputs`.
  static func drawn(_ inputs: ForgePanels.SlidersInputs, _ context: RenderContext)
    -> CanvasPatch
  {
    var state = ForgeState(design: inputs.design)
    state.focus = inputs.focus
    state.dragging = inputs.dragging
    state.zone = inputs.active ? .sliders : .figures
    return CanvasPatch(drawing: inputs.area) {
      ForgeSlidersView.draw(state, into: &$0, area: $1, context: context)
    }
  }

  /// The dossier box drawn, on a canvas of its own size, from a fresh state with `inputs`.
  static func drawn(_ inputs: ForgePanels.DossierInputs, _ context: RenderContext)
    -> CanvasPatch
  {
    var state = ForgeState(design: inputs.design)
    state.previous = inputs.previous
    state.zone = inputs.zone
    state.figure = inputs.figure
    state.popup = inputs.popupOpen ? .trace : nil
    return CanvasPatch(drawing: inputs.area) {
      ForgeDossierView.draw(
        state, state.dossier, into: &$0, area: $1, context: context)
    }
  }

  @Test(arguments: [
    Size(width: 250, height: 70), Size(width: 160, height: 48),
    Size(width: 100, height: 30),
  ])
  func keptCurvesAreTheRecomputation(size: Size) {
    var rng = MemoLcg(seed: UInt64(size.width))
    var s = AppState(screen: .forge, size: size)
    for step in 0..<300 {
      _ = App.update(&s, .key(Self.keys[rng.next(Self.keys.count)]))
      let body = ShellLayout(s).body
      // Idle between some keys, as the runner is: the work ahead is each time what a fresh
      // state with its key's values gives, and the next key may take from it.
      if rng.next(2) == 0 {
        _ = App.workAhead(&s)
        for entry in s.forge.ahead.entries {
          #expect(entry.key.area == body && entry.key.context == s.renderContext)
          #expect(entry.dossier == Dossier(entry.key.design), "step \(step)")
          var fresh = ForgeState(design: entry.key.design, preset: entry.key.preset)
          fresh.zone = entry.key.zone
          fresh.figure = entry.key.figure
          fresh.plot = entry.key.plot
          fresh.showPlot = entry.key.showPlot
          #expect(
            Self.same(entry.page, fresh.layOut(body, context: s.renderContext)), "step \(step)")
        }
      }
      let forge = s.forge
      // The sliders and dossier boxes kept, and those drawn ahead, are what drawing from
      // their inputs gives; the ones for now come first.
      for held in [forge.panels] + forge.ahead.entries.map(\.panels) {
        guard let context = held.context else {
          #expect(held.sliders.isEmpty && held.dossier.isEmpty, "step \(step)")
          continue
        }
        for drawn in held.sliders {
          #expect(drawn.patch == Self.drawn(drawn.inputs, context), "step \(step)")
        }
        for drawn in held.dossier {
          #expect(drawn.patch == Self.drawn(drawn.inputs, context), "step \(step)")
        }
      }
      let laid = forge.page(body, context: s.renderContext).layout
      #expect(
        forge.panels.sliders.first?.inputs
          == forge.slidersInputs(laid.sliders), "step \(step)")
      if forge.showsDossier(laid) {
        #expect(
          forge.panels.dossier.first?.inputs
            == forge.dossierInputs(laid.dossier), "step \(step)")
      }
      #expect(forge.panels.sliders.count <= 2 && forge.panels.dossier.count <= 2)
      #expect(forge.panels.context == s.renderContext, "step \(step)")
      // The kept pages: the one for now first, each the page a fresh state with its key's
      // values lays out (a page depends on those alone).
      let now = ForgePages.Key(
        design: forge.design, preset: forge.preset, zone: forge.zone, figure: forge.figure,
        plot: forge.plot, showPlot: forge.showPlot, area: body, context: s.renderContext)
      #expect(forge.pages.entries.first?.key == now, "step \(step)")
      #expect(forge.pages.entries.count <= 2, "step \(step)")
      // The kept dossiers, their traces' notes (built when read) as well, are the fresh ones.
      #expect(forge.dossier == Dossier(forge.design), "step \(step)")
      #expect(forge.previousDossier == forge.previous.map(Dossier.init), "step \(step)")
      for entry in forge.pages.entries {
        var fresh = ForgeState(design: entry.key.design, preset: entry.key.preset)
        fresh.zone = entry.key.zone
        fresh.figure = entry.key.figure
        fresh.plot = entry.key.plot
        fresh.showPlot = entry.key.showPlot
        let page = fresh.layOut(entry.key.area, context: entry.key.context)
        #expect(Self.same(entry.page, page), "step \(step)")
      }
      #expect(
        Self.same(
          forge.page(body, context: s.renderContext),
          forge.layOut(body, context: s.renderContext)), "step \(step)")
      let slot = ForgeLayout(body).plotShown(toggled: forge.showPlot)
      let fresh = ForgePlotSlot.curves(
        area: slot, design: forge.design, state: forge.plot, keeping: ForgePlotCurves())
      if slot.isEmpty {
        #expect(forge.plotCurves.entries.isEmpty, "step \(step)")
        continue
      }
      // The arguments the plot needs first, then at most two spare; each with its curve.
      let needed = fresh.entries.map(\.args)
      #expect(
        Array(forge.plotCurves.entries.map(\.args).prefix(needed.count)) == needed, "step \(step)")
      #expect(forge.plotCurves.entries.count <= needed.count + 2, "step \(step)")
      for entry in forge.plotCurves.entries {
        #expect(entry.curve == entry.args.curve, "step \(step)")
      }
      // The plot takes every curve it draws from them: the points are the ones worked out.
      let plot = ForgePlotSlot.layout(slot, state: forge.plot).plot
      if !plot.isEmpty, forge.plot.mode == .isoFLOP {
        let resolution = ForgePlotPanel.resolution(Panel.inner(of: plot))
        let kept = ForgePlotPoints(
          design: forge.design, state: forge.plot, resolution: resolution,
          curves: forge.plotCurves)
        let worked = ForgePlotPoints(
          design: forge.design, state: forge.plot, resolution: resolution)
        #expect(kept == worked, "step \(step)")
        #expect(
          ForgePlotPoints.curveArgs(
            design: forge.design, state: forge.plot, resolution: resolution
          ).allSatisfy { args in forge.plotCurves.entries.contains { $0.args == args } },
          "step \(step)")
      }
      // The plot, the terms and the trace box as the page drew them are what drawing them
      // straight onto the screen gives.
      if step % 5 == 0 {
        let page = forge.page(body, context: s.renderContext)
        #expect(page.plotDrawn != nil || page.plot == nil, "step \(step)")
        #expect(page.traceDrawn != nil || page.layout.trace.isEmpty, "step \(step)")
        #expect(page.termsDrawn != nil || page.layout.terms.isEmpty, "step \(step)")
        // The verdicts' lines kept for each height are the ones built there and then.
        for kept in page.verdictContents {
          let built = ForgeVerdictsView.content(
            page.verdicts, height: kept.height, context: s.renderContext)
          #expect(kept.lines == built.lines && kept.starts == built.starts, "step \(step)")
        }
        var direct = s
        direct.forge.pages = ForgePages(key: now, page: Self.undrawn(page), keeping: ForgePages())
        #expect(App.view(direct) == App.view(s), "step \(step)")
      }
      if step % 25 == 0 {
        var bare = s
        bare.forge.plotCurves = ForgePlotCurves()
        bare.forge.pages = ForgePages()
        bare.forge.ahead = ForgeAhead()
        bare.forge.panels = ForgePanels()
        #expect(App.view(bare) == App.view(s), "step \(step)")
      }
    }
  }

  /// A move back to the design before finds its page kept; a move to a new one keeps the
  /// page it leaves.
  @Test func aMoveBackFindsItsPage() throws {
    var s = AppState(screen: .forge, size: Size(width: 250, height: 70))
    let body = ShellLayout(s).body
    _ = App.update(&s, .key(.right))
    let moved = try #require(s.forge.pages.entries.first)
    _ = App.update(&s, .key(.left))
    #expect(s.forge.design == ForgeDesign.seedDefault)
    #expect(s.forge.pages.entries.map(\.key.design) == [.seedDefault, moved.key.design])
    _ = App.update(&s, .key(.down))
    #expect(s.forge.pages.entries.map(\.key.design) == [.seedDefault, moved.key.design])
    let kept = try #require(
      s.forge.pages.page(
        for: ForgePages.Key(
          design: moved.key.design, preset: s.forge.preset, zone: s.forge.zone,
          figure: s.forge.figure, plot: s.forge.plot, showPlot: s.forge.showPlot, area: body,
          context: s.renderContext)))
    #expect(Self.same(kept, moved.page))
  }

  /// Idle on a slider, the Forge works out the designs a stop either way (the one it came
  /// from is kept already); a move there takes its dossier, page and curves as they are, and
  /// the frame is the one drawn without them. Focus on another slider works out its own.
  @Test func aMoveToADesignWorkedOutAheadTakesIt() throws {
    var s = AppState(screen: .forge, size: Size(width: 250, height: 70))
    let body = ShellLayout(s).body
    #expect(App.workAhead(&s))
    #expect(!App.workAhead(&s), "the same state again: nothing new to do")
    let designs = s.forge.ahead.entries.map(\.key.design)
    let left = ForgeDesign.seedDefault.setting(.compute, toStop: s.forge.stop(of: .compute) - 1)
    let right = ForgeDesign.seedDefault.setting(.compute, toStop: s.forge.stop(of: .compute) + 1)
    #expect(designs == [left, right])
    let ahead = try #require(s.forge.ahead.entries.last)
    _ = App.update(&s, .key(.right))
    #expect(s.forge.design == right)
    #expect(s.forge.pages.entries.first.map { Self.same($0.page, ahead.page) } == true)
    #expect(s.forge.dossier == ahead.dossier)
    var bare = s
    bare.forge.plotCurves = ForgePlotCurves()
    bare.forge.pages = ForgePages()
    bare.forge.ahead = ForgeAhead()
    #expect(App.view(bare) == App.view(s))
    // Taken, not worked out again: a page marked ahead arrives marked.
    var marked = AppState(screen: .forge, size: Size(width: 250, height: 70))
    _ = App.workAhead(&marked)
    var entries = marked.forge.ahead.entries
    let last = try #require(entries.indices.last)
    entries[last].page.terms = [StyledText("marked ahead")]
    entries[last].dossier = Dossier(.seedDefault)
    // A sliders box and a dossier box marked in their corners.
    var panels = entries[last].panels
    let sliders = try #require(panels.sliders.first)
    let dossier = try #require(panels.dossier.first)
    panels = ForgePanels(
      sliders: .init(inputs: sliders.inputs, patch: Self.marked(sliders.patch)),
      dossier: .init(inputs: dossier.inputs, patch: Self.marked(dossier.patch)),
      context: marked.renderContext, keeping: ForgePanels())
    entries[last].panels = panels
    marked.forge.ahead = ForgeAhead(entries)
    _ = App.update(&marked, .key(.right))
    #expect(marked.forge.design == right)
    #expect(
      marked.forge.page(body, context: marked.renderContext).terms
        == [StyledText("marked ahead")])
    #expect(marked.forge.dossier == Dossier(.seedDefault))
    let screen = App.view(marked)
    for box in [sliders.patch.rect, dossier.patch.rect] {
      #expect(screen[box.x, box.y].glyph == "M", "the box drawn ahead is the one on screen")
    }
    // Back on the seed's design: one neighbour is kept as a page, the other is new.
    #expect(App.workAhead(&s))
    #expect(
      s.forge.ahead.entries.map(\.key.design).contains(
        right.setting(.compute, toStop: s.forge.stop(of: .compute) + 1)))
    _ = App.update(&s, .key(.down))
    #expect(App.workAhead(&s))
    // Architecture, on its first stop (dense): only the design a stop right of it, which
    // differs from this one in architecture alone.
    let focus = s.forge.focus
    #expect(focus == .architecture && s.forge.stop(of: focus) == 0)
    #expect(s.forge.ahead.entries.map(\.key.design) == [s.forge.design.setting(focus, toStop: 1)])
    #expect(s.forge.ahead.entries.allSatisfy { $0.key.area == body })
    // Not on the other screens, nor while the tour runs.
    s.screen = .journey
    #expect(!App.workAhead(&s))
  }

  /// `patch` with an M in its top left corner.
  static func marked(_ patch: CanvasPatch) -> CanvasPatch {
    let r = patch.rect
    var screen = Canvas(size: Size(width: r.maxX, height: r.maxY))
    screen.apply(patch)
    screen[r.x, r.y] = Cell("M")
    return CanvasPatch(of: r, in: screen)
  }

  /// Boxes drawn in one context are not taken in another: after a theme change the screen
  /// is the one drawn without any kept, and the next key keeps the new context's boxes only.
  @Test func boxesDrawnInAnotherContextAreNotTaken() throws {
    var s = AppState(screen: .forge, size: Size(width: 250, height: 70))
    _ = App.update(&s, .key(.right))
    _ = App.workAhead(&s)
    _ = App.update(&s, .key(.left))
    let dark = s.renderContext
    #expect(s.forge.panels.context == dark && s.forge.panels.sliders.count == 2)
    s.theme = .light
    #expect(s.renderContext != dark)
    var bare = s
    bare.forge.pages = ForgePages()
    bare.forge.ahead = ForgeAhead()
    bare.forge.panels = ForgePanels()
    #expect(App.view(bare) == App.view(s))
    _ = App.update(&s, .key(.right))
    #expect(s.forge.panels.context == s.renderContext)
    #expect(s.forge.panels.sliders.count == 1 && s.forge.panels.dossier.count == 1)
    let body = ShellLayout(s).body
    let laid = s.forge.page(body, context: s.renderContext).layout
    let held = try #require(s.forge.panels.sliders.first)
    #expect(held.patch == Self.drawn(s.forge.slidersInputs(laid.sliders), s.renderContext))
  }

  /// A move of a slider the curve does not depend on keeps the very curve; a budget move
  /// works out a new one, and keeps the old one spare for a move back.
  @Test func overTrainingKeepsTheCurveTheBudgetDoesNot() throws {
    var s = AppState(screen: .forge, size: Size(width: 250, height: 70))
    s.forge.focus = .overtrain
    _ = App.update(&s, .key(.right))
    let before = try #require(s.forge.plotCurves.entries.first)
    _ = App.update(&s, .key(.right))
    #expect(s.forge.design.overtrain != ForgeDesign.seedDefault.overtrain)
    #expect(s.forge.plotCurves.entries.first?.args == before.args)
    s.forge.focus = .compute
    _ = App.update(&s, .key(.right))
    let after = try #require(s.forge.plotCurves.entries.first)
    #expect(after.args != before.args)
    #expect(after.curve == after.args.curve)
    #expect(s.forge.plotCurves.entries.dropFirst().contains { $0.args == before.args })
    _ = App.update(&s, .key(.left))
    #expect(s.forge.plotCurves.entries.first?.args == before.args)
  }

  /// What a page takes from another design's page (the terms' entries, the verdicts'
  /// blocks, the info box) is what laying it out afresh gives, and a context move takes some.
  @Test func piecesTakenFromAnotherDesignAreTheRecomputation() throws {
    let context = AppState(screen: .forge, size: Size(width: 250, height: 70)).renderContext
    let area = Rect(x: 0, y: 0, width: 250, height: 68)
    let designs = [
      ForgeDesign.seedDefault, ForgeDesign(context: 32_768), ForgeDesign(budget: 1e26),
      ForgeDesign(moeRatio: 8, gpu: GPU.catalog[3]), ForgeDesign(overtrain: 0.5, precision: .bf16),
    ]
    var taken = 0
    for (a, b) in zip(designs, designs.dropFirst() + designs.prefix(1)) {
      let old = ForgeState(design: a).layOut(area, context: context)
      var kept = ForgePages()
      kept = ForgePages(
        key: ForgePages.Key(
          design: a, preset: .seedDefault, zone: .sliders, figure: 4, plot: ForgePlotState(),
          showPlot: false, area: area, context: context), page: old, keeping: kept)
      var state = ForgeState(design: b)
      let fresh = state.layOut(area, context: context)
      state.pages = kept
      let reused = state.layOut(area, context: context)
      #expect(Self.same(reused, fresh))
      let width = fresh.verdicts.width
      #expect(
        ForgeTermsView.wrapped(
          state.dossier, width: width, context: context, keeping: old.termEntries)
          == ForgeTermsView.wrapped(state.dossier, width: width, context: context))
      let plain = ForgeLayout(area).verdicts
      #expect(
        ForgeVerdictsView.Wrapped(
          state.dossier.verdicts, area: plain, context: context, keeping: [old.verdicts])
          == ForgeVerdictsView.Wrapped(state.dossier.verdicts, area: plain, context: context))
      taken += fresh.termEntries.filter { old.termEntries.contains($0) }.count
    }
    #expect(taken > 0)
  }
}

/// A tiny seeded generator for picking keys.
private struct MemoLcg {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next(_ n: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(n))
  }
}

/// The trace box lays its lines out one by one; that is what a wrapping text block of them
/// joined by newlines gives, for every figure of many designs at many widths (and lines with
/// breaks of their own take the block itself).
struct ForgeTraceLayoutTests {
  static func joined(_ lines: [StyledText], width: Int) -> [StyledText] {
    var text = StyledText()
    for (i, line) in lines.enumerated() {
      if i > 0 { text.append("\n") }
      text.append(line)
    }
    return TextBlock(text).layout(width: width)
  }

  @Test func lineByLineIsTheJoinedBlock() {
    var rng = MemoLcg(seed: 5)
    var design = ForgeDesign.seedDefault
    let contexts = [
      RenderContext(), RenderContext(glyphs: .ascii),
    ]
    for step in 0..<60 {
      let decision = Decision.allCases[rng.next(Decision.allCases.count)]
      design = design.setting(decision, toStop: rng.next(decision.stopCount))
      let dossier = Dossier(design)
      for figure in dossier.figures {
        for context in contexts {
          let lines = ForgeTraceView.lines(figure, context: context)
          for width in [0, 1, 7, 20, 33, 50, 80] {
            #expect(
              ForgeTraceView.layout(lines, width: width) == Self.joined(lines, width: width),
              "step \(step) \(figure.id) width \(width)")
          }
        }
      }
    }
    let broken: [StyledText] = [
      StyledText("a\nb", style: Style(fg: .red)), "", StyledText("c\r\nd e f"),
      StyledText("x") + StyledText(" y", style: Style(fg: .red)),
    ]
    for width in [1, 2, 3, 10] {
      #expect(ForgeTraceView.layout(broken, width: width) == Self.joined(broken, width: width))
    }
  }
}
