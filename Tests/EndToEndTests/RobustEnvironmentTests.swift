import Foundation
import Testing

/// Odd environments: no stdin, stdout into a file, TERM unset, a TERM without terminfo.
/// Each ends in the documented one-line error (exit 2) or falls back to xterm-256color.
@Suite(.serialized, .enabled(if: Harness.shouldRun()))
struct RobustEnvironmentTests {
  init() throws {
    try #require(Harness.tmux != nil, "tmux is required for the end-to-end tests (CI is set)")
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
  }

  @Test func stdinClosedIsOneLineAndStatus2() throws {
    let r = try Harness.run(Harness.binary.path, [], stdinClosed: true)
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.split(separator: "\n").count == 1, "stderr: \(r.stderr)")
    #expect(r.stderr.contains("stdin is not a terminal"), "stderr: \(r.stderr)")
    #expect(!r.stderr.contains("\u{1B}"))
  }

  @Test func stdoutIntoAFileOnATerminalWritesNothingThere() throws {
    let file = Robust.reportPath()
    defer { unlink(file) }
    let session = try TmuxSession(redirect: "> '\(file)'")
    try session.expectSane(status: 2, "stdout into a file")
    #expect((try? Data(contentsOf: URL(fileURLWithPath: file)))?.isEmpty == true)
    let pane = try session.screen()
    #expect(pane.contains("stdout is not a terminal"), "pane: \(pane)")
    #expect(pane.contains("fullstack forge"), "pane: \(pane)")
  }

  @Test func unsetTermIsOneLineAndStatus2() throws {
    let session = try TmuxSession(unset: ["TERM"])
    try session.expectSane(status: 2, "TERM unset")
    let pane = try session.screen()
    #expect(pane.contains("TERM is not set"), "pane: \(pane)")
    #expect(pane.split(separator: "\n").first?.hasPrefix("fullstack: ") == true, "pane: \(pane)")
  }

  @Test func unknownTermFallsBackToXterm256() throws {
    let session = try TmuxSession(env: ["TERM": "no-such-terminal-fullstack"])
    let first = try session.waitFor("the tab bar under the fallback terminal type") {
      $0.split(separator: "\n").first?.contains("F1") == true
    }
    #expect(first.split(separator: "\n", omittingEmptySubsequences: false).count == 24)
    try session.keys("q")
    try session.expectSane(status: 0, "unknown TERM")
  }
}
