import Foundation
import Testing

/// The Lifecycle, Exercises and Reading screens in the real binary under tmux.
@Suite(.serialized, .enabled(if: Harness.shouldRun()))
struct MapEndToEndTests {
  init() throws {
    try #require(Harness.tmux != nil, "tmux is required for the end-to-end tests (CI is set)")
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
  }

  /// Starts the app on `screen` and waits until `ready` shows.
  func start(_ screen: String, until ready: String, width: Int = 80, height: Int = 24) throws
    -> (TmuxSession, String)
  {
    let session = try TmuxSession(width: width, height: height, args: ["--screen", screen])
    try session.waitFor("the \(screen) screen to show '\(ready)'") { $0.contains(ready) }
    return (session, try session.settled())
  }

  @Test func lifecycleFollowsTheForgeDesign() throws {
    let (session, first) = try start("lifecycle", until: "SUBSTRATE")
    #expect(first.contains("1.0e25 FLOPs"))
    #expect(first.contains("1.917"))
    #expect(first.contains("next model"))
    try session.keys("F1")
    let forge = try session.settled()
    // One stop right on the compute slider (focused when the Forge opens): 10^25.0 -> 10^25.1.
    try session.keys("Right")
    try session.waitFor("the Forge to move its compute slider") { $0 != forge }
    try session.keys("F3")
    let after = try session.waitFor("the lifecycle to show the new budget") {
      $0.contains("SUBSTRATE") && $0.contains("1.3e25 FLOPs")
    }
    #expect(!after.contains("1.0e25 FLOPs"))
  }

  @Test func lifecycleExplainsABoxAndJumpsToItsInstrument() throws {
    let (session, _) = try start("lifecycle", until: "SUBSTRATE")
    try session.keys("Right", "Enter")
    try session.waitFor("the pre-training explanation") { $0.contains("PRE-TRAINING") }
    try session.keys("Escape", "g")
    try session.waitFor("g to open the Forge") { !$0.contains("SUBSTRATE") }
  }

  @Test func theFirstExerciseAcceptsTheSeedAnswerAndRejectsAWrongOne() throws {
    let (session, _) = try start("exercises", until: "Question 1 of 4")
    try session.keys("-l", "2.4e23")
    try session.keys("Enter")
    try session.waitFor("2.4e23 to be marked correct") { $0.contains("Correct: 2.4e23 FLOPs") }
    try session.keys("-l", "3e23")
    try session.keys("Enter")
    let wrong = try session.waitFor("3e23 to be marked wrong") { $0.contains("Not quite") }
    #expect(wrong.contains("1 correct") && wrong.contains("1 wrong"))
    // Letters are commands until Enter opens the answer field.
    try session.keys("Enter")
    try session.keys("-l", "nan")
    try session.keys("Enter")
    try session.waitFor("a gentle message for nan") { $0.contains("doesn't read as a number") }
    try session.keys("Escape", "q")
    #expect(try session.aftermath().exitStatus == 0)
  }

  @Test func theReadingListOpensAndLeadsToItsScreen() throws {
    let session = try TmuxSession(width: 80, height: 24)
    try session.waitFor("the panel") { $0.contains("F5 Reading") }
    try session.keys("F5")
    let reading = try session.waitFor("the reading list") {
      $0.contains("Where to go next") && $0.contains("To look inside one")
    }
    #expect(reading.contains("The primary sources"))
    try session.keys("Down", "Enter")
    try session.waitFor("Enter to open the Token Journey") { !$0.contains("Where to go next") }
  }
}
