import ForgeCore
import TerminalUI

/// The Forge screen: six sliders (the design's decisions) bound to the twelve-figure dossier,
/// with verdicts, equation traces, presets and the advanced settings. Everything shown is
/// derived from `design` (and `previous` for the "what changed" marks). The two dossiers are
/// derived once per change of the design they belong to (`dossier`, `previousDossier`), not
/// once per frame and panel: they can never be set, only follow.
public struct ForgeState: Screen {
  /// Where the arrow keys go: the sliders, or the cursor over the dossier's figures.
  public enum Zone: Equatable, Sendable { case sliders, figures }

  /// A box over the screen.
  public enum Popup: Equatable, Sendable {
    /// The selected figure's equation with its numbers substituted.
    case trace
    /// MFU and MoE k.
    case advanced
  }

  /// The design on the sliders.
  public var design: ForgeDesign {
    get { designs.design }
    set { setDesigns(newValue, previous: designs.previous) }
  }
  /// The design before the last move; figures that differ from it carry a changed mark.
  public var previous: ForgeDesign? {
    get { designs.previous }
    set { setDesigns(designs.design, previous: newValue) }
  }
  /// `design` and `previous`, stored together so a move sets both at once.
  private var designs: Designs

  private struct Designs: Equatable, Sendable {
    var design: ForgeDesign
    var previous: ForgeDesign?
  }

  /// Sets the design and the previous design together, deriving their dossiers from the ones
  /// already derived where a design is one of the two before: a move makes the design on
  /// show the previous one, and a move back (a stop right, then left) brings back the
  /// previous design's dossier.
  mutating func setDesigns(_ next: ForgeDesign, previous before: ForgeDesign?) {
    let was = designs
    let (wasDossier, wasPreviousDossier) = (dossier, previousDossier)
    func derived(_ d: ForgeDesign) -> Dossier {
      if d == was.design { return wasDossier }
      if d == was.previous, let known = wasPreviousDossier { return known }
      return ahead.dossier(for: d) ?? Dossier(d)
    }
    designs = Designs(design: next, previous: before)
    if next != was.design { dossier = derived(next) }
    if before != was.previous { previousDossier = before.map(derived) }
  }

  /// The dossier of the design on the sliders (`Dossier(design)`).
  public private(set) var dossier: Dossier
  /// The dossier of `previous` (`previous.map(Dossier.init)`).
  public private(set) var previousDossier: Dossier?
  /// The preset last chosen, shown until a slider moves.
  public var preset: Preset?
  /// The slider the arrow keys move.
  public var focus: Decision = .compute
  public var zone: Zone = .sliders
  /// Index into the dossier's figures of the trace cursor.
  public var figure: Int
  public var popup: Popup?
  /// The advanced setting Left/Right change while the advanced box is open.
  public var advanced: AdvancedSetting = .mfu
  /// The slider a mouse drag is moving.
  public var dragging: Decision?
  /// Under 120 columns, `g` shows the plot in place of the dossier and verdicts.
  public var showPlot = false
  /// The plot slot's own state (view, gallery pick, compare).
  public var plot = ForgePlotState()
  /// The IsoFLOP curves the plot drew after the last event, kept for the next frame: a move
  /// of a slider the curves do not depend on draws them again without working them out.
  /// Refreshed by `update`; the view works out any curve it does not hold.
  public internal(set) var plotCurves = ForgePlotCurves()
  /// The page laid out after the last event, and the one before it of another design, kept
  /// for the next frame: a move back to the design before lays nothing out again. Refreshed
  /// by `update`; the view lays out any page it does not hold.
  var pages = ForgePages()
  /// The dossiers, pages and curves worked out, while the panel waited, for the designs a
  /// stop either side of the slider in focus (`workAhead`): a move to one takes them.
  var ahead = ForgeAhead()
  /// The sliders box and the dossier box drawn after the last event, and the newest of another
  /// design, kept for the next frame. Refreshed by `update`; the view draws any box it does not
  /// hold.
  var panels = ForgePanels()
  /// How far `m` or the mouse wheel scrolled the verdicts panel, and for which design: any
  /// other design shows its verdicts from the top.
  public var verdictScroll: VerdictScroll?

