import ForgeCore
import TerminalUI

/// The Forge screen's keys: sliders, the trace cursor, presets, popups and the plot's keys.
extension ForgeState {
  mutating func handle(_ key: Key) -> ScreenResult {
    switch popup {
    case .advanced: return handleAdvanced(key)
    case .trace where key == .escape || key == .enter:
      popup = nil
      return .handled
    default: break
    }
    switch key {
    case .up, .char("k"): moveCursor(by: -1)
    case .down, .char("j"): moveCursor(by: 1)
    case .left, .char("h"): step(focus, by: -1)
    case .right, .char("l"): step(focus, by: 1)
    case .shiftLeft, .pageDown: step(focus, by: -Self.bigStep(focus))
    case .shiftRight, .pageUp: step(focus, by: Self.bigStep(focus))
    case .home: set(focus, stop: 0)
    case .end: set(focus, stop: focus.stopCount - 1)
    case .char("t"): zone = zone == .sliders ? .figures : .sliders
    case .enter:
      zone = .figures
      popup = .trace
    case .escape where zone == .figures: zone = .sliders
    case .char("a"): popup = .advanced
    case .char("g"): showPlot.toggle()
    case .char("r"):
      // The real model the preset is named after (or set beside), in the comparison.
      guard let id = preset?.realModelID,
        let index = Gallery.models.firstIndex(where: { $0.id == id })
      else { return .ignored }
      plot.pick(index)
      plot.compareOpen = true
      showPlot = true
    case .char(let c) where c.isASCII && c.isNumber:
      guard let p = c.wholeNumberValue.flatMap(Preset.init(rawValue:)) else { return .ignored }
      apply(p)
    default:
      guard plot.handle(key) else { return .ignored }
      showPlot = true  // under 120 columns the plot's keys bring the plot into view
    }
    return .handled
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

  private mutating func handleAdvanced(_ key: Key) -> ScreenResult {
    let all = AdvancedSetting.allCases
    let i = all.firstIndex(of: advanced) ?? 0
    switch key {
    case .escape, .enter, .char("a"): popup = nil
    case .up, .char("k"): advanced = all[max(i - 1, 0)]
    case .down, .char("j"): advanced = all[min(i + 1, all.count - 1)]
    case .left, .char("h"): step(advanced, by: -1)
    case .right, .char("l"): step(advanced, by: 1)
    case .shiftLeft, .pageDown: step(advanced, by: -Self.bigStep(.context))
    case .shiftRight, .pageUp: step(advanced, by: Self.bigStep(.context))
    case .home: set(advanced, stop: 0)
    case .end: set(advanced, stop: advanced.stops.count - 1)
    case .char("d"): set(advanced, stop: advanced.stopIndex(in: .seedDefault))
    default: return .ignored
    }
    return .handled
  }
}

/// The key lists for the hint bar and the help overlay.
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

  /// Presets in key order 1 2 3 4 0, as the hint bar lists them.
  static var presetOrder: [Preset] {
    Preset.allCases.filter { $0 != .seedDefault } + [.seedDefault]
  }

  /// The keys of the screen, for the help overlay and (those marked) the hint bar, where the
  /// lowest priorities give way first on a narrow terminal: the presets always fit at 80
  /// columns, the trace and advanced keys join them on wider ones.
  static func help(for state: ForgeState) -> [KeyHelp] {
    if state.popup == .advanced {
      return [
        KeyHelp("Up/Down", "setting"), KeyHelp("Left/Right", "change"), KeyHelp("d", "default"),
        KeyHelp("Esc", "close"),
      ]
    }
    let onFigures = state.zone == .figures
    let tracing = state.popup == .trace
    let presets = presetOrder.map {
      KeyHelp("\($0.rawValue)", hintName($0), inHintBar: !onFigures, priority: 6)
    }
    let sliders =
      [
        KeyHelp("Left/Right", "slider one stop (also h l)", inHintBar: false),
        KeyHelp("Shift, PgUp", "several stops (Home End: ends)", inHintBar: false),
        KeyHelp("a", "advanced", priority: 3),
        KeyHelp("r", "real model beside it", inHintBar: false),
        KeyHelp("g", "plot in place of the dossier", inHintBar: false),
      ] + state.plot.keys.map { KeyHelp($0.keys, $0.action, inHintBar: false) }
    if onFigures {
      return [
        KeyHelp("Up/Down", "figure", priority: 7),
        KeyHelp("Enter", tracing ? "close" : "trace", priority: 7),
        KeyHelp("Esc", tracing ? "close" : "sliders", priority: 7),
      ] + presets + sliders
    }
    return presets + [
      KeyHelp("Enter", "trace", priority: 5), KeyHelp("t", "figures", priority: 4),
      KeyHelp("Up/Down k j", "pick a slider", inHintBar: false),
    ] + sliders
  }
}
