import Foundation
import Testing

/// The built app in a real terminal emulator (tmux): what a person would see, and the
/// state the terminal is left in after every way of leaving.
@Suite(.serialized, .enabled(if: Harness.shouldRun()))
struct PanelEndToEndTests {
  static let tabTitles = ["Forge", "Journey", "Lifecycle", "Exercises", "Reading"]

  init() throws {
    try #require(Harness.tmux != nil, "tmux is required for the end-to-end tests (CI is set)")
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
  }

  /// Starts the app and waits for the tab bar.
  func start(width: Int = 80, height: Int = 24, env: [String: String] = [:]) throws
    -> (TmuxSession, String)
  {
    let session = try TmuxSession(width: width, height: height, env: env)
    try session.waitFor("the tab bar") { screen in
      let top = screen.split(separator: "\n").first.map(String.init) ?? ""
      return Self.tabTitles.allSatisfy { top.contains($0) }
    }
    return (session, try session.settled())
  }

  func expectSane(_ after: TmuxSession.Aftermath, status: Int32) {
    #expect(after.exitStatus == status)
    #expect(after.flags == ["icanon", "echo"], "stty -a after exit: \(after.flags)")
    #expect(!after.alternateScreen, "still on the alternate screen")
    #expect(after.cursorVisible, "cursor left hidden")
  }

  @Test func firstScreenShowsEveryTabAndQuitRestoresTheTerminal() throws {
    let (session, first) = try start()
    let lines = first.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 24)
    try session.keys("q")
    expectSane(try session.aftermath(), status: 0)
  }

  @Test func tabAndFunctionKeysAndClicksSwitchScreens() throws {
    let (session, first) = try start()
    try session.keys("Tab")
    try session.waitFor("Tab to change the screen") { $0 != first }
    // The screen once tmux has taken the whole frame: the first capture that differs may be
    // one taken while tmux was still parsing it (most likely what failed once under the full
    // suite's load).
    let second = try session.settled()
    try session.keys("F1")
    try session.waitFor("F1 to go back to the first screen") { $0 == first }
    try session.keys("F2")
    try session.waitFor("F2 to show the second screen") { $0 == second }
    // Five Tabs go all the way round.
    for _ in Self.tabTitles { try session.keys("Tab") }
    try session.waitFor("five Tabs to come back to the second screen") { $0 == second }
    try session.keys("BTab")
    try session.waitFor("Shift-Tab to go back to the first screen") { $0 == first }
    // Click on the second tab's label (xterm mouse report: press, then release).
    let top = Array(first.split(separator: "\n").first ?? "")
    let label = Array("Journey")
    let column = try #require(
      (0...(top.count - label.count)).first { Array(top[$0..<$0 + label.count]) == label })
    try session.literal(mouseReport(button: 0, x: column, y: 0))
    try session.literal(mouseReport(button: 3, x: column, y: 0))
    try session.waitFor("a click on the Journey tab") { $0 == second }
    try session.keys("q")
    expectSane(try session.aftermath(), status: 0)
  }

  /// An X10-style mouse report as a terminal sends it (1-based, offset by 32).
  func mouseReport(button: Int, x: Int, y: Int) -> String {
    func byte(_ v: Int) -> String { String(UnicodeScalar(UInt8(32 + v))) }
    return "\u{1B}[M" + byte(button) + byte(x + 1) + byte(y + 1)
  }

  @Test func tooSmallShowsAMessageAndEnlargingRecovers() throws {
    let (session, first) = try start()
    try session.resize(width: 40, height: 10)
    let small = try session.waitFor("the too-small message") {
      $0.lowercased().contains("too small")
    }
    #expect(small.contains("40x10"))
    #expect(small.contains("80x24"))
    try session.resize(width: 80, height: 24)
    try session.waitFor("the first screen to come back") { $0 == first }
    try session.keys("q")
    expectSane(try session.aftermath(), status: 0)
  }

  @Test func escapeDoesNotQuit() throws {
    let (session, first) = try start()
    try session.keys("Escape")
    try session.keys("?")
    try session.waitFor("help to open") { $0 != first }
    try session.keys("Escape")
    try session.waitFor("Esc to close help") { $0 == first }
    try session.keys("Escape")
    #expect(try session.settled() == first)
    try session.keys("C-c")
    expectSane(try session.aftermath(), status: 0)
  }

  @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129), (SIGINT, 130)] as [(Int32, Int32)])
  func signalsExitCleanly(signal: Int32, status: Int32) throws {
    let (session, _) = try start()
    #expect(kill(try session.appPID(), signal) == 0)
    expectSane(try session.aftermath(), status: status)
  }

  @Test func aCrashStillRestoresTheTerminal() throws {
    // No waiting for the first frame: the app traps right after drawing it.
    let session = try TmuxSession(env: ["FULLSTACK_DIAG_CRASH": "after-first-frame"])
    let after = try session.aftermath()
    // Killed by the re-raised SIGILL (a Swift trap): 128 + 4.
    #expect(after.exitStatus == 128 + SIGILL)
    #expect(after.flags == ["icanon", "echo"], "stty -a after the crash: \(after.flags)")
    #expect(!after.alternateScreen)
    #expect(after.cursorVisible)
  }

  @Test func largeTerminalAndNoColorDrawTheTabs() throws {
    let (session, big) = try start(width: 200, height: 50, env: ["NO_COLOR": "1"])
    #expect(big.split(separator: "\n", omittingEmptySubsequences: false).count == 50)
    try session.keys("q")
    expectSane(try session.aftermath(), status: 0)
  }
}
