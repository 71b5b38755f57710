import Foundation

/// A small real decoder-only transformer, run on the CPU in plain Swift: token and position
/// embeddings, pre-LayerNorm blocks of causal multi-head attention and a GELU MLP, a final
/// LayerNorm and an untied unembedding. Keys and values are cached, so extending the last
/// context by one token costs one position's work (O(context) in attention), not a recompute.
public final class TinyGPT: LanguageModel {
  private struct Layer {
    let ln1g: [Float], ln1b: [Float], wqkv: [Float], bqkv: [Float], wo: [Float], bo: [Float]
    let ln2g: [Float], ln2b: [Float], w1: [Float], b1: [Float], w2: [Float], b2: [Float]
  }

  public let manifest: TinyGPTManifest
  public let vocabulary: Vocabulary
  public var architecture: TinyGPTArchitecture { manifest.architecture }
  public var name: String { "tiny-gpt" }
  public var layerCount: Int { architecture.layers }
  public var headCount: Int { architecture.heads }
  public var contextLimit: Int? { architecture.context }

  public var summary: String {
    let a = architecture
    var text =
      "tiny GPT: \(a.layers) layers × \(a.heads) heads, d_model \(a.dModel), "
      + "context \(a.context), \(a.vocabSize) words"
    if let loss = manifest.loss {
      let fmt = { (x: Double) in String(format: "%.2f", x) }
      text +=
        "; held-out loss \(fmt(loss.transformer.heldout)) (bigram \(fmt(loss.bigram.heldout)))"
    }
    return text
  }

  /// How many positions the last `forward(context:)` call ran through the layers (1 when it
  /// extended the cached context by one token, the whole window when it had to recompute).
  public private(set) var positionsComputed = 0

  private let wte: [Float], wpe: [Float], lnfG: [Float], lnfB: [Float], wu: [Float]
  private let layers: [Layer]
  private var keys: [[Float]]
  private var values: [[Float]]
  private var cachedWindow: [Int] = []
  private var lastPass: ForwardPass?

  init(manifest: TinyGPTManifest, weights w: TinyGPTWeights) {
    let a = manifest.architecture
    self.manifest = manifest
    vocabulary = Vocabulary(manifest.vocabulary)
    wte = w("wte")
    wpe = w("wpe")
    lnfG = w("lnf.g")
    lnfB = w("lnf.b")
    wu = w("wu")
    layers = (0..<a.layers).map { i in
      let p = { (name: String) in w("h\(i).\(name)") }
      return Layer(
        ln1g: p("ln1.g"), ln1b: p("ln1.b"), wqkv: p("attn.wqkv"), bqkv: p("attn.bqkv"),
        wo: p("attn.wo"), bo: p("attn.bo"), ln2g: p("ln2.g"), ln2b: p("ln2.b"),
        w1: p("mlp.w1"), b1: p("mlp.b1"), w2: p("mlp.w2"), b2: p("mlp.b2"))
    }
    let cache = [Float](repeating: 0, count: a.context * a.dModel)
    keys = Array(repeating: cache, count: a.layers)
    values = Array(repeating: cache, count: a.layers)
  }

  /// Loads a manifest and its weight file, refusing anything inconsistent with a
  /// `TinyGPTLoadError` that names the file.
  public static func load(weights: URL, manifest: URL) throws -> TinyGPT {
    try load(
      weightsData: read(weights), weightsFile: weights.lastPathComponent,
      manifestData: read(manifest), manifestFile: manifest.lastPathComponent)
  }

  /// Loads from bytes already in memory; the file names only label errors.
  public static func load(
    weightsData: Data, weightsFile: String, manifestData: Data, manifestFile: String
  ) throws -> TinyGPT {
    let manifest = try TinyGPTManifest.decode(manifestData, file: manifestFile)
    let weights = try TinyGPTWeights(
      weightsData, file: weightsFile, architecture: manifest.architecture)
    return TinyGPT(manifest: manifest, weights: weights)
  }

  private static func read(_ url: URL) throws -> Data {
    do {
      return try Data(contentsOf: url)
    } catch {
      throw TinyGPTLoadError(file: url.lastPathComponent, problem: "cannot be read")
    }
  }

