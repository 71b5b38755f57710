import Foundation
import TestSupport
import Testing

/// What the robustness suites share: how hard to push (FULLSTACK_ROBUST_SCALE), a seeded
/// random stream (FULLSTACK_ROBUST_SEED, printed so a failure can be replayed), the screens
/// the built app has, and its hidden state report.
enum Robust {
  /// 1 runs the issue's full counts (200 resizes, 10,000 keys per screen); the default
  /// keeps `swift test` short on two cores.
  static let scale: Double = {
    let text = ProcessInfo.processInfo.environment["FULLSTACK_ROBUST_SCALE"] ?? "0.1"
    guard let value = Double(text), value > 0, value <= 1 else {
      fatalError("FULLSTACK_ROBUST_SCALE must be a number in (0, 1], not '\(text)'")
    }
    return value
  }()

  /// tmux holds a pane's resize back for up to 250 ms before the app is told of it.
  static let resizeDelay: UInt32 = 400_000

  static func scaled(_ full: Int) -> Int { max(1, Int((Double(full) * scale).rounded())) }

  static let seed: UInt64 = {
    let env = ProcessInfo.processInfo.environment["FULLSTACK_ROBUST_SEED"]
    let seed = env.flatMap(UInt64.init) ?? UInt64.random(in: 1...999_999)
    print("Robust: FULLSTACK_ROBUST_SEED=\(seed) FULLSTACK_ROBUST_SCALE=\(scale)")
    return seed
  }()

  /// The screens the built app offers, read from its own `--help` (derived from its
  /// `ScreenID.allCases`, so new screens are covered without touching this suite).
  static let screens: [String] = {
    guard let help = try? Harness.run(Harness.binary.path, ["panel", "--help"]).stdout,
      let start = help.range(of: "Screen to open first:")
    else { return [] }
    let rest = help[start.upperBound...]
    let list = rest[..<(rest.range(of: "(default")?.lowerBound ?? rest.endIndex)]
    return list.split(whereSeparator: { " ,.\n".contains($0) }).map(String.init)
  }()

  /// A fresh path for the app's state report (FULLSTACK_DIAG_STATE_FILE).
  static func reportPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent(
      "fullstack-robust-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).state"
    ).path
  }

  /// The report as `name → value`, or nil when the app wrote none.
  static func report(at path: String) -> [String: String]? {
    defer { unlink(path) }
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    var out: [String: String] = [:]
    for line in text.split(separator: "\n") {
      guard let eq = line.firstIndex(of: "=") else { continue }
      out[String(line[..<eq])] = String(line[line.index(after: eq)...])
    }
    return out
  }

  /// Checks the invariants every screen must keep, whatever it was sent.
  static func expectInvariants(_ report: [String: String]?, size: String? = nil) {
    guard let report else {
      Issue.record("the app wrote no state report")
      return
    }
    #expect(report["nan"] == "0", "NaN in the state: \(report)")
    // The one infinity a state may hold: a logit of -inf, a model's "never follows" (a
    // bigram model's embedding is its row of logits).
    let infinite = (report["infinite"] ?? "").split(separator: " ")
    #expect(
      infinite.allSatisfy { $0.hasSuffix(".logits(-inf)") || $0.hasSuffix(".embedding(-inf)") },
      "infinite numbers in the state: \(infinite)")
    #expect(report["forge-off-stops"] == "", "Forge sliders off their stops: \(report)")
    #expect(report["forge-dossier-nonfinite"] == "", "Forge figures not finite: \(report)")
    #expect(report["canvas"] == "ok", "the view does not fill the terminal: \(report)")
    if let size { #expect(report["size"] == size, "the state's size: \(report)") }
  }
}

extension TmuxSession {
  /// Starts the app on a screen and waits until it has drawn and gone quiet.
  static func started(
    screen: String, width: Int = 80, height: Int = 24, env: [String: String] = [:],
    unset: [String] = []
  ) throws -> (TmuxSession, String) {
    let session = try TmuxSession(
      width: width, height: height, args: ["--screen", screen], env: env, unset: unset)
    try session.waitForStart("the first frame of \(screen)")
    return (session, try session.settled())
  }

  /// Checks the terminal is back to normal after the app ended with `status`.
  func expectSane(status: Int32, _ context: String = "", seconds: Double = 5) throws {
    let after = try aftermath(seconds: seconds)
    #expect(after.exitStatus == status, "exit status \(context)")
    #expect(after.flags == ["icanon", "echo"], "stty -a after exit \(context): \(after.flags)")
    #expect(!after.alternateScreen, "still on the alternate screen \(context)")
    #expect(after.cursorVisible, "cursor left hidden \(context)")
  }
}
