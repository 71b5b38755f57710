import Foundation
import TestSupport
import Testing

/// What the terminal shows equals the canvas, always: random keys, mouse reports, resizes
/// and screen switches (every screen, 80x24 to 250x70) under each TERM the app meets and
/// with NO_COLOR, then the styled pane against the app's own last canvas, cell by cell.
/// Modest counts in `swift test`; `FULLSTACK_ROBUST_SCALE=1` runs the full ones.
@Suite(.serialized, .enabled(if: Harness.shouldRun()))
struct CanvasOracleTests {
  init() throws {
    try #require(Harness.tmux != nil, "tmux is required for the end-to-end tests (CI is set)")
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
    try #require(!Robust.screens.isEmpty, "could not read the screens from --help")
  }

  static let terminals: [(String, [String: String])] = [
    ("xterm-256color", ["TERM": "xterm-256color"]),
    ("screen-256color", ["TERM": "screen-256color"]),
    ("tmux-256color", ["TERM": "tmux-256color"]),
    ("xterm", ["TERM": "xterm"]),
    ("NO_COLOR", ["TERM": "xterm-256color", "NO_COLOR": "1"]),
  ]

  /// A running app with its canvas report.
  final class Run {
    let session: TmuxSession
    let reportPath: String
    let name: String
    private(set) var checks = 0

    init(name: String, width: Int, height: Int, env: [String: String], screen: String) throws {
      self.name = name
      reportPath = Robust.reportPath() + ".canvas"
      session = try TmuxSession(
        width: width, height: height, args: ["--screen", screen],
        env: env.merging(["FULLSTACK_DIAG_CANVAS": reportPath]) { $1 })
      try session.waitForStart()
    }

    deinit {
      unlink(reportPath)
      unlink(reportPath + ".tmp")
    }

    /// Waits until the report and the pane stop changing, then compares them.
    func check(_ context: @autoclosure () -> String) throws {
      var last = ""
      var lastPane = ""
      var stable = 0
      let end = Date().addingTimeInterval(20)
      while stable < 3, Date() < end {
        usleep(100_000)
        let now = (try? String(contentsOfFile: reportPath, encoding: .utf8)) ?? ""
        let pane = try session.tmux(["capture-pane", "-p", "-e", "-N", "-t", "e2e"])
        stable = now == last && pane == lastPane && !now.isEmpty ? stable + 1 : 0
        last = now
        lastPane = pane
      }
      checks += 1
      guard let report = CanvasOracle.Report(last) else {
        Issue.record("\(name): no readable canvas report after \(context())")
        return
      }
      let capture = StyledCapture(lastPane)
      let size = try session.tmux(
        ["display-message", "-p", "-t", "e2e", "#{pane_width}x#{pane_height}"]
      ).trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(
        "\(report.width)x\(report.height)" == size,
        "\(name): canvas \(report.width)x\(report.height) in a \(size) pane after \(context())")
      let wrong = CanvasOracle.mismatches(report: report, capture: capture)
      let what = "\(name) \(size): the pane differs from the canvas after \(context()):\n"
      if !wrong.isEmpty { Issue.record("\(what + wrong.joined(separator: "\n"))") }
    }

    func quit() throws {
      try session.literal("x")
      try session.keys("C-c")
      try session.expectSane(status: 0, "\(name) after the oracle")
    }
  }

  /// The stale cells of issue 14: at 120x40, F3 from the Forge, then Right; the first frame
  /// too.
  @Test(arguments: terminals.map(\.0))
  func lifecycleFromTheForgeLeavesNothingBehind(name: String) throws {
    let env = Self.terminals.first { $0.0 == name }!.1
    let run = try Run(name: name, width: 120, height: 40, env: env, screen: "forge")
    try run.check("the first frame")
    try run.session.keys("F3")
    try run.check("F3")
    try run.session.keys("Right")
    try run.check("F3, Right")
    try run.quit()
  }

  /// Random rounds: now and then a resize, then a screen (each in turn), then random keys
  /// and mouse reports, then the comparison.
  @Test(arguments: terminals.map(\.0))
  func randomSessionsShowExactlyTheCanvas(name: String) throws {
    let env = Self.terminals.first { $0.0 == name }!.1
    var random = SeededRandom(seed: Robust.seed &+ UInt64(name.utf8.reduce(0) { $0 &+ Int($1) }))
    var width = 80
    var height = 24
    let run = try Run(name: name, width: width, height: height, env: env, screen: "forge")
    let rounds = max(Robust.screens.count, Robust.scaled(60))
    let perRound = Robust.scaled(120)
    var log: [String] = []
    for round in 0..<rounds {
      if round > 0, Int.random(in: 0..<3, using: &random) == 0 {
        width = Int.random(in: 80...250, using: &random)
        height = Int.random(in: 24...70, using: &random)
        try run.session.resize(width: width, height: height)
        usleep(Robust.resizeDelay)
        log.append("resize \(width)x\(height)")
      }
      let screen = round % Robust.screens.count
      try run.session.keys("F\(screen + 1)")
      log.append("F\(screen + 1)")
      for _ in 0..<perRound {
        let key = OracleInput.event(width: width, height: height, using: &random)
        try run.session.literal(key)
        log.append(key.debugDescription)
      }
      try run.check("round \(round): " + log.suffix(perRound + 3).joined(separator: " "))
    }
    print("CanvasOracle \(name): \(run.checks) comparisons, \(rounds * perRound) random events")
    try run.quit()
  }
}

/// Keys the oracle sends: what a person presses on these screens (arrows, the screens' own
/// letters, Enter, Esc, help, STEP) plus escape sequences and mouse clicks and drags.
/// Never a quit key, never AUTO (`a` on the Journey runs for many seconds).
enum OracleInput {
  static let keys: [String] =
    ["\u{1B}[A", "\u{1B}[B", "\u{1B}[C", "\u{1B}[D", "\u{1B}[1;2C", "\u{1B}[1;2D"]
    + ["\u{1B}[H", "\u{1B}[F", "\u{1B}[1~", "\u{1B}[4~", "\u{1B}[5~", "\u{1B}[6~", "\u{1B}[Z"]
    + ["\r", "\u{1B}", "?", " ", "s", "n", "t", "g", "v", "c", "]", "[", "m", "k", "p", "1"]
    + ["2", "3", "4", "0", "j", "h", "l", "d", "o", "5", ".", "-", "+", "x", "\u{7F}"]

  static func event(width: Int, height: Int, using random: inout SeededRandom) -> String {
    if Int.random(in: 0..<10, using: &random) > 0 {
      return keys.randomElement(using: &random)!
    }
    let x = Int.random(in: 1...width, using: &random)
    let y = Int.random(in: 2...height, using: &random)
    let x2 = max(1, min(width, x + Int.random(in: -5...5, using: &random)))
    return "\u{1B}[<0;\(x);\(y)M\u{1B}[<32;\(x2);\(y)M\u{1B}[<0;\(x2);\(y)m"
  }
}
