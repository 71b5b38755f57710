import ForgeCore
import TerminalUI

/// Hidden diagnostics for the robustness suite (FULLSTACK_DIAG_STATE_FILE): a few invariants
/// of the state, as `name=value` lines, that hold for every screen without knowing them.
public enum Diagnostics {
  /// How many children of one collection are walked (model weights are not state).
  static let walkLimit = 4096

  /// The report: the screen on show, the size, the help flag, the NaNs anywhere in the
  /// state (`nan=0` when there is none), every field holding an infinity (element indices
  /// dropped, sign kept: `infinite=a.logits(-inf)`), and whether the view of this state
  /// fills a canvas of exactly the state's size.
  public static func report(_ state: AppState) -> String {
    var found = Found()
    walk(state, path: "state", field: "state", into: &found)
    let canvas = App.view(state)
    return [
      "screen=\(state.screen.rawValue)",
      "size=\(state.size)",
      "help=\(state.showHelp)",
      "nan=\(found.nan.count)" + found.nan.prefix(5).map { " " + $0 }.joined(),
      "infinite=" + found.infinite.sorted().joined(separator: " "),
      "canvas=\(canvas.size == state.size ? "ok" : "\(canvas.size)")",
    ].joined(separator: "\n") + "\n" + forge(state.forge)
  }

  /// The Forge's own invariants: every slider value sits exactly on one of its stops, and
  /// every figure of the dossier is a finite number (lists of offenders, empty when none).
  static func forge(_ forge: ForgeState) -> String {
    let design = forge.design
    let offStops = Decision.allCases.filter {
      design.setting($0, toStop: design.stopIndex(for: $0)) != design
    }
    let nonFinite = forge.dossier.figures.filter { !$0.value.isFinite }
    return "forge-off-stops=\(offStops.map(\.rawValue).joined(separator: ","))\n"
      + "forge-dossier-nonfinite=\(nonFinite.map(\.id).joined(separator: ","))\n"
  }

  struct Found {
    /// Full paths of NaNs.
    var nan: [String] = []
    /// Fields (paths without element indices) holding +inf or -inf.
    var infinite: Set<String> = []

    mutating func check(_ value: Double, path: String, field: String) {
      if value.isNaN { nan.append(path) }
      if value.isInfinite { infinite.insert(field + (value < 0 ? "(-inf)" : "(+inf)")) }
    }
  }

  /// Walks a value's stored properties, collection elements and optionals. The Forge's kept
  /// pages are left out: they are the view's layout of the rest of the state, kept for the
  /// next frame (ForgeMemoTests check each equals a fresh layout), not numbers of the state,
  /// and their charts mark where a curve is cut off the top with NaN, the plot's gap.
  static func walk(_ value: Any, path: String, field: String, into found: inout Found) {
    if value is ForgePages { return }
    if let d = value as? Double { return found.check(d, path: path, field: field) }
    if let f = value as? Float { return found.check(Double(f), path: path, field: field) }
    for (i, child) in Mirror(reflecting: value).children.prefix(walkLimit).enumerated() {
      let label = child.label.map { "." + $0 }
      walk(
        child.value, path: path + (label ?? ".\(i)"), field: field + (label ?? ""), into: &found)
    }
  }
}
