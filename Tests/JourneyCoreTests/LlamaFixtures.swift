import Foundation
import Testing

@testable import JourneyCore

/// The real stories260K checkpoint in the shared models folder (never committed), and the
/// numpy reference vectors derived from it (committed).
enum LlamaFixtures {
  static let folder = Fixtures.root.deletingLastPathComponent()
    .appendingPathComponent("shared/models/stories260K")
  static let checkpoint = folder.appendingPathComponent("stories260K.bin").path
  static let tokenizer = folder.appendingPathComponent("tok512.bin").path
  static let greedy = folder.appendingPathComponent("greedy-200.txt").path
  static let vectorsURL = Fixtures.data("llama-vectors.json")

  static let inCI =
    !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
    && ProcessInfo.processInfo.environment["CI"] != "false"

  /// True when the tests that read the real model should run: the folder is there, or CI is
  /// set (then a missing folder fails them). Otherwise it says by name why they skip.
  static func shouldRun(_ suite: String) -> Bool {
    if inCI || FileManager.default.fileExists(atPath: folder.path) { return true }
    print("\(suite) skipped: \(folder.path) is absent (and CI is unset)")
    return false
  }

  static func model() throws -> LlamaModel {
    try LlamaModel.load(checkpoint: checkpoint, tokenizer: tokenizer)
  }

  struct Position: Decodable {
    let position: Int
    let logits: [Double]
    let attention: [[[Double]]]?
  }

  struct Case: Decodable {
    let prompt: String
    let tokens: [Int]
    let positions: [Position]
  }

  struct Vectors: Decodable {
    let tolerance: Double
    let cases: [Case]
  }

  static func vectors() throws -> Vectors {
    try Fixtures.decode(Vectors.self, from: vectorsURL)
  }
}
