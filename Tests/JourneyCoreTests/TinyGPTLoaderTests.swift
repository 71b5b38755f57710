import Foundation
import Testing

@testable import JourneyCore

@Suite struct TinyGPTLoaderTests {
  let weights: Data
  let manifest: Data

  init() throws {
    weights = try Data(contentsOf: TinyGPTFixtures.weightsURL)
    manifest = try Data(contentsOf: TinyGPTFixtures.manifestURL)
  }

  /// The one-line message loading these bytes fails with, or nil if it loads.
  func failure(weights: Data? = nil, manifest: Data? = nil) -> String? {
    do {
      _ = try TinyGPT.load(
        weightsData: weights ?? self.weights, weightsFile: "w.bin",
        manifestData: manifest ?? self.manifest, manifestFile: "m.json")
      return nil
    } catch let error as TinyGPTLoadError {
      #expect(!error.description.contains("\n"))
      return error.description
    } catch {
      Issue.record("unexpected error type: \(error)")
      return "\(error)"
    }
  }

  /// The manifest with one edit applied to its JSON object.
  func editedManifest(_ edit: (inout [String: Any]) -> Void) throws -> Data {
    var object = try #require(JSONSerialization.jsonObject(with: manifest) as? [String: Any])
    edit(&object)
    return try JSONSerialization.data(withJSONObject: object)
  }

  func architecture(_ edit: @escaping (inout [String: Any]) -> Void) throws -> Data {
    try editedManifest { object in
      var arch = object["architecture"] as? [String: Any] ?? [:]
      edit(&arch)
      object["architecture"] = arch
    }
  }

  @Test func theShippedFilesLoad() {
    #expect(failure() == nil)
  }

  @Test func truncatedWeightsAreRefused() throws {
    let message = try #require(failure(weights: weights.prefix(weights.count - 4)))
    #expect(message.hasPrefix("w.bin: truncated"))
    #expect(try #require(failure(weights: weights.prefix(10))).hasPrefix("w.bin: truncated"))
  }

  @Test func trailingBytesAreRefused() throws {
    let message = try #require(failure(weights: weights + Data([0, 0, 0, 0])))
    #expect(message.hasPrefix("w.bin: has trailing bytes"))
  }

  @Test func garbageIsRefused() throws {
    let garbage = Data((0..<4096).map { UInt8(($0 * 73 + 5) % 256) })
    #expect(try #require(failure(weights: garbage)).contains("no \"TGPT\" magic"))
    #expect(try #require(failure(manifest: garbage)).hasPrefix("m.json: not a tiny GPT manifest"))
    #expect(try #require(failure(manifest: Data("{}".utf8))).contains("missing"))
  }

  @Test func nonFiniteWeightsAreRefused() throws {
    var bad = weights
    let nan = Float.nan.bitPattern
    for i in 0..<4 { bad[bad.startIndex + 16 + i] = UInt8((nan >> (8 * UInt32(i))) & 0xFF) }
    #expect(try #require(failure(weights: bad)).contains("tensor wte holds a non-finite value"))
  }

  @Test func aManifestThatDisagreesWithTheTensorSizesIsRefused() throws {
    let wider = try architecture { $0["d_mlp"] = ($0["d_mlp"] as? Int ?? 0) + 8 }
    let message = try #require(failure(manifest: wider))
    #expect(message.hasPrefix("m.json: tensor"), "\(message)")
    let renamed = try editedManifest { object in
      var tensors = object["tensors"] as? [[String: Any]] ?? []
      tensors[1]["shape"] = [1, 2]
      object["tensors"] = tensors
    }
    #expect(try #require(failure(manifest: renamed)).contains("tensor 1 is wpe [1, 2]"))
  }

  @Test func weightsForAnotherShapeAreRefused() throws {
    // A consistent manifest for a model with a longer context than the weight file holds.
    let longer = try editedManifest { object in
      var arch = object["architecture"] as? [String: Any] ?? [:]
      let context = arch["context"] as? Int ?? 0
      arch["context"] = context + 1
      object["architecture"] = arch
      var tensors = object["tensors"] as? [[String: Any]] ?? []
      tensors[1]["shape"] = [context + 1, arch["d_model"] as? Int ?? 0]
      object["tensors"] = tensors
    }
    #expect(try #require(failure(manifest: longer)).contains("w.bin: holds"))
  }

  @Test func aVocabularyMismatchIsRefused() throws {
    let short = try editedManifest { object in
      object["vocabulary"] = (object["vocabulary"] as? [String] ?? []).dropLast().map { $0 }
    }
    #expect(try #require(failure(manifest: short)).contains("vocabulary has"))
    let doubled = try editedManifest { object in
      var vocabulary = object["vocabulary"] as? [String] ?? []
      vocabulary[2] = vocabulary[1]
      object["vocabulary"] = vocabulary
    }
    #expect(try #require(failure(manifest: doubled)).contains("appears twice"))
  }

  @Test func unsupportedArchitecturesAreRefused() throws {
    let odd = try architecture { $0["heads"] = 3 }
    #expect(try #require(failure(manifest: odd)).contains("not a multiple of heads"))
    let huge = try architecture { $0["layers"] = 1_000_000 }
    #expect(try #require(failure(manifest: huge)).contains("architecture layers"))
    let relu = try architecture { $0["gelu"] = "exact" }
    #expect(try #require(failure(manifest: relu)).contains("gelu"))
  }

  @Test func missingFilesAreNamed() {
    let missing = URL(fileURLWithPath: "/nonexistent/tiny-gpt.bin")
    #expect(throws: TinyGPTLoadError(file: "tiny-gpt.bin", problem: "cannot be read")) {
      try TinyGPT.load(weights: missing, manifest: TinyGPTFixtures.manifestURL)
    }
  }
}