  /// The first line of the verdicts panel a scroll left on show.
  public struct VerdictScroll: Equatable, Sendable {
    public var line: Int
    public var design: ForgeDesign
  }

  /// The verdicts panel's first line for the design on the sliders.
  public var verdictLine: Int {
    guard let scroll = verdictScroll, scroll.design == design else { return 0 }
    return scroll.line
  }

  public init(design: ForgeDesign = .seedDefault, preset: Preset? = .seedDefault) {
    designs = Designs(design: design, previous: nil)
    dossier = Dossier(design)
    self.preset = preset
    figure = Dossier.figureIDs.firstIndex(of: "predicted_loss") ?? 0
  }

  /// The id of the figure under the trace cursor.
  public var selectedFigureID: String { Dossier.figureIDs[figure] }

  public mutating func update(_ event: Event, area: Rect, app: AppState) -> ScreenResult {
    let result: ScreenResult
    switch event {
    case .key(let key):
      // Only a scroll of the verdicts needs the page laid out (as it is before the key).
      let before = self
      result = handle(
        key, page: { before.page(area, context: app.renderContext) }, context: app.renderContext)
    case .mouse(let mouse):
      result = handle(
        mouse, page: page(area, context: app.renderContext), context: app.renderContext)
    default: return .ignored
    }
    refreshPlotCurves(area: area)
    refreshPages(area: area, context: app.renderContext)
    refreshPanels(area: area, context: app.renderContext)
    return result
  }

  /// Keeps the page for `area` as it is now, from the pages held where it is one of them.
  mutating func refreshPages(area: Rect, context: RenderContext) {
    pages = ForgePages(
      key: pageKey(area, context: context), page: page(area, context: context), keeping: pages)
  }

  /// All the page for `area` depends on, as `pages` keys it.
  func pageKey(_ area: Rect, context: RenderContext) -> ForgePages.Key {
    ForgePages.Key(
      design: design, preset: preset, zone: zone, figure: figure, plot: plot, showPlot: showPlot,
      area: area, context: context)
  }

  /// Keeps the curves the plot at `area` draws now (`plotCurves`), reusing those it holds.
  mutating func refreshPlotCurves(area: Rect) {
    let slot = ForgeLayout(area).plotShown(toggled: showPlot)
    plotCurves =
      slot.isEmpty
      ? ForgePlotCurves()
      : ForgePlotSlot.curves(
        area: slot, design: design, state: plot,
        keeping: ahead.curves(for: design).map(plotCurves.adding) ?? plotCurves)
  }

  /// The keys, with `m` in the hint bar while the verdicts do not all fit their panel.
  public func keys(area: Rect, context: RenderContext) -> [KeyHelp] {
    // The plain layout tells: where the terms join the verdicts' column, the verdicts keep
    // that column whole unless they fit in fewer rows, so they are cut in both or in neither.
    let plain = ForgeLayout(area)
    let verdicts = ForgeVerdictsView.Wrapped(
      dossier.verdicts, area: plain.verdicts, context: context)
    return keys(verdicts: verdicts, plain: plain, context: context)
  }

  /// `keys(area:context:)` with the verdicts already wrapped for the plain layout's column.
  private func keys(
    verdicts: ForgeVerdictsView.Wrapped, plain: ForgeLayout, context: RenderContext,
    kept: ForgeVerdictsView.Content? = nil
  ) -> [KeyHelp] {
    let cut =
      !plain.plotCoversDossier(toggled: showPlot)
      && ForgeVerdictsView.lastLine(verdicts, area: plain.verdicts, context: context, kept: kept)
        > 0
    return keymap(verdictsCut: cut).help
  }

  public func view(into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext) {
    ForgeView.draw(self, page: page(area, context: context), context: context, into: &canvas)
  }

