import Foundation
import Testing

/// A click past column 223 acts on a 250x70 screen inside tmux (a projector over SSH), under
/// the TERMs tmux sets. X10 mouse encoding cannot name a column past 223, so the app must ask
/// for SGR (1006) reports whatever terminfo's `kmous` says. The app runs in a tmux nested in
/// the harness's: the click is written to the inner tmux client as a terminal would, and the
/// inner tmux encodes it for the app as the app asked, or drops it (X10 past column 222).
@Suite(.serialized, .enabled(if: Harness.shouldRun()))
struct WideMouseEndToEndTests {
  init() throws {
    try #require(Harness.tmux != nil, "tmux is required for the end-to-end tests (CI is set)")
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
  }

  @Test(arguments: ["tmux-256color", "screen-256color", "xterm-256color"])
  func aClickOnTheTemperatureTrackPastColumn223Acts(term: String) throws {
    let tmux = try #require(Harness.tmux)
    let name = "fullstack-e2e-inner-\(getpid())-\(UUID().uuidString.prefix(8))"
    let temp = FileManager.default.temporaryDirectory
    let socket = temp.appendingPathComponent(name + ".sock").path
    let config = temp.appendingPathComponent(name + ".conf")
    try """
    set -g default-terminal \(term)
    set -g status off
    set -s escape-time 0
    """.write(to: config, atomically: true, encoding: .utf8)
    defer {
      _ = try? Harness.run(tmux, ["-S", socket, "kill-server"])
      unlink(socket)
      try? FileManager.default.removeItem(at: config)
    }
    let session = try TmuxSession(
      width: 250, height: 70, args: ["--screen", "journey"],
      launcher: [tmux, "-S", socket, "-f", config.path, "new-session"])
    let first = try session.waitFor("the Journey's controls") {
      $0.contains("[ STEP ]") && !TmuxSession.showsLoading($0)
    }
    let rows = first.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let controls = try #require(rows.firstIndex { $0.contains("[ STEP ]") })
    let line = Array(rows[controls])
    #expect(line.count == 250, "the controls row spans the screen: \(line.count)")
    let trackEnd = try #require(line.lastIndex { $0 == "─" })
    try #require(trackEnd > 223, "the track's end is at column \(trackEnd)")
    let inner = try Harness.run(tmux, ["-S", socket, "display-message", "-p", "#{mouse_sgr_flag}"])
    #expect(
      inner.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1",
      "\(term): the app asked tmux for SGR mouse reports")
    let report = "\u{1B}[<0;\(trackEnd + 1);\(controls + 1)"
    try session.literal(report + "M")
    try session.literal(report + "m")
    try session.waitFor("\(term): a click at column \(trackEnd) to set temperature 2.5") {
      $0.split(separator: "\n").contains { $0.contains("[ STEP ]") && $0.hasSuffix("2.5") }
    }
    try session.keys("q")
    #expect(try session.aftermath().exitStatus == 0)
  }
}
