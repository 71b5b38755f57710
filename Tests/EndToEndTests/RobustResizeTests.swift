import Foundation
import TestSupport
import Testing

/// Random resizes on every screen: the app survives them all and its last frame is exactly
/// (characters, colours and attributes) what a fresh start at that size draws.
@Suite(.serialized, .enabled(if: Harness.shouldRun()))
struct RobustResizeTests {
  init() throws {
    try #require(Harness.tmux != nil, "tmux is required for the end-to-end tests (CI is set)")
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
    try #require(!Robust.screens.isEmpty, "could not read the screens from --help")
  }

  @Test func randomResizesEndOnTheFrameOfAFreshStart() throws {
    var random = SeededRandom(seed: Robust.seed)
    let count = Robust.scaled(200)
    for screen in Robust.screens {
      let reportPath = Robust.reportPath()
      let (session, _) = try TmuxSession.started(
        screen: screen, env: ["FULLSTACK_DIAG_STATE_FILE": reportPath])
      var size = (width: 80, height: 24)
      for _ in 0..<count {
        size = (Int.random(in: 10...250, using: &random), Int.random(in: 3...80, using: &random))
        try session.resize(width: size.width, height: size.height)
        // Some resizes land in a burst, some while the app is drawing the previous one.
        if Bool.random(using: &random) { usleep(UInt32.random(in: 0...20_000, using: &random)) }
      }
      usleep(Robust.resizeDelay)
      let resized = try session.settled()
      let resizedStyled = StyledCapture(try session.screen(escapes: true))
      let (fresh, freshText) = try TmuxSession.started(
        screen: screen, width: size.width, height: size.height)
      #expect(
        resized == freshText,
        "\(screen) after \(count) resizes, at \(size.width)x\(size.height), is not a fresh start"
      )
      let freshStyled = StyledCapture(try fresh.screen(escapes: true))
      #expect(resizedStyled.visible == freshStyled.visible, "\(screen): styles differ")
      // Back to 80x24 first, so the shell's report after exit is not wrapped.
      for s in [session, fresh] { try s.resize(width: 80, height: 24) }
      usleep(Robust.resizeDelay)
      for s in [session, fresh] { try s.keys("C-c") }
      try session.expectSane(status: 0, "after resizing \(screen)")
      Robust.expectInvariants(Robust.report(at: reportPath), size: "80x24")
      try fresh.expectSane(status: 0, "fresh \(screen)")
    }
  }
}
