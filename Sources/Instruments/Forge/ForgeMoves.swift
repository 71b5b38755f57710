import ForgeCore

/// Changes to the design. Every change remembers the design before it, so the dossier can mark
/// what the last move changed until the next one.
extension ForgeState {
  /// A slider move: replaces the design and drops the preset's name. A move that changes
  /// nothing (a key at the end of a slider) is not a move: the marks and the name stay.
  mutating func move(to next: ForgeDesign) {
    guard next != design else { return }
    setDesigns(next, previous: design)
    preset = nil
    verdictScroll = nil
  }

  /// The stop `decision` sits on.
  func stop(of decision: Decision) -> Int { design.stopIndex(for: decision) }

  /// Puts `decision` on `stop` (clamped to its ends).
  mutating func set(_ decision: Decision, stop: Int) {
    move(to: design.setting(decision, toStop: stop))
  }

  /// Moves `decision` by `delta` stops.
  mutating func step(_ decision: Decision, by delta: Int) {
    set(decision, stop: self.stop(of: decision) + delta)
  }

  /// Moves an advanced setting by `delta` stops (or to `stop`).
  mutating func step(_ setting: AdvancedSetting, by delta: Int) {
    set(setting, stop: setting.stopIndex(in: design) + delta)
  }

  mutating func set(_ setting: AdvancedSetting, stop: Int) {
    move(to: setting.setting(design, toStop: stop))
  }

  /// Loads a preset's design and shows its name until a slider moves.
  mutating func apply(_ p: Preset) {
    if p.design != design {
      setDesigns(p.design, previous: design)
      verdictScroll = nil
    }
    preset = p
  }

  /// Several stops at once (Shift+arrow, PgUp/PgDn): a decade of compute, two stops elsewhere.
  static func bigStep(_ decision: Decision) -> Int {
    switch decision {
    case .compute:
      let e = Decision.computeExponents
      return Int((1 / (e[1] - e[0])).rounded())
    default: return 2
    }
  }
}
