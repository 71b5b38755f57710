import Foundation
import TestSupport
import Testing

/// SIGINT, SIGTERM and SIGHUP at random moments — while starting up, in the middle of a
/// burst of input, while an animation runs — and a crash on purpose: the exit status is
/// 128 + the signal and the terminal is always left sane.
@Suite(.serialized, .enabled(if: Harness.shouldRun()))
struct RobustSignalTests {
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  init() throws {
    try #require(Harness.tmux != nil, "tmux is required for the end-to-end tests (CI is set)")
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
    try #require(!Robust.screens.isEmpty, "could not read the screens from --help")
  }

  /// The app's pid, as soon as the pane's shell has started it.
  func pid(of session: TmuxSession) throws -> pid_t {
    for _ in 0..<200 {
      if let pid = try? session.appPID() { return pid }
      usleep(5_000)
    }
    return try session.appPID()
  }

  @Test func signalsWhileStartingUp() throws {
    var random = SeededRandom(seed: Robust.seed &+ 2)
    for signal in Self.signals {
      for _ in 0..<Robust.scaled(10) {
        let screen = Robust.screens.randomElement(using: &random)!
        let session = try TmuxSession(args: ["--screen", screen])
        let pid = try pid(of: session)
        usleep(UInt32.random(in: 0...150_000, using: &random))
        #expect(kill(pid, signal) == 0)
        try session.expectSane(status: 128 + signal, "signal \(signal) at start of \(screen)")
      }
    }
  }

  @Test func signalsInTheMiddleOfInputOnEveryScreen() throws {
    var random = SeededRandom(seed: Robust.seed &+ 3)
    let input = FuzzInput(width: 80, height: 24)
    for screen in Robust.screens {
      for signal in Self.signals {
        let (session, _) = try TmuxSession.started(screen: screen)
        for chunk in input.chunks(Robust.scaled(2_000), using: &random) {
          try session.literal(chunk)
        }
        usleep(UInt32.random(in: 0...100_000, using: &random))
        #expect(kill(try session.appPID(), signal) == 0)
        try session.expectSane(status: 128 + signal, "signal \(signal) amid input on \(screen)")
      }
    }
  }

  /// Mid-animation: the Journey's AUTO (`a`) redraws on a timer; signals land between and
  /// during its frames.
  @Test func signalsWhileTheJourneyAnimates() throws {
    try #require(Robust.screens.contains("journey"))
    var random = SeededRandom(seed: Robust.seed &+ 4)
    for signal in Self.signals {
      let (session, first) = try TmuxSession.started(screen: "journey")
      try session.keys("a")
      let moving = try session.waitFor("AUTO to change the screen") { $0 != first }
      try session.waitFor("AUTO to keep changing the screen") { $0 != moving }
      usleep(UInt32.random(in: 0...200_000, using: &random))
      #expect(kill(try session.appPID(), signal) == 0)
      try session.expectSane(status: 128 + signal, "signal \(signal) during AUTO")
    }
  }

  @Test(arguments: ["tmux-256color", "xterm", "vt100"])
  func aCrashRestoresTheTerminal(term: String) throws {
    let session = try TmuxSession(
      args: ["--screen", Robust.screens.last ?? "forge"],
      env: ["TERM": term, "FULLSTACK_DIAG_CRASH": "after-first-frame"])
    // A Swift trap raises SIGILL, which the crash handler re-raises after restoring.
    try session.expectSane(status: 128 + SIGILL, "crash with TERM=\(term)")
  }
}
