import ForgeCore
import TerminalUI

/// What the Forge's keys do.
public enum ForgeAction: Equatable, Sendable {
  /// Up/Down: the slider (or, on the figures, the trace cursor) this many places on.
  case cursor(Int)
  /// The focused slider this many stops; several stops (a decade of compute) this way.
  case step(Int)
  case bigStep(Int)
  /// The focused slider to its first / last stop.
  case first, last
  case toggleZone, openTrace, closeTrace, toSliders
  case openAdvanced, togglePlot
  /// The verdicts panel a page on (back to the top from its end), or this many lines.
  case moreVerdicts
  case scrollVerdicts(Int)
  /// The real model the preset is named after (or set beside), in the comparison.
  case realModel
  case preset(Preset)
  case plot(ForgePlotState.Action)
  // The advanced box.
  case advancedCursor(Int)
  case advancedStep(Int)
  case advancedBigStep(Int)
  case advancedFirst, advancedLast, advancedDefault, closeAdvanced
}

/// The Forge screen's keys: sliders, the trace cursor, presets, popups and the plot's keys.
extension ForgeState {
  /// The keys that work now, in the order help lists them (the first row naming a key wins):
  /// the advanced box's while it is open; on the figures the cursor and trace keys first;
  /// the presets always fit at 80 columns, the trace and advanced keys join them on wider
  /// ones (lower priorities give way first).
  public var keymap: Keymap<ForgeAction> { keymap(verdictsCut: false) }

  /// The keys, `m` in the hint bar when `verdictsCut` (the verdicts do not all fit).
  func keymap(verdictsCut: Bool) -> Keymap<ForgeAction> {
    if popup == .advanced { return Keymap(Self.advancedRows) }
    let plotRows = plot.keymap.bindings.map { $0.map(label: .helpOnly) { ForgeAction.plot($0) } }
    let sliders =
      (verdictsCut ? Self.sliderRowsVerdictsCut : Self.sliderRows) + realModelRow + plotRows
    if zone == .figures {
      return Keymap(
        (popup == .trace ? Self.tracingRows : Self.figureRows) + Self.presetRowsOnFigures
          + sliders + Self.figureRowsAfter)
    }
    return Keymap(Self.presetRowsOnSliders + Self.sliderRowsBefore + sliders)
  }

  // The rows that depend on nothing but which of these lists they are in: made once, not
  // for every key and every frame.

  /// The presets' digits: in the hint bar on the sliders, in help only on the figures.
  static let presetRowsOnSliders = presetRows(onFigures: false)
  static let presetRowsOnFigures = presetRows(onFigures: true)

  static func presetRows(onFigures: Bool) -> [KeyBinding<ForgeAction>] {
    ForgeKeys.presetOrder.map { p in
      KeyBinding<ForgeAction>(
        "\(p.rawValue)", ForgeKeys.hintName(p), label: onFigures ? .helpOnly : .same, priority: 6,
        keys: [.char(Character("\(p.rawValue)"))], .preset(p))
    }
  }

  /// The slider keys both zones share, with `m` in the hint bar or not.
  static let sliderRows = sliderRows(verdictsCut: false)
  static let sliderRowsVerdictsCut = sliderRows(verdictsCut: true)

  static func sliderRows(verdictsCut: Bool) -> [KeyBinding<ForgeAction>] {
    [
      KeyBinding(
        "Left/Right", "slider one stop (also h l)", label: .helpOnly,
        [(.left, .step(-1)), (.right, .step(1)), (.char("h"), .step(-1)), (.char("l"), .step(1))]
      )
    ]
      + stopRows(bigStep: ForgeAction.bigStep, first: .first, last: .last) + [
        KeyBinding("a", "advanced", priority: 3, keys: [.char("a")], .openAdvanced),
        KeyBinding(
          "m", "more verdicts (or the wheel)",
          label: verdictsCut ? .short("more verdicts") : .helpOnly, priority: 7,
          keys: [.char(ForgeKeys.moreVerdicts)], .moreVerdicts),
        KeyBinding(
          "g", "plot in place of the dossier", label: .helpOnly, keys: [.char("g")], .togglePlot),
      ]
  }

