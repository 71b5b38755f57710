import Foundation

@testable import JourneyCore

/// Files the tiny GPT tests read straight from the repository.
enum TinyGPTFixtures {
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let weightsURL = root.appendingPathComponent("Assets/data/tiny-gpt.bin")
  static let manifestURL = root.appendingPathComponent("Assets/data/tiny-gpt.json")
  static let vectorsURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Data/tiny-gpt-vectors.json")

  static func model() throws -> TinyGPT {
    try TinyGPT.load(weights: weightsURL, manifest: manifestURL)
  }

  /// One reference forward pass written by scripts/train_tiny_gpt.py.
  struct Vector: Decodable {
    let context: [Int]
    let logits: [Double]
    let attention: [[[Double]]]
    let residualNorms: [Double]
    let logitLens: [Int]
    let embedding: [Double]
  }

  struct Vectors: Decodable {
    let tolerance: Double
    let vectors: [Vector]
  }

  static func vectors() throws -> Vectors {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(Vectors.self, from: Data(contentsOf: vectorsURL))
  }

  static func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) }.max() ?? 0
  }
}
