import Foundation
import TestSupport
import Testing

/// Random input on every screen: keys, escape sequences, mouse reports, pasted bursts and
/// control keys. The app must neither crash nor hang, must still quit on Ctrl-C afterwards,
/// and its state must keep the invariants of the hidden state report.
@Suite(.serialized, .enabled(if: Harness.shouldRun()))
struct RobustInputTests {
  init() throws {
    try #require(Harness.tmux != nil, "tmux is required for the end-to-end tests (CI is set)")
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
    try #require(!Robust.screens.isEmpty, "could not read the screens from --help")
  }

  @Test func randomKeysMouseAndPastesKeepTheAppAlive() throws {
    var random = SeededRandom(seed: Robust.seed &+ 1)
    let count = Robust.scaled(10_000)
    for screen in Robust.screens {
      let reportPath = Robust.reportPath()
      let (session, _) = try TmuxSession.started(
        screen: screen, env: ["FULLSTACK_DIAG_STATE_FILE": reportPath])
      let input = FuzzInput(width: 80, height: 24)
      for chunk in input.chunks(count, using: &random) { try session.literal(chunk) }
      // Ctrl-C comes after every random byte (the stream is in order), so the app must
      // work through all of them and then quit; a plain letter first ends any sequence.
      try session.literal("x")
      try session.keys("C-c")
      try session.expectSane(
        status: 0, "after \(count) random events on \(screen)", seconds: 120)
      Robust.expectInvariants(Robust.report(at: reportPath), size: "80x24")
    }
  }
}
