import Foundation

/// The tensors of a Llama-shaped model, from a memory-mapped llama2.c checkpoint or from
/// arrays in memory. Immutable once built; every tensor is one contiguous row-major block in
/// PyTorch's `Linear` layout ([out, in]), the layers stacked.
public final class LlamaWeights: @unchecked Sendable {
  public let config: LlamaConfig
  /// Keeps the memory the pointers below point into alive (a `MappedFile` or a buffer).
  private let owner: AnyObject
  private let floats: UnsafeBufferPointer<Float>

  let tokenEmbedding: UnsafePointer<Float>  // [vocab, dim]
  let rmsAttention: UnsafePointer<Float>  // [layers, dim]
  let wq: UnsafePointer<Float>  // [layers, dim, dim]
  let wk: UnsafePointer<Float>  // [layers, kvDim, dim]
  let wv: UnsafePointer<Float>  // [layers, kvDim, dim]
  let wo: UnsafePointer<Float>  // [layers, dim, dim]
  let rmsFFN: UnsafePointer<Float>  // [layers, dim]
  let w1: UnsafePointer<Float>  // [layers, hidden, dim]
  let w2: UnsafePointer<Float>  // [layers, dim, hidden]
  let w3: UnsafePointer<Float>  // [layers, hidden, dim]
  let rmsFinal: UnsafePointer<Float>  // [dim]
  let classifier: UnsafePointer<Float>  // [vocab, dim]

  /// Lays the tensors out over `floats` (the checkpoint's floats after the header, in
  /// `config.tensorSizes` order).
  private init(config: LlamaConfig, floats: UnsafeBufferPointer<Float>, owner: AnyObject) {
    self.config = config
    self.owner = owner
    self.floats = floats
    var p = floats.baseAddress!
    var table: [String: UnsafePointer<Float>] = [:]
    for (name, count) in config.tensorSizes {
      table[name] = p
      p += count
    }
    tokenEmbedding = table["token_embedding"]!
    rmsAttention = table["rms_att"]!
    wq = table["wq"]!
    wk = table["wk"]!
    wv = table["wv"]!
    wo = table["wo"]!
    rmsFFN = table["rms_ffn"]!
    w1 = table["w1"]!
    w2 = table["w2"]!
    w3 = table["w3"]!
    rmsFinal = table["rms_final"]!
    classifier = config.sharedClassifier ? tokenEmbedding : table["wcls"]!
  }

  /// Maps a legacy (version 0) llama2.c checkpoint and checks it: header, size, finite
  /// weights. Errors name the file (its last path component) and the problem in one line.
  public static func mapCheckpoint(at path: String) throws(ModelError) -> LlamaWeights {
    let file = (path as NSString).lastPathComponent
    let mapped = try MappedFile(path: path, file: file)
    let bytes = mapped.bytes
    func fail(_ problem: String) -> ModelError { ModelError(file: file, problem: problem) }
    guard bytes.count >= LlamaConfig.headerSize else {
      throw fail(
        "truncated: \(bytes.count) bytes, shorter than the \(LlamaConfig.headerSize)-byte header")
    }
    if bytes.count >= 8, Array(bytes[0..<4]) == Array("ak42".utf8) {
      let version = bytes.loadUnaligned(fromByteOffset: 4, as: Int32.self)
      throw fail(
        "is a llama2.c version-\(version) export; only the legacy (version 0) format is read "
          + "(export it with --version 0)")
    }
    let header = (0..<7).map {
      Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * $0, as: Int32.self))
    }
    let config = LlamaConfig(header: header)
    if let problem = config.problem { throw fail(problem) }
    let expected = config.fileSize!
    guard bytes.count == expected else {
      let what =
        bytes.count < expected
        ? "truncated: \(bytes.count) bytes, but its header describes \(expected)"
        : "oversized: \(bytes.count) bytes, but its header describes \(expected)"
      throw fail(what)
    }
    let floats = UnsafeBufferPointer(
      start: (bytes.baseAddress! + LlamaConfig.headerSize).assumingMemoryBound(to: Float.self),
      count: config.floatCount!)
    let weights = LlamaWeights(config: config, floats: floats, owner: mapped)
    if let problem = weights.nonFiniteProblem() { throw fail(problem) }
    return weights
  }

  /// Weights from arrays in memory, laid out as a checkpoint's floats are (`tensorSizes`
  /// order, RoPE tables included or not), copied once into storage the model owns.
  public static func inMemory(config: LlamaConfig, tensors: [String: [Float]]) throws(ModelError)
    -> LlamaWeights
  {
    func fail(_ problem: String) -> ModelError { ModelError(file: "weights", problem: problem) }
    if let problem = config.problem { throw fail(problem) }
    let sizes = config.tensorSizes
    let storage = FloatStorage(count: config.floatCount!)
    var offset = 0
    for (name, count) in sizes {
      if let values = tensors[name] {
        guard values.count == count else {
          throw fail("tensor \(name) holds \(values.count) floats, the shape needs \(count)")
        }
        values.withUnsafeBufferPointer {
          (storage.pointer + offset).update(from: $0.baseAddress!, count: count)
        }
      } else if !name.hasPrefix("freq_cis") {
        throw fail("tensor \(name) is missing")
      }
      offset += count
    }
    let weights = LlamaWeights(
      config: config, floats: UnsafeBufferPointer(start: storage.pointer, count: storage.count),
      owner: storage)
    if let problem = weights.nonFiniteProblem() { throw fail(problem) }
    return weights
  }

  /// Names the first tensor holding a NaN or an infinity (unused RoPE tables are skipped).
  private func nonFiniteProblem() -> String? {
    var offset = 0
    for (name, count) in config.tensorSizes {
      defer { offset += count }
      if name.hasPrefix("freq_cis") { continue }
      let base = floats.baseAddress! + offset
      // An exponent of all ones is a NaN or an infinity.
      var bad = false
      base.withMemoryRebound(to: UInt32.self, capacity: count) { bits in
        var any: UInt32 = 0
        var i = 0
        while i < count {
          any |= (bits[i] & 0x7F80_0000) == 0x7F80_0000 ? 1 : 0
          i += 1
        }
        bad = any != 0
      }
      if bad {
        let index = (0..<count).first { !base[$0].isFinite }!
        return "non-finite weight (\(base[index])) in \(name) at index \(index)"
      }
    }
    return nil
  }
}

/// An owned, never-moving block of floats.
final class FloatStorage: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Float>
  let count: Int

  init(count: Int) {
    self.count = count
    pointer = .allocate(capacity: max(count, 1))
    pointer.initialize(repeating: 0, count: max(count, 1))
  }

  deinit { pointer.deallocate() }
}
