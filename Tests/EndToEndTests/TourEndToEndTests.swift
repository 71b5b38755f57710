import Foundation
import Instruments
import TerminalUI
import Testing

/// `fullstack tour` in tmux at 80x24: every step's screen, read back from the pane, is exactly
/// the screen the app's own view draws for that step (so nothing is garbled on the wire), its
/// caption is whole on the bottom two rows, and Left, Esc and `T` work in the real binary.
@Suite(.serialized, .enabled(if: Harness.shouldRun()))
struct TourEndToEndTests {
  static let size = Size(width: 80, height: 24)

  init() throws {
    try #require(Harness.tmux != nil, "tmux is required for the end-to-end tests (CI is set)")
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
  }

  /// The screen the app draws on step `index` (0-based), as the pane shows text: trailing
  /// spaces and blank lines trimmed.
  func expected(step index: Int) -> String {
    var app = AppState(
      size: Self.size, capabilities: Capabilities(colors: .palette256, unicode: true))
    Self.perform(Tour.start(&app), on: &app)
    for _ in 0..<index { _ = Self.update(&app, .key(.right)) }
    let canvas = App.view(app)
    var lines = (0..<Self.size.height).map {
      String(canvas.line($0).reversed().drop { $0 == " " }.reversed())
    }
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// An event as the runner applies it, the effects it asks for performed on a fake clock.
  static func update(_ app: inout AppState, _ event: Event) -> App.Outcome {
    var effects: [Effect] = []
    let outcome = App.update(&app, event, effects: &effects)
    perform(effects, on: &app)
    return outcome
  }

  static func perform(_ effects: [Effect], on app: inout AppState) {
    var ticks = 0.0
    App.perform(
      effects, on: &app,
      clock: {
        defer { ticks += 1e-4 }
        return ticks
      })
  }

  static var stepCount: Int {
    var app = AppState(size: size)
    perform(Tour.start(&app), on: &app)
    var count = 1
    while true {
      _ = update(&app, .key(.right))
      guard app.tour != nil else { return count }
      count += 1
    }
  }

  @Test func everyStepAt80x24IsTheScreenTheAppDraws() throws {
    let session = try TmuxSession(width: 80, height: 24, args: ["tour"])
    let count = Self.stepCount
    for i in 0..<count {
      if i > 0 { try session.keys(i % 2 == 0 ? "Space" : "Right") }
      let want = expected(step: i)
      let screen = try session.waitFor("tour step \(i + 1)", seconds: 10) { $0 == want }
      #expect(screen == want, "step \(i + 1)")
      let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.first?.contains("Tour \(i + 1)/\(count)") == true)
      #expect(lines.count == 24, "step \(i + 1): the caption's rows are at the bottom")
      #expect(!lines.suffix(2).joined().contains("…"), "step \(i + 1): caption cut")
    }
    // Right on the last step leaves the tour on the lifecycle, tabs and hints back.
    try session.keys("Right")
    let after = try session.waitFor("the tour to end") { $0.hasPrefix(" F1 Forge") }
    #expect(after.contains("SUBSTRATE"))
    #expect(after.contains("? help"))
    try session.keys("q")
    #expect(try session.aftermath().exitStatus == 0)
  }

  @Test func leftGoesBackAndEscLeavesTheInstrumentsAsTheyAre() throws {
    let session = try TmuxSession(width: 80, height: 24, args: ["tour"])
    try session.waitFor("the first step") { $0 == expected(step: 0) }
    for _ in 0..<5 { try session.keys("Right") }
    try session.waitFor("step 6") { $0 == expected(step: 5) }
    try session.keys("Left")
    try session.waitFor("back on step 5") { $0 == expected(step: 4) }
    try session.keys("Escape")
    let left = try session.waitFor("the panel back") { $0.hasPrefix(" F1 Forge") }
    // Step 5 is the Chinchilla preset: it stays on the Forge after the tour.
    #expect(left.contains("Preset 1: Chinchilla"))
    #expect(left.contains("2.144"))
    // T starts the tour again from the panel.
    try session.keys("T")
    try session.waitFor("the tour again") { $0 == expected(step: 0) }
    try session.keys("q")
    #expect(try session.aftermath().exitStatus == 0)
  }
}
