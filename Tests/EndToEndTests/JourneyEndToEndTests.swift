import Foundation
import Testing

/// The Token Journey in a real terminal (tmux): STEP, AUTO and the temperature, as a person
/// watching the screen would check them.
@Suite(.serialized, .enabled(if: Harness.shouldRun()))
struct JourneyEndToEndTests {
  init() throws {
    try #require(Harness.tmux != nil, "tmux is required for the end-to-end tests (CI is set)")
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
  }

  /// Starts the app on the Journey with the corpus model and waits for the first context.
  func start() throws -> (TmuxSession, String) {
    let session = try TmuxSession(args: ["--screen", "journey"])
    try session.waitFor("the Journey's context") { $0.contains("Context · corpus") }
    return (session, try session.settled())
  }

  /// The words of the context panel's first line, the `?` slot included.
  static func context(_ screen: String) -> [String] {
    let lines = screen.split(separator: "\n").map(String.init)
    guard lines.count > 2 else { return [] }
    let inside = lines[2].split(separator: "│").first.map(String.init) ?? ""
    return inside.split(separator: " ").map(String.init)
  }

  /// The percentages on the next-token bars, top to bottom.
  static func bars(_ screen: String) -> [String] {
    screen.split(separator: "\n").compactMap { line -> String? in
      guard line.hasSuffix("%│") else { return nil }
      return line.dropLast().split(separator: " ").last.map(String.init)
    }
  }

  @Test func stepAddsOneToken() throws {
    let (session, first) = try start()
    #expect(Self.context(first) == ["the", "?"])
    try session.keys("Space")
    let after = try session.waitFor("one token to join the context") {
      $0.contains("1 generated")
    }
    // At append the drawn token has taken the `?`'s place; the next `?` comes with the next
    // step.
    let words = Self.context(after)
    #expect(words.count == 2, "context after STEP: \(words)")
    #expect(words.first == "the" && words.last != "?")
    #expect(Self.context(try session.settled()) == words, "a second token arrived")
    try session.keys("q")
    #expect(try session.aftermath().exitStatus == 0)
  }

  @Test func autoReachesAPeriodAndStops() throws {
    let (session, _) = try start()
    try session.keys("+", "+", "a")
    let done = try session.waitFor("AUTO to reach a period", seconds: 30) {
      $0.contains("AUTO stopped at a period")
    }
    let lines = done.split(separator: "\n").prefix(14).map {
      $0.split(separator: "│").first.map(String.init) ?? ""
    }
    let words = lines.dropFirst(2).prefix { !$0.contains("glow") }.flatMap {
      $0.split(separator: " ").map(String.init)
    }
    #expect(words.last == ".", "the context ends with a period:\n\(lines.joined(separator: "\n"))")
    let settled = try session.settled()
    usleep(500_000)
    #expect(try session.screen() == settled, "AUTO stopped after the period")
    try session.keys("q")
    #expect(try session.aftermath().exitStatus == 0)
  }

  @Test func temperatureReshapesTheBarsBeforeSampling() throws {
    let (session, first) = try start()
    #expect(Self.bars(first).isEmpty, "no bars before the step reaches logits")
    for _ in 0..<7 { try session.keys("n") }
    let lit = try session.waitFor("the logits stage") { Self.bars($0).count == 9 }
    let warm = Self.bars(lit)
    #expect(warm.count == 9, "eight bars and the remainder: \(warm)")
    for _ in 0..<5 { try session.keys("[") }
    let cool = try session.waitFor("the temperature to reach 0.5") {
      $0.contains("temperature 0.5")
    }
    let bars = Self.bars(cool)
    #expect(bars != warm)
    #expect(Double(bars[0].dropLast()) ?? 0 > Double(warm[0].dropLast()) ?? 100)
    #expect(Self.context(cool) == ["the", "?"], "nothing was sampled")
    #expect(cool.contains("0 generated"))
    try session.keys("q")
    #expect(try session.aftermath().exitStatus == 0)
  }

  /// The mouse alone runs the Journey: a click on [ STEP ] adds a token, a click on the
  /// temperature track's far right end sets 2.5.
  @Test func clicksOnStepAndTheTemperatureTrack() throws {
    let (session, first) = try start()
    let rows = first.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let controls = try #require(rows.firstIndex { $0.contains("[ STEP ]") })
    let line = rows[controls]
    let step = try #require(line.range(of: "STEP"))
    let panel = try PanelEndToEndTests()
    let stepX = line.distance(from: line.startIndex, to: step.lowerBound)
    try session.literal(panel.mouseReport(button: 0, x: stepX, y: controls))
    try session.literal(panel.mouseReport(button: 3, x: stepX, y: controls))
    try session.waitFor("a click on STEP to add a token") { $0.contains("1 generated") }
    let knob = try #require(line.lastIndex { $0 == "─" })
    let trackEnd = line.distance(from: line.startIndex, to: knob)
    try session.literal(panel.mouseReport(button: 0, x: trackEnd, y: controls))
    try session.literal(panel.mouseReport(button: 3, x: trackEnd, y: controls))
    try session.waitFor("a click on the track's end to set temperature 2.5") {
      $0.split(separator: "\n").contains { $0.contains("[ STEP ]") && $0.hasSuffix("2.5") }
    }
    try session.keys("q")
    #expect(try session.aftermath().exitStatus == 0)
  }
}