  /// Draws and gives the keys from one page: the verdicts wrapped once, for both (the page's
  /// are the ones `keys(area:context:)` wraps, for the plain layout's column).
  public func viewAndKeys(
    into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext
  ) -> [KeyHelp] {
    let page = page(area, context: context)
    ForgeView.draw(self, page: page, context: context, into: &canvas)
    let plain = ForgeLayout(area)
    return keys(
      verdicts: page.verdicts, plain: plain, context: context,
      kept: page.verdictContent(at: plain.verdicts))
  }

  /// Where the parts go in `area`: `ForgeLayout`, with the verdicts sized to what they hold
  /// where the terms can take the rest of their column.
  public func layout(_ area: Rect, context: RenderContext) -> ForgeLayout {
    page(area, context: context).layout
  }

  /// The screen laid out in `area`, with the text whose size the layout depends on: the page
  /// `pages` holds for it, else the one worked out ahead (`ahead`), else laid out.
  func page(_ area: Rect, context: RenderContext) -> ForgePage {
    let key = pageKey(area, context: context)
    return pages.page(for: key) ?? ahead.page(for: key) ?? layOut(area, context: context)
  }

  /// The page for `area`, laid out: it depends on the design (through its dossier), the
  /// preset, the zone, the selected figure, the plot's state and whether `g` shows it, the
  /// area and the context alone (`ForgePages.Key`).
  func layOut(_ area: Rect, context: RenderContext) -> ForgePage {
    let plain = ForgeLayout(area)
    // The pages kept in this context: a part one of them laid out from what a part of this
    // page is laid out from is that part (the contexts compared once).
    let kept = pages.entries.filter { $0.key.context == context }.map(\.page)
    // The verdicts keep their column's width in every layout of `area`; a verdict a kept page
    // wrapped at this width is the same lines.
    let verdicts = ForgeVerdictsView.Wrapped(
      dossier.verdicts, area: plain.verdicts, context: context, keeping: kept.map(\.verdicts))
    var page = ForgePage(layout: plain, verdicts: verdicts, terms: [])
    if plain.termsCanJoin {
      let rows = ForgeVerdictsView.content(verdicts, height: .max, context: context).lines.count
      // An entry a kept page wrapped at this width is the same lines.
      page.termEntries = ForgeTermsView.wrapped(
        dossier, width: verdicts.width, context: context, keeping: kept.flatMap(\.termEntries))
      page.terms = ForgeTermsView.lines(page.termEntries)
      page.layout = ForgeLayout(area, verdictRows: rows, termsRows: page.terms.count)
    }
    let layout = page.layout
    // The verdicts' lines for the panel's height and for the plain layout's (which the hint
    // bar asks about), built once a page.
    if verdicts.width > 4 {
      for area in [layout.verdicts, plain.verdicts] {
        let height = Panel.inner(of: area).height
        if height > 0, page.verdictContent(height: height) == nil {
          page.verdictContents.append(
            ForgeVerdictsView.Content(verdicts, height: height, context: context))
        }
      }
    }
    // The info box reads little of the state: a page kept with the same inputs has it.
    let info = ForgeInfoView.Inputs(self)
    page.infoInputs = info
    page.info =
      kept.first { $0.infoInputs == info && $0.layout.info == layout.info }?.info
      ?? ForgeInfoView.laidOut(info, area: layout.info, context: context)
    // The terms box, the trace box and the plot panel are drawn here, once a page, not by
    // every frame's view: a kept page's cells where it drew the same at the same place.
    if !layout.terms.isEmpty {
      let terms = page.terms
      page.termsDrawn = ForgePage.drawn(
        at: layout.terms, from: kept.map { ($0.termsDrawn, $0.terms == terms) }
      ) {
        CanvasPatch(drawing: layout.terms) {
          ForgeTermsView.draw(terms, into: &$0, area: $1, context: context)
        }
      }
    }
    if !layout.trace.isEmpty {
      let trace = ForgeTraceView.laidOut(self, dossier, area: layout.trace, context: context)
      page.trace = trace
      page.traceDrawn = ForgePage.drawn(
        at: layout.trace, from: kept.map { ($0.traceDrawn, $0.trace == trace) }
      ) {
        CanvasPatch(drawing: layout.trace) {
          ForgeTraceView.drawPanel(trace, into: &$0, area: $1, context: context)
        }
      }
    }
    let plotArea = layout.plotShown(toggled: showPlot)
    if !plotArea.isEmpty {
      let laid = ForgePlotSlot.plotLaidOut(
        area: plotArea, design: design, state: plot, context: context, curves: plotCurves)
      page.plot = laid
      // The plot panel's part of the slot (the comparison beside it is the view's).
      if let laid {
        let rect = ForgePlotSlot.layout(plotArea, state: plot).plot
        page.plotDrawn = ForgePage.drawn(
          at: rect, from: kept.map { ($0.plotDrawn, $0.plot?.drawsSame(as: laid) == true) }
        ) { ForgePlotPanel.drawn(laid, area: rect, context: context) }
      }
    }
    return page
  }
}