  /// Runs the model on the last `contextLimit` tokens of `context` (ids must be in the
  /// vocabulary, at least one). Reuses the key/value cache when the window extends the
  /// previous one; otherwise recomputes the window from position 0.
  public func forward(context: [Int]) -> ForwardPass {
    precondition(!context.isEmpty, "TinyGPT.forward needs at least one token")
    precondition(
      context.allSatisfy { vocabulary.tokens.indices.contains($0) },
      "TinyGPT.forward got a token id outside its vocabulary")
    let window = Array(context.suffix(architecture.context))
    if window == cachedWindow, let lastPass {
      positionsComputed = 0
      return lastPass
    }
    if window.count <= cachedWindow.count || !window.starts(with: cachedWindow) {
      cachedWindow = []
    }
    let first = cachedWindow.count
    var pass: ForwardPass?
    for t in first..<window.count {
      pass = step(token: window[t], position: t, record: t == window.count - 1)
    }
    positionsComputed = window.count - first
    cachedWindow = window
    lastPass = pass
    return pass!
  }

  /// Runs one position through every layer, caching its keys and values. With `record`, also
  /// unembeds it and reports everything the Journey shows.
  private func step(token: Int, position t: Int, record: Bool) -> ForwardPass? {
    typealias K = Kernels
    let a = architecture
    let d = a.dModel
    let eps = Float(a.layerNormEps)
    let embedding = Array(wte[token * d..<(token + 1) * d])
    var x = embedding
    K.add(&x, Array(wpe[t * d..<(t + 1) * d]))
    var attention: [[[Double]]] = []
    var norms: [Double] = []
    var lens: [Int] = []
    for (l, layer) in layers.enumerated() {
      let qkv = K.affine(
        K.layerNorm(x, layer.ln1g, layer.ln1b, eps: eps), layer.wqkv, layer.bqkv,
        columns: 3 * d)
      keys[l].replaceSubrange(t * d..<(t + 1) * d, with: qkv[d..<2 * d])
      values[l].replaceSubrange(t * d..<(t + 1) * d, with: qkv[2 * d..<3 * d])
      var mixed = [Float](repeating: 0, count: d)
      var heads: [[Double]] = []
      for head in 0..<a.heads {
        let weights = Self.attend(
          query: qkv, keys: keys[l], values: values[l], mixed: &mixed, upTo: t,
          offset: head * a.headSize, size: a.headSize, stride: d)
        if record { heads.append(weights.map(Double.init)) }
      }
      K.add(&x, K.affine(mixed, layer.wo, layer.bo, columns: d))
      var hidden = K.affine(
        K.layerNorm(x, layer.ln2g, layer.ln2b, eps: eps), layer.w1, layer.b1, columns: a.dMlp)
      K.gelu(&hidden)
      K.add(&x, K.affine(hidden, layer.w2, layer.b2, columns: d))
      if record {
        attention.append(heads)
        norms.append(K.norm(x))
        if l < layers.count - 1 { lens.append(K.argmax(unembed(x))) }
      }
    }
    guard record else { return nil }
    let logits = unembed(x)
    lens.append(K.argmax(logits))
    return ForwardPass(
      logits: logits.map(Double.init), attention: attention,
      embedding: embedding.map(Double.init), residualNorms: norms, logitLens: lens)
  }

  /// Final LayerNorm and unembedding: a residual-stream vector to logits.
  private func unembed(_ x: [Float]) -> [Float] {
    let normed = Kernels.layerNorm(x, lnfG, lnfB, eps: Float(architecture.layerNormEps))
    return Kernels.affine(normed, wu, nil, columns: architecture.vocabSize)
  }

  /// Causal attention of one head at position `t`: softmax over keys 0...t of q·k/√size,
  /// then the weighted sum of values, added into `mixed`. Returns the weights.
  /// `keys`/`values` hold one row of `stride` floats per position; the head starts at
  /// `offset` in each row (and in `query` and `mixed`).
  private static func attend(
    query: [Float], keys: [Float], values: [Float], mixed: inout [Float],
    upTo t: Int, offset: Int, size: Int, stride: Int
  ) -> [Float] {
    var weights = [Float](repeating: 0, count: t + 1)
    let scale = 1 / Float(size).squareRoot()
    keys.withUnsafeBufferPointer { kp in
      query.withUnsafeBufferPointer { qp in
        for s in 0...t {
          let k = kp.baseAddress! + s * stride + offset
          weights[s] = Kernels.dot(qp.baseAddress! + offset, k, count: size) * scale
        }
      }
    }
    Kernels.softmax(&weights)
    values.withUnsafeBufferPointer { vp in
      mixed.withUnsafeMutableBufferPointer { mp in
        for s in 0...t {
          Kernels.axpy(
            mp.baseAddress! + offset, weights[s], vp.baseAddress! + s * stride + offset,
            count: size)
        }
      }
    }
    return weights
  }
}
