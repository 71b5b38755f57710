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

  /// The one-line message loading these bytes (written to w.bin and m.json) fails with, or
  /// nil if they load.
  func failure(weights: Data? = nil, manifest: Data? = nil) throws -> String? {
    let w = try LlamaLoaderTests.write([UInt8](weights ?? self.weights), name: "w.bin")
    let m = try LlamaLoaderTests.write([UInt8](manifest ?? self.manifest), name: "m.json")
    do {
      _ = try TinyGPT.load(weights: URL(fileURLWithPath: w), manifest: URL(fileURLWithPath: m))
      return nil
    } catch {
      #expect(!error.description.contains("\n"))
      return error.description
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

  @Test func theShippedFilesLoad() throws {
    #expect(try failure() == nil)
  }

  @Test func theWeightsAreALlamaCheckpointCheckedByItsLoader() throws {
    // Size, header and finite weights are the llama2.c loader's checks (LlamaLoaderTests).
    let short = try #require(try failure(weights: weights.prefix(weights.count - 4)))
    #expect(short.hasPrefix("w.bin: truncated"), "\(short)")
    var bad = weights
    let nan = Float.nan.bitPattern
    for i in 0..<4 { bad[bad.startIndex + 28 + i] = UInt8((nan >> (8 * UInt32(i))) & 0xFF) }
    let message = try #require(try failure(weights: bad))
    #expect(message.contains("non-finite weight (nan) in token_embedding at index 0"), "\(message)")
  }

  @Test func garbageManifestsAreRefused() throws {
    let garbage = Data((0..<4096).map { UInt8(($0 * 73 + 5) % 256) })
    #expect(
      try #require(try failure(manifest: garbage)).hasPrefix("m.json: not a tiny GPT manifest"))
    #expect(try #require(try failure(manifest: Data("{}".utf8))).contains("missing"))
    let old = try editedManifest { $0["format"] = "tiny-gpt-v1" }
    #expect(try #require(try failure(manifest: old)).contains("is not \"tiny-gpt-v2\""))
  }

  @Test func aManifestThatDisagreesWithTheCheckpointHeaderIsRefused() throws {
    let wider = try architecture { $0["d_mlp"] = ($0["d_mlp"] as? Int ?? 0) + 8 }
    let message = try #require(try failure(manifest: wider))
    #expect(message.hasPrefix("w.bin: its header gives d_mlp"), "\(message)")
    #expect(message.contains("but m.json states"), "\(message)")
    let longer = try architecture { $0["window"] = ($0["window"] as? Int ?? 0) + 1 }
    #expect(try #require(try failure(manifest: longer)).contains("header gives window"))
  }

  @Test func aVocabularyMismatchIsRefused() throws {
    let short = try editedManifest { object in
      object["vocabulary"] = (object["vocabulary"] as? [String] ?? []).dropLast().map { $0 }
    }
    #expect(try #require(try failure(manifest: short)).contains("vocabulary has"))
    let doubled = try editedManifest { object in
      var vocabulary = object["vocabulary"] as? [String] ?? []
      vocabulary[2] = vocabulary[1]
      object["vocabulary"] = vocabulary
    }
    #expect(try #require(try failure(manifest: doubled)).contains("appears twice"))
  }

  @Test func shapesTheEngineDoesNotRunAreRefused() throws {
    let layerNorm = try architecture { $0["norm"] = "layer" }
    #expect(try #require(try failure(manifest: layerNorm)).contains("norm \"layer\""))
    let gelu = try architecture { $0["mlp"] = "gelu" }
    #expect(try #require(try failure(manifest: gelu)).contains("mlp \"gelu\""))
    let eps = try architecture { $0["norm_eps"] = 1e-6 }
    #expect(try #require(try failure(manifest: eps)).contains("norm_eps"))
    let theta = try architecture { $0["rope_theta"] = 500_000.0 }
    #expect(try #require(try failure(manifest: theta)).contains("rope_theta"))
  }

  @Test func missingFilesAreNamed() {
    let missing = URL(fileURLWithPath: "/nonexistent/tiny-gpt.bin")
    do {
      _ = try TinyGPT.load(weights: missing, manifest: TinyGPTFixtures.manifestURL)
      Issue.record("a missing checkpoint loaded")
    } catch {
      #expect(error.description.hasPrefix("tiny-gpt.bin: cannot be read"))
    }
    let noManifest = URL(fileURLWithPath: "/nonexistent/tiny-gpt.json")
    #expect(throws: ModelError(file: "tiny-gpt.json", problem: "cannot be read")) {
      try TinyGPT.load(weights: TinyGPTFixtures.weightsURL, manifest: noManifest)
    }
  }
}
