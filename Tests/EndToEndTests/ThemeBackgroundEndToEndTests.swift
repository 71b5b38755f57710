import Foundation
import Testing

/// The theme and the terminal's background, in tmux: tmux answers the app's OSC 11 query
/// with a pane's `window-style` background when one is set (and not otherwise), so each case
/// is a terminal whose background is dark, light or unknown.
@Suite(.serialized, .enabled(if: Harness.shouldRun()))
struct ThemeBackgroundEndToEndTests {
  init() throws {
    try #require(Harness.tmux != nil, "tmux is required for the end-to-end tests (CI is set)")
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
  }

  static let dark = "set -g window-style bg=#101418"
  static let light = "set -g window-style bg=#f4f0e8"

  /// The pane once the panel is up: its text and its last row.
  func start(_ args: [String], tmuxConfig: String = "") throws -> (TmuxSession, String, String) {
    let session = try TmuxSession(args: args, tmuxConfig: tmuxConfig)
    try session.waitFor("the tab bar") {
      $0.split(separator: "\n").first?.contains("F1") == true
    }
    let screen = try session.settled()
    let last = screen.split(separator: "\n").last.map(String.init) ?? ""
    return (session, screen, last)
  }

  @Test func theLightThemeOnADarkBackgroundSaysHowToSwitchUntilAKey() throws {
    let (session, screen, last) = try start(["--theme", "light"], tmuxConfig: Self.dark)
    #expect(last.contains("light theme on a dark background"), "\(last)")
    #expect(last.contains("--theme dark"))
    #expect(!screen.contains("rgb:") && !screen.contains("11;"), "the reply never shows")
    try session.keys("F1")
    let after = try session.waitFor("the key hints back") {
      $0.split(separator: "\n").last?.contains("q quit") == true
    }
    #expect(!after.contains("--theme dark"))
    try session.keys("q")
    try session.expectSane(status: 0, "light theme on a dark background")
  }

  /// The panel's last row says `text`; then it quits cleanly.
  func expectLastRow(_ args: [String], tmuxConfig: String = "", saying text: String) throws {
    let (session, _, last) = try start(args, tmuxConfig: tmuxConfig)
    #expect(last.contains(text), "\(last)")
    try session.keys("q")
    try session.expectSane(status: 0, "\(args) with \(tmuxConfig)")
  }

  @Test func withNoAnswerTheLightThemeStillSaysWhatItIsFor() throws {
    try expectLastRow(["--theme", "light"], saying: "light theme: for a light background")
  }

  @Test func aLightBackgroundPicksTheLightThemeWhenNoneIsGiven() throws {
    let (session, _, last) = try start([], tmuxConfig: Self.light)
    #expect(last.contains("q quit"), "no notice: the theme suits the background")
    // The light theme's text colour (xterm 235) is on screen; the dark theme's title colour
    // (117) is not.
    let styled = try session.screen(escapes: true)
    #expect(styled.contains("38;5;235"))
    #expect(!styled.contains("38;5;117"))
    try session.keys("q")
    try session.expectSane(status: 0, "light background")
  }

  @Test func theDarkThemeOnALightBackgroundSaysHowToSwitch() throws {
    try expectLastRow(["--theme", "dark"], tmuxConfig: Self.light, saying: "--theme light")
  }

  @Test func aDarkBackgroundKeepsTheDefaultQuiet() throws {
    let (session, _, last) = try start([], tmuxConfig: Self.dark)
    #expect(last.contains("q quit"), "\(last)")
    let styled = try session.screen(escapes: true)
    #expect(styled.contains("38;5;252"), "the dark theme's text")
    try session.keys("q")
    try session.expectSane(status: 0, "dark background")
  }
}
