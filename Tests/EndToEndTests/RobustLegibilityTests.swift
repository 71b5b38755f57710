import Foundation
import Testing

/// Poor terminals on every screen: LANG=C draws only ASCII (exactly what `--ascii` draws),
/// TERM=xterm uses only the 8 basic colours, TERM=vt100 and NO_COLOR use none, and in each
/// the text stays visible and the active tab stands out from the others.
@Suite(.serialized, .enabled(if: Harness.shouldRun()))
struct RobustLegibilityTests {
  init() throws {
    try #require(Harness.tmux != nil, "tmux is required for the end-to-end tests (CI is set)")
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
    try #require(!Robust.screens.isEmpty, "could not read the screens from --help")
  }

  /// The pane as the app draws it on `screen`, plain and with styles; quits afterwards.
  func capture(_ screen: String, args: [String] = [], env: [String: String] = [:]) throws
    -> (text: String, styled: StyledCapture)
  {
    let session = try TmuxSession(args: ["--screen", screen] + args, env: env)
    try session.waitFor("the tab bar of \(screen)") {
      $0.split(separator: "\n").first?.contains("F1") == true
    }
    let settled = try session.settled()
    let raw = try session.screen(escapes: true)
    let styled = StyledCapture(raw)
    try session.keys("C-c")
    try session.expectSane(status: 0, "\(screen) with \(env)")
    return (settled, styled)
  }

  @Test func cLocaleDrawsOnlyWhatAsciiModeDraws() throws {
    for screen in Robust.screens {
      let c = try capture(screen, env: ["LANG": "C", "LC_ALL": "C"])
      let nonASCII = c.text.unicodeScalars.filter { !$0.isASCII }
      #expect(
        nonASCII.isEmpty, "\(screen) under LANG=C: \(String(String.UnicodeScalarView(nonASCII)))")
      let ascii = try capture(screen, args: ["--ascii"])
      #expect(c.text == ascii.text, "\(screen): LANG=C differs from --ascii")
    }
  }

  @Test(arguments: [
    ("xterm", ["TERM": "xterm"], "dark"), ("xterm", ["TERM": "xterm"], "light"),
    ("xterm", ["TERM": "xterm"], "high-contrast"), ("vt100", ["TERM": "vt100"], "dark"),
    ("NO_COLOR", ["NO_COLOR": "1"], "dark"),
  ])
  func poorTerminalsStayLegible(name: String, env: [String: String], theme: String) throws {
    let basic = Set((30...37).map(String.init) + (40...47).map(String.init))
    for screen in Robust.screens {
      let c = try capture(screen, args: ["--theme", theme], env: env)
      let colors = c.styled.colorCodes
      if name == "xterm" {
        #expect(!colors.isEmpty, "\(screen) under TERM=xterm: no colour at all")
        #expect(
          colors.isSubset(of: basic), "\(screen) under TERM=xterm: \(colors.subtracting(basic))")
      } else {
        #expect(colors.isEmpty, "\(screen) under \(name) (\(theme)): colours \(colors)")
      }
      #expect(
        c.styled.invisible.isEmpty,
        "\(screen) under \(name) (\(theme)): invisible text at \(c.styled.invisible)")
      let tabStyles = Set(
        (c.styled.rows.first ?? []).filter { $0.character != " " }.map(\.style))
      #expect(
        tabStyles.count >= 2,
        "\(screen) under \(name) (\(theme)): the active tab does not stand out")
      #expect(
        c.text.split(separator: "\n").count > 3, "\(screen) under \(name) (\(theme)): empty screen")
    }
  }
}
