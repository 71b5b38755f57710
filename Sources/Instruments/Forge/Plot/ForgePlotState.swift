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

  /// Handles a key; true when it was one of the plot's keys. `v` switches the view, `]`/`.`
  /// and `[`/`,` step through the gallery (past either end to none), `c` opens or closes the
  /// comparison (opening picks the first model if none is picked), Esc closes it.
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .char("v"):
      mode = mode == .isoFLOP ? .frontier : .isoFLOP
    case .char("]"), .char("."):
      step(by: 1)
    case .char("["), .char(","):
      step(by: -1)
    case .char("c"):
      compareOpen.toggle()
      if compareOpen && selected == nil { selected = 0 }
    case .escape where compareOpen:
      compareOpen = false
    default:
      return false
    }
    return true
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
  public var keys: [KeyHelp] {
    [
      KeyHelp("v", mode == .isoFLOP ? "frontier view" : "IsoFLOP view"),
      KeyHelp("[ ]", "pick real model"),
      KeyHelp("c", compareOpen ? "close compare" : "compare"),
      KeyHelp(", .", "pick real model (also)", inHintBar: false),
      KeyHelp("Esc", "close compare", inHintBar: false),
    ]
  }
}