  /// On the figures, first: the cursor, and Enter / Esc for the trace (open or not).
  static let figureRows = figureRows(tracing: false)
  static let tracingRows = figureRows(tracing: true)

  static func figureRows(tracing: Bool) -> [KeyBinding<ForgeAction>] {
    [
      KeyBinding("Up/Down", "figure", priority: 7, [(.up, .cursor(-1)), (.down, .cursor(1))]),
      KeyBinding(
        "Enter", tracing ? "close" : "trace", priority: 7, keys: [.enter],
        tracing ? .closeTrace : .openTrace),
      KeyBinding(
        "Esc", tracing ? "close" : "sliders", priority: 7, keys: [.escape],
        tracing ? .closeTrace : .toSliders),
    ]
  }

  /// On the figures, last.
  static let figureRowsAfter: [KeyBinding<ForgeAction>] = [
    KeyBinding(
      "k j", "figure (as Up/Down)", label: .helpOnly,
      [(.char("k"), .cursor(-1)), (.char("j"), .cursor(1))]),
    KeyBinding("t", "back to the sliders", label: .helpOnly, keys: [.char("t")], .toggleZone),
  ]

  /// On the sliders, after the presets.
  static let sliderRowsBefore: [KeyBinding<ForgeAction>] = [
    KeyBinding("Enter", "trace", priority: 5, keys: [.enter], .openTrace),
    KeyBinding("t", "figures", priority: 4, keys: [.char("t")], .toggleZone),
    KeyBinding(
      "Up/Down k j", "pick a slider", label: .helpOnly,
      [
        (.up, .cursor(-1)), (.down, .cursor(1)), (.char("k"), .cursor(-1)),
        (.char("j"), .cursor(1)),
      ]
    ),
  ]

  /// `r` while a preset named after (or set beside) a real model is on the sliders.
  var realModelRow: [KeyBinding<ForgeAction>] {
    guard preset?.realModelID != nil else { return [] }
    return [
      KeyBinding("r", "real model beside it", label: .helpOnly, keys: [.char("r")], .realModel)
    ]
  }

  /// The advanced box's keys.
  static let advancedRows: [KeyBinding<ForgeAction>] =
    [
      KeyBinding("Up/Down", "setting", [(.up, .advancedCursor(-1)), (.down, .advancedCursor(1))]),
      KeyBinding("Left/Right", "change", [(.left, .advancedStep(-1)), (.right, .advancedStep(1))]),
      KeyBinding("d", "default", keys: [.char("d")], .advancedDefault),
      KeyBinding("Esc", "close", keys: [.escape], .closeAdvanced),
      KeyBinding(
        "Enter a", "close (as Esc)", label: .helpOnly, keys: [.enter, .char("a")], .closeAdvanced),
      KeyBinding(
        "k j h l", "as Up Down Left Right", label: .helpOnly,
        [
          (.char("k"), .advancedCursor(-1)), (.char("j"), .advancedCursor(1)),
          (.char("h"), .advancedStep(-1)), (.char("l"), .advancedStep(1)),
        ]),
    ] + stopRows(bigStep: ForgeAction.advancedBigStep, first: .advancedFirst, last: .advancedLast)

  /// Several stops on or back, and the first / last stop, of a slider or a setting.
  static func stopRows(
    bigStep: (Int) -> ForgeAction, first: ForgeAction, last: ForgeAction
  ) -> [KeyBinding<ForgeAction>] {
    [
      KeyBinding(
        "Shift-Left/Right", "several stops", label: .helpOnly,
        [(.shiftLeft, bigStep(-1)), (.shiftRight, bigStep(1))]),
      KeyBinding(
        "PgUp/PgDn", "several stops on / back", label: .helpOnly,
        [(.pageUp, bigStep(1)), (.pageDown, bigStep(-1))]),
      KeyBinding(
        "Home/End", "the first / last stop", label: .helpOnly, [(.home, first), (.end, last)]),
    ]
  }

  mutating func handle(_ key: Key, page: () -> ForgePage, context: RenderContext) -> ScreenResult {
    guard let action = keymap.action(for: key) else { return .ignored }
    switch action {
    case .moreVerdicts, .scrollVerdicts: scroll(action, page: page(), context: context)
    default: perform(action)
    }
    return .handled
  }

