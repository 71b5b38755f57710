import ForgeCore
import TerminalUI

/// The sliders box and the dossier box drawn, each with all it was drawn from, kept so that a
/// frame puts their cells back instead of drawing them again: the boxes of the state on show
/// first, then the newest of another design (a move back finds its boxes). Refreshed by
/// `update`, and drawn ahead for the designs `workAhead` prepares; the view draws any box it
/// does not hold. A plain value, held by the Forge's state; like `ForgePages`, it plays no
/// part in that state's equality.
struct ForgePanels: Equatable, Sendable {
  /// All the sliders box shows.
  struct SlidersInputs: Equatable, Sendable {
    var design: ForgeDesign
    var focus: Decision
    var dragging: Decision?
    var active: Bool
    var area: Rect
  }

  /// All the dossier box shows (its two dossiers follow from the two designs).
  struct DossierInputs: Equatable, Sendable {
    var design: ForgeDesign
    var previous: ForgeDesign?
    var zone: ForgeState.Zone
    var figure: Int
    var popupOpen: Bool
    var area: Rect
  }

  /// A box drawn, and what it was drawn from.
  struct Drawn<Inputs: Equatable & Sendable>: Sendable {
    var inputs: Inputs
    var patch: CanvasPatch
  }

  private(set) var sliders: [Drawn<SlidersInputs>] = []
  private(set) var dossier: [Drawn<DossierInputs>] = []
  /// The context every box here was drawn in.
  private(set) var context: RenderContext?

  init() {}

  /// The boxes drawn now in `context` (either may be missing: a box off the screen), then
  /// the newest of `old`'s of another design each, where `old` was drawn in `context` too.
  init(
    sliders: Drawn<SlidersInputs>?, dossier: Drawn<DossierInputs>?, context: RenderContext,
    keeping old: ForgePanels
  ) {
    self.context = context
    if let sliders { self.sliders = [sliders] }
    if let dossier { self.dossier = [dossier] }
    guard old.context == context else { return }
    let design = sliders?.inputs.design ?? dossier?.inputs.design
    if let spare = old.sliders.first(where: { $0.inputs.design != design }) {
      self.sliders.append(spare)
    }
    if let spare = old.dossier.first(where: { $0.inputs.design != design }) {
      self.dossier.append(spare)
    }
  }

  /// Always equal: each box is what its inputs draw.
  static func == (_: Self, _: Self) -> Bool { true }

  /// The sliders box drawn from `inputs`; `sameContext`: drawn in the context asked for
  /// (`context`, compared once by the caller).
  func sliders(for inputs: SlidersInputs, sameContext: Bool) -> CanvasPatch? {
    Self.patch(in: sliders, for: inputs, sameContext: sameContext)
  }

  func dossier(for inputs: DossierInputs, sameContext: Bool) -> CanvasPatch? {
    Self.patch(in: dossier, for: inputs, sameContext: sameContext)
  }

  private static func patch<Inputs>(
    in boxes: [Drawn<Inputs>], for inputs: Inputs, sameContext: Bool
  ) -> CanvasPatch? {
    guard sameContext else { return nil }
    return boxes.first { $0.inputs == inputs }?.patch
  }

  func sliders(for inputs: SlidersInputs, in context: RenderContext) -> CanvasPatch? {
    sliders(for: inputs, sameContext: self.context == context)
  }

  func dossier(for inputs: DossierInputs, in context: RenderContext) -> CanvasPatch? {
    dossier(for: inputs, sameContext: self.context == context)
  }
}

extension ForgeState {
  /// What the sliders box at `area` shows now.
  func slidersInputs(_ area: Rect) -> ForgePanels.SlidersInputs {
    ForgePanels.SlidersInputs(
      design: design, focus: focus, dragging: dragging,
      active: zone == .sliders && popup == nil, area: area)
  }

  /// What the dossier box at `area` shows now.
  func dossierInputs(_ area: Rect) -> ForgePanels.DossierInputs {
    ForgePanels.DossierInputs(
      design: design, previous: previous, zone: zone, figure: figure, popupOpen: popup != nil,
      area: area)
  }

  /// Keeps the sliders box and the dossier box (where the page for `area` shows it) as they
  /// are drawn now: from the boxes held or worked out ahead, else drawn.
  mutating func refreshPanels(area: Rect, context: RenderContext) {
    let layout = page(area, context: context).layout
    let sameContext = panels.context == context
    var sliders: ForgePanels.Drawn<ForgePanels.SlidersInputs>?
    if !layout.sliders.isEmpty {
      let inputs = slidersInputs(layout.sliders)
      let patch =
        panels.sliders(for: inputs, sameContext: sameContext)
        ?? ahead.sliders(for: inputs, in: context)
        ?? CanvasPatch(drawing: layout.sliders) {
          ForgeSlidersView.draw(self, into: &$0, area: $1, context: context)
        }
      sliders = .init(inputs: inputs, patch: patch)
    }
    var dossier: ForgePanels.Drawn<ForgePanels.DossierInputs>?
    if showsDossier(layout) {
      let inputs = dossierInputs(layout.dossier)
      let patch =
        panels.dossier(for: inputs, sameContext: sameContext)
        ?? ahead.dossier(for: inputs, in: context)
        ?? CanvasPatch(drawing: layout.dossier) {
          ForgeDossierView.draw(self, self.dossier, into: &$0, area: $1, context: context)
        }
      dossier = .init(inputs: inputs, patch: patch)
    }
    panels = ForgePanels(sliders: sliders, dossier: dossier, context: context, keeping: panels)
  }

  /// Whether `layout` draws the dossier box (not hidden under the plot `g` put there).
  func showsDossier(_ layout: ForgeLayout) -> Bool {
    !layout.dossier.isEmpty && !layout.plotCoversDossier(toggled: showPlot)
  }

  /// Whether `held` has the boxes `layout` shows now in `context`.
  func has(panels held: ForgePanels, layout: ForgeLayout, context: RenderContext) -> Bool {
    let same = held.context == context
    return
      (layout.sliders.isEmpty
      || held.sliders(for: slidersInputs(layout.sliders), sameContext: same) != nil)
      && (!showsDossier(layout)
        || held.dossier(for: dossierInputs(layout.dossier), sameContext: same) != nil)
  }
}
