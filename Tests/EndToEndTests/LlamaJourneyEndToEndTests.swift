import Foundation
import Testing

/// The Journey with the real stories260K in tmux: `m` reaches it, STEP shows subword pieces,
/// AUTO ends at a period or the end of the text, and layer/head picking covers 5 × 8.
@Suite(.serialized, .enabled(if: StoriesFolder.shouldRun() && Harness.shouldRun()))
struct LlamaJourneyEndToEndTests {
  init() throws {
    try #require(Harness.tmux != nil, "tmux is required for the end-to-end tests (CI is set)")
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
  }

  /// Opens the Journey with the checkpoint given on the command line and presses `m` until
  /// the context panel names stories260K.
  func start(width: Int = 80, height: Int = 24) throws -> TmuxSession {
    let folder = StoriesFolder.url
    let session = try TmuxSession(
      width: width, height: height,
      args: [
        "--screen", "journey", "--checkpoint",
        folder.appendingPathComponent("stories260K.bin").path,
        "--tokenizer", folder.appendingPathComponent("tok512.bin").path,
      ])
    try session.waitFor("the Journey") { $0.contains("Context · corpus") }
    // The catalog's order: seed-toy, corpus, tiny-gpt, then the checkpoint.
    try session.keys("m")
    try session.waitFor("the tiny GPT") { $0.contains("Context · tiny-gpt") }
    try session.keys("m")
    try session.waitFor("stories260K") { $0.contains("Context · stories260K") }
    return session
  }

  @Test func stepShowsSubwordPiecesWithTheirBoundaries() throws {
    let session = try start()
    let first = try session.settled()
    #expect(first.contains("<s> ▁the ?"), "\(first)")
    // The glow lights when the step reaches attn 1 (text, tokens, embed, attn 1).
    try session.keys("n", "n", "n", "n")
    let lit = try session.waitFor("attn 1") { $0.contains("layer 1 attends") }
    #expect(lit.contains("sink"), "the glow caption names the attention sink")
    try session.keys("Space")
    let after = try session.waitFor("a token to join") { $0.contains("1 generated") }
    let line = after.split(separator: "\n")[2]
    #expect(line.contains("<s> ▁the "), "\(line)")
    try session.keys("q")
    #expect(try session.aftermath().exitStatus == 0)
  }

  @Test func autoEndsAtAPeriodOrTheEndOfTheText() throws {
    let session = try start()
    try session.keys("+", "+", "+", "+", "a")
    let done = try session.waitFor("AUTO to end", seconds: 90) {
      $0.contains("AUTO stopped at a period") || $0.contains("AUTO stopped at the end")
    }
    #expect(!done.contains("40 tokens"), "\(done)")
    try session.keys("q")
    #expect(try session.aftermath().exitStatus == 0)
  }

  @Test func theAttentionTableCoversFiveLayersOfEightHeadsAndNamesTheSink() throws {
    let session = try start(width: 200, height: 50)
    try session.keys("Space")
    _ = try session.waitFor("a token to join") { $0.contains("1 generated") }
    // Forty heads do not fit: the table shows the glow's layer (the last, by default), all
    // eight heads and their average, the glow's column marked.
    let table = try session.settled()
    #expect(table.contains("L5·H1"), "\(table)")
    #expect(table.contains("L5·H8"), "\(table)")
    #expect(table.contains("▶L5 avg"), "\(table)")
    // Pairs of query heads sit under the KV head they share.
    #expect(table.contains("─ L5·kv1 ─") && table.contains("─ L5·kv4 ─"), "\(table)")
    // Light the attention stage of layer 1 by hand: tokens, embed, attention 1.
    try session.keys("n", "n", "n", "n")
    let lit = try session.waitFor("layer 1's attention") { $0.contains("layer 1 attends") }
    #expect(lit.contains("sink '<s>'"), "\(lit)")
    #expect(lit.contains("2 heads share each KV head"), "\(lit)")
    try session.keys("q")
    #expect(try session.aftermath().exitStatus == 0)
  }

  /// The replay line's command prints the pieces the panel drew (numpy's sampler, seed 0).
  @Test func theReplayLinePrintsWhatThePanelDrew() throws {
    let session = try start()
    for n in 1...3 {
      try session.keys("Space")
      try session.waitFor("token \(n)") { $0.contains("\(n) generated") }
    }
    let line = try session.settled().split(separator: "\n")[2]
    let inside = line.split(separator: "│").first.map(String.init) ?? ""
    let pieces = inside.split(separator: " ").map(String.init).filter { $0 != "<s>" && $0 != "?" }
    let panelText = String(pieces.joined().replacingOccurrences(of: "▁", with: " ").dropFirst())
    let folder = StoriesFolder.url
    let cli = try Harness.run(
      Harness.binary.path,
      [
        "journey", "--checkpoint", folder.appendingPathComponent("stories260K.bin").path,
        "--tokenizer", folder.appendingPathComponent("tok512.bin").path, "--prompt", "the",
        "--temperature", "1.0", "--seed", "0", "--tokens", "3",
      ])
    #expect(cli.status == 0)
    #expect(cli.stdout == panelText + "\n", "panel pieces: \(pieces)")
    try session.keys("q")
    #expect(try session.aftermath().exitStatus == 0)
  }
}
