import Foundation
import Testing

@testable import JourneyCore

/// Every bad llama2.c file is refused with one line naming the file and the problem.
@Suite struct LlamaLoaderTests {
  /// A small legal shape: dim 16, 2 heads sharing 1 KV head, 259 tokens (the byte pieces).
  static let shape: [Int32] = [16, 24, 2, 2, 1, 259, 8]

  /// A checkpoint for `header` with finite pseudo-random weights, as the header describes.
  static func checkpoint(_ header: [Int32], extraFloats: Int = 0) -> [UInt8] {
    let config = LlamaConfig(header: header)
    var bytes: [UInt8] = []
    for v in header { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    let count = (config.floatCount ?? 0) + extraFloats
    var state: UInt32 = 12345
    for _ in 0..<count {
      state = state &* 1_664_525 &+ 1_013_904_223
      let f = Float(state >> 8) / Float(1 << 24) - 0.5
      withUnsafeBytes(of: f.bitPattern.littleEndian) { bytes += $0 }
    }
    return bytes
  }

  static func tokenizer(count: Int = 259) -> [UInt8] {
    var bytes: [UInt8] = []
    func int32(_ v: Int32) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    int32(6)
    for i in 0..<count {
      let piece: [UInt8] =
        i < 3
        ? Array(["<unk>", "\n<s>\n", "\n</s>\n"][i].utf8)
        : Array(String(format: "<0x%02X>", (i - 3) % 256).utf8)
      withUnsafeBytes(of: Float(0).bitPattern.littleEndian) { bytes += $0 }
      int32(Int32(piece.count))
      bytes += piece
    }
    return bytes
  }

  static func write(_ bytes: [UInt8], name: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("llama-loader-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  func refusal(_ bytes: [UInt8], name: String = "model.bin") throws -> ModelError {
    let path = try Self.write(bytes, name: name)
    do {
      _ = try LlamaWeights.mapCheckpoint(at: path)
    } catch {
      return error
    }
    Issue.record("\(name) was accepted")
    return ModelError(file: "", problem: "")
  }

  @Test func aLegalCheckpointMapsAndRuns() throws {
    let path = try Self.write(Self.checkpoint(Self.shape), name: "ok.bin")
    let weights = try LlamaWeights.mapCheckpoint(at: path)
    #expect(weights.config.dim == 16)
    #expect(weights.config.kvDim == 8)
    #expect(weights.config.sharedClassifier)
    let model = LlamaModel(weights: weights)
    let logits = model.step(token: 1, position: 0)
    #expect(logits.count == 259)
    #expect(logits.allSatisfy { $0.isFinite })
  }

  @Test func anUnsharedClassifierIsReadFromAfterTheRopeTables() throws {
    var header = Self.shape
    header[5] = -259
    let path = try Self.write(Self.checkpoint(header), name: "unshared.bin")
    let weights = try LlamaWeights.mapCheckpoint(at: path)
    #expect(!weights.config.sharedClassifier)
    #expect(weights.classifier != weights.tokenEmbedding)
    #expect(weights.classifier == weights.rmsFinal + 16 + 8 * 8)
  }

  @Test func truncatedAndOversizedFilesAreRefused() throws {
    let good = Self.checkpoint(Self.shape)
    let short = try refusal(Array(good.dropLast(4)), name: "short.bin")
    #expect(short.file == "short.bin")
    #expect(short.problem.hasPrefix("truncated: \(good.count - 4) bytes"))
    let long = try refusal(Self.checkpoint(Self.shape, extraFloats: 1), name: "long.bin")
    #expect(long.problem.hasPrefix("oversized: \(good.count + 4) bytes"))
    let tiny = try refusal([1, 2, 3], name: "tiny.bin")
    #expect(tiny.problem.contains("shorter than the 28-byte header"))
    let empty = try refusal([], name: "empty.bin")
    #expect(empty.problem.contains("truncated: 0 bytes"))
  }

  @Test(
    arguments: [
      ([0, 24, 2, 2, 1, 259, 8], "dim is 0"),
      ([16, -3, 2, 2, 1, 259, 8], "hidden_dim is -3"),
      ([16, 24, 2, 2, 1, 259, 0], "seq_len is 0"),
      ([16, 24, 2, 0, 1, 259, 8], "n_heads is 0"),
      ([16, 24, 2, 3, 1, 259, 8], "n_heads 3 does not divide dim 16"),
      ([16, 24, 2, 4, 3, 259, 8], "n_kv_heads 3 does not divide n_heads 4"),
      ([16, 24, 2, 16, 1, 259, 8], "head size 1 is odd"),
      ([1 << 30, Int32.max, Int32.max, 2, 2, 259, 8], "overflow"),
    ] as [([Int32], String)])
  func impossibleHeadersAreRefused(header: [Int32], problem: String) throws {
    var bytes: [UInt8] = []
    for v in header { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    bytes += [UInt8](repeating: 0, count: 64)
    let error = try refusal(bytes, name: "bad-header.bin")
    #expect(error.problem.hasPrefix("impossible header"), "\(error)")
    #expect(error.problem.contains(problem), "\(error)")
  }

  @Test func nonFiniteWeightsAreNamedByTensor() throws {
    var bytes = Self.checkpoint(Self.shape)
    // The first float of wq: after the header, the embedding (259·16) and rms_att (2·16).
    let at = 28 + 4 * (259 * 16 + 2 * 16)
    withUnsafeBytes(of: Float.nan.bitPattern.littleEndian) {
      for i in 0..<4 { bytes[at + i] = $0[i] }
    }
    let error = try refusal(bytes, name: "nan.bin")
    #expect(error.description == "nan.bin: non-finite weight (nan) in wq at index 0")
    // The last float of rms_final, before the two 32-float RoPE tables.
    var inf = Self.checkpoint(Self.shape)
    withUnsafeBytes(of: Float.infinity.bitPattern.littleEndian) {
      for i in 0..<4 { inf[inf.count - 4 * (64 + 1) + i] = $0[i] }
    }
    #expect(try refusal(inf, name: "inf.bin").problem.contains("in rms_final"))
  }

  @Test func aNewerExportFormatIsNamed() throws {
    let error = try refusal(Array("ak42".utf8) + [2, 0, 0, 0] + [UInt8](repeating: 0, count: 40))
    #expect(error.problem.contains("version-2 export"))
  }

  @Test func directoriesAndMissingFilesAreRefused() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("llama-dir-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    do {
      _ = try LlamaWeights.mapCheckpoint(at: dir.path)
      Issue.record("a directory was accepted")
    } catch {
      #expect(error.problem == "is a directory, not a file")
      #expect(error.file == dir.lastPathComponent)
    }
    do {
      _ = try LlamaWeights.mapCheckpoint(at: "/nonexistent/stories.bin")
      Issue.record("a missing file was accepted")
    } catch {
      #expect(error.description == "stories.bin: cannot be read (no such file or directory)")
    }
  }

  @Test func aTokenizerOfTheWrongSizeOrShapeIsRefused() throws {
    let model = try Self.write(Self.checkpoint(Self.shape), name: "m.bin")
    let wrong = try Self.write(Self.tokenizer(count: 300), name: "tok300.bin")
    do {
      _ = try LlamaModel.load(checkpoint: model, tokenizer: wrong)
      Issue.record("a 300-token tokenizer was accepted for a 259-token model")
    } catch {
      #expect(error.description == "tok300.bin: holds 300 tokens but m.bin has a vocabulary of 259")
    }
    let right = try Self.write(Self.tokenizer(), name: "tok259.bin")
    #expect(try LlamaModel.load(checkpoint: model, tokenizer: right).vocabulary.count == 259)
    let cut = try Self.write(Array(Self.tokenizer().dropLast(3)), name: "cut.bin")
    #expect(throws: ModelError.self) { try LlamaTokenizer.load(path: cut) }
    do {
      _ = try LlamaTokenizer.load(path: cut)
    } catch {
      #expect(error.problem.hasPrefix("truncated inside token 258"), "\(error)")
    }
    let few = try Self.write(Self.tokenizer(count: 10), name: "few.bin")
    do {
      _ = try LlamaTokenizer.load(path: few)
    } catch {
      #expect(error.problem.contains("holds 10 tokens"), "\(error)")
    }
  }

  @Test func inMemoryWeightsRunTheSamePassAsTheMappedFile() throws {
    let bytes = Self.checkpoint(Self.shape)
    let path = try Self.write(bytes, name: "same.bin")
    let mapped = LlamaModel(weights: try LlamaWeights.mapCheckpoint(at: path))
    let config = LlamaConfig(header: Self.shape)
    var tensors: [String: [Float]] = [:]
    var at = 28
    for (name, count) in config.tensorSizes {
      tensors[name] = (0..<count).map { i in
        Float(
          bitPattern: UInt32(bytes[at + 4 * i]) | UInt32(bytes[at + 4 * i + 1]) << 8
            | UInt32(bytes[at + 4 * i + 2]) << 16 | UInt32(bytes[at + 4 * i + 3]) << 24)
      }
      at += 4 * count
    }
    tensors["freq_cis_real"] = nil
    tensors["freq_cis_imag"] = nil
    let memory = LlamaModel(weights: try LlamaWeights.inMemory(config: config, tensors: tensors))
    for (position, token) in [5, 9, 200, 1].enumerated() {
      let a = Array(mapped.step(token: token, position: position))
      let b = Array(memory.step(token: token, position: position))
      #expect(a == b)
    }
    tensors["wq"] = nil
    #expect(throws: ModelError(file: "weights", problem: "tensor wq is missing")) {
      try LlamaWeights.inMemory(config: config, tensors: tensors)
    }
  }
}