  /// `m` pages the verdicts panel on, from its end back to the top (and shows the panel when
  /// the plot covers it); the wheel moves it a line. A list that fits does not move.
  mutating func scroll(_ action: ForgeAction, page: ForgePage, context: RenderContext) {
    let layout = page.layout
    if layout.plotCoversDossier(toggled: showPlot) {
      if action == .moreVerdicts { showPlot = false }
      return
    }
    let last = ForgeVerdictsView.lastLine(
      page.verdicts, area: layout.verdicts, context: context,
      kept: page.verdictContent(at: layout.verdicts))
    let line = verdictLine
    let next: Int
    switch action {
    case .scrollVerdicts(let delta): next = min(max(line + delta, 0), last)
    default:
      let page = ForgeVerdictsView.page(area: layout.verdicts)
      next = line >= last ? 0 : min(line + page, last)
    }
    verdictScroll = next == 0 ? nil : VerdictScroll(line: next, design: design)
  }

  mutating func perform(_ action: ForgeAction) {
    switch action {
    case .cursor(let delta): moveCursor(by: delta)
    case .step(let delta): step(focus, by: delta)
    case .bigStep(let direction): step(focus, by: direction * Self.bigStep(focus))
    case .first: set(focus, stop: 0)
    case .last: set(focus, stop: focus.stopCount - 1)
    case .toggleZone:
      // `t` walks the dossier from its first figure down (Enter still traces the last one).
      if zone == .sliders { figure = 0 }
      zone = zone == .sliders ? .figures : .sliders
    case .openTrace:
      zone = .figures
      popup = .trace
    case .closeTrace: popup = nil
    case .toSliders: zone = .sliders
    case .openAdvanced: popup = .advanced
    case .togglePlot: showPlot.toggle()
    case .realModel:
      guard let id = preset?.realModelID,
        let index = Gallery.models.firstIndex(where: { $0.id == id })
      else { return }
      plot.pick(index)
      plot.compareOpen = true
      showPlot = true
    case .preset(let p): apply(p)
    case .moreVerdicts, .scrollVerdicts: break  // needs the layout: `scroll`
    case .plot(let action):
      plot.perform(action)
      showPlot = true  // under 120 columns the plot's keys bring the plot into view
    case .advancedCursor, .advancedStep, .advancedBigStep, .advancedFirst, .advancedLast,
      .advancedDefault, .closeAdvanced:
      performAdvanced(action)
    }
  }

  /// Up/Down: the focused slider, or the trace cursor over the figures.
  private mutating func moveCursor(by delta: Int) {
    switch zone {
    case .sliders:
      let all = Decision.allCases
      let i = all.firstIndex(of: focus) ?? 0
      focus = all[min(max(i + delta, 0), all.count - 1)]
    case .figures:
      figure = min(max(figure + delta, 0), Dossier.figureIDs.count - 1)
    }
  }

  private mutating func performAdvanced(_ action: ForgeAction) {
    let all = AdvancedSetting.allCases
    let i = all.firstIndex(of: advanced) ?? 0
    switch action {
    case .closeAdvanced: popup = nil
    case .advancedCursor(let delta): advanced = all[min(max(i + delta, 0), all.count - 1)]
    case .advancedStep(let delta): step(advanced, by: delta)
    case .advancedBigStep(let direction): step(advanced, by: direction * Self.bigStep(.context))
    case .advancedFirst: set(advanced, stop: 0)
    case .advancedLast: set(advanced, stop: advanced.stops.count - 1)
    case .advancedDefault: set(advanced, stop: advanced.stopIndex(in: .seedDefault))
    default: break
    }
  }
}

/// Names the hint bar gives the presets.
enum ForgeKeys {
  /// Short preset names for the hint bar, by key.
  static func hintName(_ p: Preset) -> String {
    switch p {
    case .seedDefault: "seed"
    case .chinchilla: "Chinchilla"
    case .llama3Economics: "Llama3"
    case .frontier2025: "MoE"
    case .irresponsible: "4090"
    }
  }

  /// The key that pages through the verdicts.
  static let moreVerdicts: Character = "m"

  /// Presets in key order 1 2 3 4 0, as the hint bar lists them.
  static var presetOrder: [Preset] {
    Preset.allCases.filter { $0 != .seedDefault } + [.seedDefault]
  }
}
