import Foundation
import Testing

/// The Forge screen in the built app, in tmux: the figures a lecturer checks first.
@Suite(.serialized, .enabled(if: Harness.shouldRun()))
struct ForgeEndToEndTests {
  init() throws {
    try #require(Harness.tmux != nil, "tmux is required for the end-to-end tests (CI is set)")
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
  }

  /// Starts the app on the Forge and waits for the dossier.
  func start(width: Int = 80, height: Int = 24) throws -> (TmuxSession, String) {
    let session = try TmuxSession(width: width, height: height, args: ["--screen", "forge"])
    try session.waitFor("the dossier") { $0.contains("Concurrent users") }
    return (session, try session.settled())
  }

  /// The line of the screen that holds `label`.
  func line(_ screen: String, _ label: String) -> String {
    screen.split(separator: "\n").map(String.init).first { $0.contains(label) } ?? ""
  }

  @Test func defaultShowsTheSeedLoss() throws {
    let (session, screen) = try start()
    #expect(line(screen, "Predicted loss").contains("1.917"))
    #expect(line(screen, "Compute budget").contains("10^25.0 FLOPs"))
    try session.keys("q")
  }

  @Test func rightOnComputeChangesTheParams() throws {
    let (session, screen) = try start()
    let before = line(screen, "Total params")
    try session.keys("Right")
    let after = try session.waitFor("the params to change") {
      line($0, "Total params") != before
    }
    #expect(line(after, "Compute budget").contains("10^25.1 FLOPs"))
    #expect(line(after, "Total params").contains("▲"))
    try session.keys("q")
  }

  /// At 10^27 on 80x24 the verdicts do not fit: the panel says how many more and `m` pages on
  /// to them, then back to the first.
  @Test func mPagesThroughTheVerdictsAt80x24() throws {
    let (session, _) = try start()
    try session.keys("PageUp", "PageUp")
    let first = try session.waitFor("the 10^27 verdicts") { $0.contains("6 more: m shows them") }
    #expect(first.contains("m more verdicts"), "the hint bar names the key")
    #expect(!first.contains("slower than reading"))
    try session.keys("m")
    let second = try session.waitFor("the next page") { $0.contains("slower than reading") }
    #expect(!second.contains("beyond any cluster built"))
    try session.keys("m", "m")
    _ = try session.waitFor("the first page again") { $0.contains("beyond any cluster built") }
    try session.keys("q")
  }

  @Test func keyOneShowsTheChinchillaLoss() throws {
    let (session, _) = try start()
    try session.keys("1")
    let screen = try session.waitFor("the Chinchilla preset") {
      line($0, "Predicted loss").contains("2.144")
    }
    #expect(screen.contains("Preset 1: Chinchilla"))
    try session.keys("q")
  }

  @Test func enterOpensATraceAndEscClosesIt() throws {
    let (session, first) = try start()
    try session.keys("Enter")
    let trace = try session.waitFor("the trace popup") { $0.contains("Trace · Predicted loss") }
    #expect(trace.contains("L = E + A/N_eff^α + B/D^β"))
    #expect(trace.contains("= 1.917   (EQ 4.1)"))
    try session.keys("Escape")
    let closed = try session.waitFor("the popup to close") { !$0.contains("Trace ·") }
    #expect(closed != first)
    #expect(line(closed, "Predicted loss").contains("▶ Predicted loss"))
    try session.keys("q")
  }

  @Test func theIrresponsibleDesignFailsAndSaysWhy() throws {
    let (session, _) = try start()
    try session.keys("4")
    let screen = try session.waitFor("the 4090 failure") { $0.contains("FAILS") }
    #expect(line(screen, "Concurrent users").contains("✗"))
    #expect(screen.contains("✗ One user's KV cache at 1M is 412 GB,"))
    try session.keys("q")
  }

  @Test func clickOnTheContextTrackJumpsThere() throws {
    let (session, screen) = try start()
    let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let labelRow = try #require(rows.firstIndex { $0.contains("│ Context") })
    // The track row is under the label; its first column is the first track glyph.
    let track = rows[labelRow + 1]
    let column = try #require(track.firstIndex { $0 == "─" || $0 == "●" })
    let x = track.distance(from: track.startIndex, to: column)
    let panel = try PanelEndToEndTests()
    try session.literal(panel.mouseReport(button: 0, x: x, y: labelRow + 1))
    try session.literal(panel.mouseReport(button: 3, x: x, y: labelRow + 1))
    try session.waitFor("the context to jump to 2K") { line($0, "Context").contains("2K") }
    try session.keys("q")
  }
}
