import Foundation

/// Why a tiny GPT could not be loaded: one line naming the file (its last path component)
/// and what is wrong — the same shape as every other model-loading error.
public typealias TinyGPTLoadError = ModelError

/// The shape of a tiny GPT, as its manifest states it.
public struct TinyGPTArchitecture: Codable, Equatable, Sendable {
  public var layers: Int
  public var heads: Int
  public var dModel: Int
  public var dMlp: Int
  public var context: Int
  public var vocabSize: Int
  public var layerNormEps: Double
  public var gelu: String
  public var tiedUnembedding: Bool

  public var headSize: Int { dModel / heads }

  /// Every tensor of the weight file, in file order, with its shape (derived, never stored).
  public var tensorShapes: [(name: String, shape: [Int])] {
    var shapes: [(name: String, shape: [Int])] = [
      ("wte", [vocabSize, dModel]), ("wpe", [context, dModel]),
    ]
    for layer in 0..<layers {
      let p = "h\(layer)."
      shapes += [
        (p + "ln1.g", [dModel]), (p + "ln1.b", [dModel]),
        (p + "attn.wqkv", [dModel, 3 * dModel]), (p + "attn.bqkv", [3 * dModel]),
        (p + "attn.wo", [dModel, dModel]), (p + "attn.bo", [dModel]),
        (p + "ln2.g", [dModel]), (p + "ln2.b", [dModel]),
        (p + "mlp.w1", [dModel, dMlp]), (p + "mlp.b1", [dMlp]),
        (p + "mlp.w2", [dMlp, dModel]), (p + "mlp.b2", [dModel]),
      ]
    }
    return shapes + [("lnf.g", [dModel]), ("lnf.b", [dModel]), ("wu", [dModel, vocabSize])]
  }

  /// The first thing this loader cannot run, or nil when the architecture is usable.
  func problem() -> String? {
    let sizes = [
      ("layers", layers, 16), ("heads", heads, 64), ("d_model", dModel, 4096),
      ("d_mlp", dMlp, 16384), ("context", context, 4096), ("vocab_size", vocabSize, 200_000),
    ]
    for (name, value, limit) in sizes where value < 1 || value > limit {
      return "architecture \(name) is \(value), expected 1...\(limit)"
    }
    if dModel % heads != 0 { return "d_model \(dModel) is not a multiple of heads \(heads)" }
    if gelu != "tanh" { return "gelu \"\(gelu)\" is not supported (expected \"tanh\")" }
    if tiedUnembedding { return "tied unembedding is not supported by this format version" }
    if !(layerNormEps > 0 && layerNormEps < 1) {
      return "layer_norm_eps \(layerNormEps) is outside (0, 1)"
    }
    return nil
  }
}

/// Held-out and train loss of one model, in nats per token.
public struct TinyGPTLoss: Codable, Equatable, Sendable {
  public var train: Double
  public var heldout: Double
}

/// The manifest beside the weights: architecture, vocabulary, tensor list, provenance.
public struct TinyGPTManifest: Codable, Equatable, Sendable {
  public struct Tensor: Codable, Equatable, Sendable {
    public var name: String
    public var shape: [Int]
  }
  public struct Losses: Codable, Equatable, Sendable {
    public var transformer: TinyGPTLoss
    public var bigram: TinyGPTLoss
  }
  public struct Training: Codable, Equatable, Sendable {
    public var steps: Int
    public var seed: Int
  }

  public static let format = "tiny-gpt-v1"

  public var format: String
  public var architecture: TinyGPTArchitecture
  public var tensors: [Tensor]
  public var vocabulary: [String]
  public var training: Training?
  public var loss: Losses?

  /// Decodes and checks a manifest; `file` names it in the error.
  public static func decode(_ data: Data, file: String) throws -> TinyGPTManifest {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let manifest: TinyGPTManifest
    do {
      manifest = try decoder.decode(TinyGPTManifest.self, from: data)
    } catch {
      throw TinyGPTLoadError(file: file, problem: "not a tiny GPT manifest (\(reason(error)))")
    }
    if let problem = manifest.problem() { throw TinyGPTLoadError(file: file, problem: problem) }
    return manifest
  }

  func problem() -> String? {
    if format != Self.format { return "format \"\(format)\" is not \"\(Self.format)\"" }
    if let problem = architecture.problem() { return problem }
    let arch = architecture
    if vocabulary.count != arch.vocabSize {
      return "vocabulary has \(vocabulary.count) tokens but vocab_size is \(arch.vocabSize)"
    }
    var seen = Set<String>()
    for (id, token) in vocabulary.enumerated() {
      if token.isEmpty || token.contains(where: \.isWhitespace) {
        return "vocabulary token \(id) \"\(token)\" is empty or contains whitespace"
      }
      if !seen.insert(token).inserted {
        return "vocabulary token \"\(token)\" appears twice"
      }
    }
    let expected = arch.tensorShapes
    if tensors.count != expected.count {
      return "lists \(tensors.count) tensors but the architecture needs \(expected.count)"
    }
    for (i, (tensor, want)) in zip(tensors, expected).enumerated()
    where tensor.name != want.name || tensor.shape != want.shape {
      return "tensor \(i) is \(tensor.name) \(tensor.shape) but the architecture needs "
        + "\(want.name) \(want.shape)"
    }
    return nil
  }
}

/// A short reason for a decoding failure, on one line.
private func reason(_ error: Error) -> String {
  switch error {
  case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
  case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
    let path = context.codingPath.map(\.stringValue).joined(separator: ".")
    return "wrong type at \"\(path)\""
  case DecodingError.dataCorrupted: return "invalid JSON"
  default: return "\(error)"
  }
}
