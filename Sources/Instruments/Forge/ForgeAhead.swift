import ForgeCore
import TerminalUI

/// What the Forge worked out ahead, while the panel waited for a key: for each design one
/// stop either side of the slider in focus (or of the advanced setting, while that box is
/// open), its dossier, its page, its plot's curves and its sliders and dossier boxes drawn. A
/// move to one of them then takes them instead of working them out while the person waits
/// (`ForgeState.workAhead`). A plain value, held by the Forge's state; like `ForgePages`, it
/// plays no part in that state's equality.
struct ForgeAhead: Equatable, Sendable {
  struct Entry: Sendable {
    var dossier: Dossier
    var key: ForgePages.Key
    var page: ForgePage
    var curves: ForgePlotCurves
    /// The sliders box and the dossier box as the move shows them.
    var panels: ForgePanels
  }

  private(set) var entries: [Entry] = []

  init(_ entries: [Entry] = []) { self.entries = entries }

  /// Always equal: each entry is what its design and key give.
  static func == (_: Self, _: Self) -> Bool { true }

  func dossier(for design: ForgeDesign) -> Dossier? {
    entries.first { $0.key.design == design }?.dossier
  }

  func page(for key: ForgePages.Key) -> ForgePage? { entries.first { $0.key == key }?.page }

  func curves(for design: ForgeDesign) -> ForgePlotCurves? {
    entries.first { $0.key.design == design }?.curves
  }

  func sliders(for inputs: ForgePanels.SlidersInputs, in context: RenderContext) -> CanvasPatch? {
    for i in entries.indices where entries[i].key.design == inputs.design {
      if let patch = entries[i].panels.sliders(for: inputs, in: context) { return patch }
    }
    return nil
  }

  func dossier(for inputs: ForgePanels.DossierInputs, in context: RenderContext) -> CanvasPatch? {
    for i in entries.indices where entries[i].key.design == inputs.design {
      if let patch = entries[i].panels.dossier(for: inputs, in: context) { return patch }
    }
    return nil
  }
}

extension ForgeState {
  /// The moves worked out ahead: a stop either way on the slider in focus, or on the
  /// advanced setting while its box is open.
  private var movesAhead: [(inout ForgeState) -> Void] {
    if popup == .advanced {
      let setting = advanced
      return [-1, 1].map { delta in { $0.step(setting, by: delta) } }
    }
    let decision = focus
    return [-1, 1].map { delta in { $0.step(decision, by: delta) } }
  }

  /// Works out, for the designs one stop either side of the slider in focus, what a move
  /// there needs (dossier, page, plot curves), for the Forge drawn in `area`; true when there
  /// was anything to do. The runner calls it while no input is pending (`App.workAhead`);
  /// pure, like `update`. A design already worked out, or kept from the frames before, is not
  /// worked out again.
  mutating func workAhead(area: Rect, context: RenderContext) -> Bool {
    var entries: [ForgeAhead.Entry] = []
    for move in movesAhead {
      var next = self
      move(&next)
      guard next.design != design else { continue }
      let key = next.pageKey(area, context: context)
      if let known = ahead.entries.first(where: {
        $0.key == key && next.has(panels: $0.panels, layout: $0.page.layout, context: context)
      }) {
        entries.append(known)
        continue
      }
      if let page = pages.page(for: key),
        next.has(panels: panels, layout: page.layout, context: context)
      {
        continue
      }
      next.refreshPlotCurves(area: area)
      next.refreshPages(area: area, context: context)
      next.refreshPanels(area: area, context: context)
      entries.append(
        ForgeAhead.Entry(
          dossier: next.dossier, key: key, page: next.page(area, context: context),
          curves: next.plotCurves, panels: next.panels))
    }
    let changed = entries.map(\.key) != ahead.entries.map(\.key)
    ahead = ForgeAhead(entries)
    return changed
  }
}