/// The Forge laid out for one frame: where the parts go, the verdicts wrapped to their panel
/// and the terms' lines (empty where the layout has no terms box). Laid out once, then read
/// by the hint bar, a scroll and the view alike.
struct ForgePage: Equatable, Sendable {
  var layout: ForgeLayout
  var verdicts: ForgeVerdictsView.Wrapped
  var terms: [StyledText]
  /// The terms' entries as wrapped for `terms`.
  var termEntries: [ForgeTermsView.Wrapped] = []
  /// The info box's text, and what it was laid out from (with `layout.info` and the page's
  /// context).
  var info: ForgeInfoView.Laid?
  var infoInputs: ForgeInfoView.Inputs?
  /// The verdicts' lines for the heights the panel and the hint bar read them at.
  var verdictContents: [ForgeVerdictsView.Content] = []
  /// The trace box's text, where the layout has the box.
  var trace: ForgeTraceView.Laid?
  /// The plot panel, where the layout shows the plot.
  var plot: ForgePlotPanel.Laid?
  /// The plot panel drawn, as the view puts it on the screen.
  var plotDrawn: CanvasPatch?
  /// The terms box and the trace box drawn (where the layout has them).
  var termsDrawn: CanvasPatch?
  var traceDrawn: CanvasPatch?

  /// The verdicts' lines kept for a panel of `height` rows inside.
  func verdictContent(height: Int) -> ForgeVerdictsView.Content? {
    verdictContents.first { $0.height == height }
  }

  /// The verdicts' lines kept for the panel at `area`.
  func verdictContent(at area: Rect) -> ForgeVerdictsView.Content? {
    verdictContent(height: Panel.inner(of: area).height)
  }

  /// A kept page's cells for `rect` where that page drew them from the same (`kept`: each
  /// page's cells, and whether it drew from the same), else `draw`'s.
  static func drawn(
    at rect: Rect, from kept: [(drawn: CanvasPatch?, same: Bool)], _ draw: () -> CanvasPatch
  ) -> CanvasPatch {
    kept.first { $0.same && $0.drawn?.rect == rect }?.drawn ?? draw()
  }
}

/// Pages kept between frames, each with what it was laid out from: the newest, and the one
/// before it where that was another design's. A plain value, held by the Forge's state.
struct ForgePages: Equatable, Sendable {
  /// All a page depends on.
  struct Key: Equatable, Sendable {
    var design: ForgeDesign
    var preset: Preset?
    var zone: ForgeState.Zone
    var figure: Int
    var plot: ForgePlotState
    var showPlot: Bool
    var area: Rect
    var context: RenderContext
  }

  private(set) var entries: [(key: Key, page: ForgePage)] = []

  init() {}

  /// `page` for `key` first, then the newest of `old` for another design.
  init(key: Key, page: ForgePage, keeping old: ForgePages) {
    entries = [(key, page)]
    if let spare = old.entries.first(where: { $0.key.design != key.design }) {
      entries.append(spare)
    }
  }

  /// Always equal: the pages follow from the rest of the state that holds them (each is the
  /// one its key lays out), so they play no part in that state's equality.
  static func == (_: Self, _: Self) -> Bool { true }

  func page(for key: Key) -> ForgePage? { entries.first { $0.key == key }?.page }
}
