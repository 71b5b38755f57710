import Foundation

@testable import JourneyCore

/// Files the tiny model's tests read straight from the repository.
enum TinyGPTFixtures {
  static let weightsURL = Fixtures.root.appendingPathComponent("Assets/data/tiny-gpt.bin")
  static let manifestURL = Fixtures.root.appendingPathComponent("Assets/data/tiny-gpt.json")
  static let vectorsURL = Fixtures.data("tiny-gpt-vectors.json")

  static func model() throws -> LlamaModel {
    try TinyGPT.load(weights: weightsURL, manifest: manifestURL)
  }

  static func manifest() throws -> TinyGPTManifest {
    try TinyGPTManifest.decode(Data(contentsOf: manifestURL), file: manifestURL.lastPathComponent)
  }

  /// One reference forward pass written by scripts/train_tiny_gpt.py: the whole context at
  /// positions 0..<count; attention is the last row's weights over the window it reads.
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
    try Fixtures.decode(Vectors.self, from: vectorsURL, snakeCase: true)
  }
}
