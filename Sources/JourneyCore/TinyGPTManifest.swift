import Foundation

/// The shape of the tiny model, as its manifest states it (its checkpoint's header must agree).
public struct TinyGPTArchitecture: Codable, Equatable, Sendable {
  public var layers: Int
  public var heads: Int
  public var dModel: Int
  /// Width of the SwiGLU hidden layer.
  public var dMlp: Int
  /// Positions each token's attention reads: itself and the previous window − 1.
  public var window: Int
  public var vocabSize: Int
  public var normEps: Double
  public var ropeTheta: Double
  public var norm: String
  public var mlp: String
  public var tiedUnembedding: Bool

  public var headSize: Int { dModel / heads }

  /// The first thing the Llama engine cannot run as stated, or nil.
  func problem() -> String? {
    if norm != "rms" { return "norm \"\(norm)\" is not supported (expected \"rms\")" }
    if mlp != "swiglu" { return "mlp \"\(mlp)\" is not supported (expected \"swiglu\")" }
    if tiedUnembedding { return "a tied unembedding is not supported by this format version" }
    let engine = LlamaConfig(
      dim: 1, hiddenDim: 1, layers: 1, heads: 1, kvHeads: 1, vocabSize: 1, contextLength: 1,
      sharedClassifier: false)
    if Float(normEps) != engine.normEps {
      return "norm_eps \(normEps) is not the engine's \(engine.normEps)"
    }
    if Float(ropeTheta) != engine.ropeTheta {
      return "rope_theta \(ropeTheta) is not the engine's \(engine.ropeTheta)"
    }
    return nil
  }

  /// How a checkpoint's header differs from this shape, stated by the manifest `file`
  /// ("its header gives d_mlp 172 but m.json states 180"), or nil.
  func disagreement(with c: LlamaConfig, manifest file: String) -> String? {
    let pairs = [
      ("layers", c.layers, layers), ("heads", c.heads, heads), ("KV heads", c.kvHeads, heads),
      ("d_model", c.dim, dModel), ("d_mlp", c.hiddenDim, dMlp), ("window", c.contextLength, window),
      ("vocab_size", c.vocabSize, vocabSize),
    ]
    if let (name, got, want) = pairs.first(where: { $0.1 != $0.2 }) {
      return "its header gives \(name) \(got) but \(file) states \(want)"
    }
    if c.sharedClassifier {
      return "its header shares the classifier with the embedding; \(file) states it does not"
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
  public struct Losses: Codable, Equatable, Sendable {
    public var transformer: TinyGPTLoss
    public var bigram: TinyGPTLoss
  }
  public struct Training: Codable, Equatable, Sendable {
    public var steps: Int
    public var seed: Int
  }

  public static let format = "tiny-gpt-v2"

  public var format: String
  public var architecture: TinyGPTArchitecture
  public var vocabulary: [String]
  public var training: Training?
  public var loss: Losses?

  /// Decodes and checks a manifest; `file` names it in the error.
  public static func decode(_ data: Data, file: String) throws(ModelError) -> TinyGPTManifest {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let manifest: TinyGPTManifest
    do {
      manifest = try decoder.decode(TinyGPTManifest.self, from: data)
    } catch {
      throw ModelError(file: file, problem: "not a tiny GPT manifest (\(reason(error)))")
    }
    if let problem = manifest.problem() { throw ModelError(file: file, problem: problem) }
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
