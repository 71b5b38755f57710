import ForgeCore
import TerminalUI

/// What the Forge's plot slot shows: which view, which gallery model is picked, and whether
/// that model's dossier is open beside the design's. The host screen stores one of these and
/// passes its keys to `handle(_:)`.
public struct ForgePlotState: Equatable, Sendable {
  public enum Mode: Equatable, Sendable, CaseIterable {
    /// Loss against parameter count at the design's budget.
    case isoFLOP
    /// Compute-optimal loss against budget, 10^20…10^27.
    case frontier
  }

  public var mode: Mode
  /// Index into `Gallery.models`, or nil for none.
  public private(set) var selected: Int?
  public var compareOpen: Bool

  public init(mode: Mode = .isoFLOP, selected: Int? = nil, compareOpen: Bool = false) {
    self.mode = mode
    self.compareOpen = compareOpen
    pick(selected)
  }

  /// The picked gallery model, if any.
  public var selectedModel: GalleryModel? { selected.map { Gallery.models[$0] } }

  /// What the plot's keys do.
  public enum Action: Equatable, Sendable {
    case toggleMode
    /// Through the gallery this many places (past either end to none).
    case pick(Int)
    case toggleCompare, closeCompare
  }

  /// The plot's keys: `v` switches the view, `]`/`.` and `[`/`,` step through the gallery,
  /// `c` opens or closes the comparison; Esc closes it while it is open.
  public var keymap: Keymap<Action> {
    var rows: [KeyBinding<Action>] = [
      KeyBinding(
        "v", mode == .isoFLOP ? "frontier view" : "IsoFLOP view", keys: [.char("v")], .toggleMode),
      KeyBinding("[ ]", "pick real model", [(.char("]"), .pick(1)), (.char("["), .pick(-1))]),
      KeyBinding(
        "c", compareOpen ? "close compare" : "compare", keys: [.char("c")], .toggleCompare),
      KeyBinding(
        ", .", "pick real model (also)", label: .helpOnly,
        [(.char("."), .pick(1)), (.char(","), .pick(-1))]),
    ]
    if compareOpen {
      rows.append(
        KeyBinding("Esc", "close compare", label: .helpOnly, keys: [.escape], .closeCompare))
    }
    return Keymap(rows)
  }

  /// Handles a key; true when it was one of the plot's keys.
  public mutating func handle(_ key: Key) -> Bool {
    guard let action = keymap.action(for: key) else { return false }
    perform(action)
    return true
  }

  /// Applies one of the plot's actions (opening the comparison picks the first model if none
  /// is picked).
  public mutating func perform(_ action: Action) {
    switch action {
    case .toggleMode: mode = mode == .isoFLOP ? .frontier : .isoFLOP
    case .pick(let delta): step(by: delta)
    case .toggleCompare:
      compareOpen.toggle()
      if compareOpen && selected == nil { selected = 0 }
    case .closeCompare: compareOpen = false
    }
  }

  /// Picks gallery model `index` (nil, or an index outside the gallery, picks none).
  public mutating func pick(_ index: Int?) {
    selected = index.flatMap { Gallery.models.indices.contains($0) ? $0 : nil }
  }

  /// Moves the pick through none, the first model, …, the last model, and back to none.
  private mutating func step(by delta: Int) {
    let count = Gallery.models.count
    // Position 0 is "none"; models sit at 1…count.
    let position = selected.map { $0 + 1 } ?? 0
    let next = ((position + delta) % (count + 1) + count + 1) % (count + 1)
    selected = next == 0 ? nil : next - 1
  }

  /// Keys for the hint bar (view and pick) and the help overlay (all of them).
  public var keys: [KeyHelp] { keymap.help }
}
