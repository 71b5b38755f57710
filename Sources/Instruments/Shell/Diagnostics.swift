import TerminalUI

/// Hidden diagnostics for the robustness suite (FULLSTACK_DIAG_STATE_FILE): a few invariants
/// of the state, as `name=value` lines, that hold for every screen without knowing them.
public enum Diagnostics {
  /// How many children of one collection are walked (model weights are not state).
  static let walkLimit = 4096

  /// The report: the screen on show, the size, the help flag, every non-finite number found
  /// anywhere in the state (`nonfinite=0` when there is none), and whether the view of this
  /// state fills a canvas of exactly the state's size.
  public static func report(_ state: AppState) -> String {
    var bad: [String] = []
    walk(state, path: "state", into: &bad)
    let canvas = App.view(state)
    return [
      "screen=\(state.screen.rawValue)",
      "size=\(state.size)",
      "help=\(state.showHelp)",
      "nonfinite=\(bad.count)" + (bad.isEmpty ? "" : " " + bad.prefix(5).joined(separator: " ")),
      "canvas=\(canvas.size == state.size ? "ok" : "\(canvas.size)")",
    ].joined(separator: "\n") + "\n"
  }

  /// Collects the paths of NaN and infinite Doubles and Floats inside a value.
  static func walk(_ value: Any, path: String, into bad: inout [String]) {
    if let d = value as? Double {
      if !d.isFinite { bad.append(path) }
      return
    }
    if let f = value as? Float {
      if !f.isFinite { bad.append(path) }
      return
    }
    for (i, child) in Mirror(reflecting: value).children.prefix(walkLimit).enumerated() {
      walk(child.value, path: path + "." + (child.label ?? "\(i)"), into: &bad)
    }
  }
}
