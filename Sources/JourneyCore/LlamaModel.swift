import Foundation

/// A Llama-shaped decoder run on the CPU: token embedding; per layer RMSNorm, rotary
/// positions on interleaved pairs, grouped-query causal attention over a key/value cache, a
/// residual add, RMSNorm, a SwiGLU MLP and a residual add; a final RMSNorm and the classifier.
/// The arithmetic of llama2.c's `forward` on the shared `Kernels`.
///
/// `step(token:position:)` is the allocation-free hot path (one position, logits into a
/// reused buffer); `forward(context:)` serves the Journey, reusing the cache when a context
/// extends the last one and reporting attention, norms and the logit lens for its last
/// position.
public final class LlamaModel: LanguageModel {
  public let weights: LlamaWeights
  public let tokenizer: LlamaTokenizer?
  public let name: String
  public let vocabulary: Vocabulary
  public var config: LlamaConfig { weights.config }
  public var layerCount: Int { config.layers }
  public var headCount: Int { config.heads }
  public var contextLimit: Int? { config.contextLength }
  public var subwordTokenizer: LlamaTokenizer? { tokenizer }
  public var kvHeadCount: Int { config.kvHeads }

  public var summary: String { "\(name): Llama, \(config.summary)" }

  /// The checkpoint and tokenizer paths it was loaded from (nil for in-memory weights).
  public private(set) var files: (checkpoint: String, tokenizer: String)?

  /// How many positions the last `forward(context:)` ran through the layers.
  public private(set) var positionsComputed = 0

  // Scratch and cache, allocated once.
  private let storage: FloatStorage
  private let x, xb, xb2, xn, hb, hb2, q, k, v, att, logitBuffer: UnsafeMutablePointer<Float>
  /// Keys per layer and KV head, transposed: [layers][kvHeads][headSize][contextLength], so the
  /// scores of consecutive positions are consecutive floats.
  private let keyCache: UnsafeMutablePointer<Float>
  /// Values per layer: [layers][contextLength][kvDim].
  private let valueCache: UnsafeMutablePointer<Float>
  /// cos and sin of each position's rotation angles: [contextLength][headSize / 2].
  private let ropeCos: UnsafeMutablePointer<Float>
  private let ropeSin: UnsafeMutablePointer<Float>
  /// Positions 0..<filled hold keys and values of `cachedWindow`.
  private var cachedWindow: [Int] = []
  private var lastPass: ForwardPass?

  public init(weights: LlamaWeights, tokenizer: LlamaTokenizer? = nil, name: String = "llama") {
    self.weights = weights
    self.tokenizer = tokenizer
    self.name = name
    let c = weights.config
    vocabulary = Vocabulary(
      (0..<c.vocabSize).map { tokenizer?.displayLabel($0) ?? "<\($0)>" })
    let half = c.headSize / 2
    let sizes = [
      c.dim, c.dim, c.dim, c.dim, c.hiddenDim, c.hiddenDim, c.dim, c.kvDim, c.kvDim,
      c.heads * c.contextLength, c.vocabSize,
      c.layers * c.contextLength * c.kvDim, c.layers * c.contextLength * c.kvDim,
      c.contextLength * half, c.contextLength * half,
    ]
    // Each block starts on a 16-float boundary.
    let padded = sizes.map { ($0 + 15) / 16 * 16 }
    storage = FloatStorage(count: padded.reduce(0, +))
    var blocks: [UnsafeMutablePointer<Float>] = []
    var p = storage.pointer
    for n in padded {
      blocks.append(p)
      p += n
    }
    (x, xb, xb2, xn, hb, hb2, q, k, v) = (
      blocks[0], blocks[1], blocks[2], blocks[3], blocks[4], blocks[5], blocks[6], blocks[7],
      blocks[8]
    )
    (att, logitBuffer, keyCache, valueCache, ropeCos, ropeSin) = (
      blocks[9], blocks[10], blocks[11], blocks[12], blocks[13], blocks[14]
    )
    // llama2.c's angles: position · 10000^(−2i/headSize), in float.
    for pos in 0..<c.contextLength {
      for i in 0..<half {
        let frequency = 1 / pow(c.ropeTheta, Float(2 * i) / Float(c.headSize))
        let angle = Float(pos) * frequency
        ropeCos[pos * half + i] = cos(angle)
        ropeSin[pos * half + i] = sin(angle)
      }
    }
  }

  /// Maps a llama2.c checkpoint and reads its tokenizer, refusing a vocabulary whose size
  /// disagrees with the checkpoint's.
  public static func load(checkpoint: String, tokenizer tokenizerPath: String) throws(ModelError)
    -> LlamaModel
  {
    let weights = try LlamaWeights.mapCheckpoint(at: checkpoint)
    let tokenizer = try LlamaTokenizer.load(path: tokenizerPath)
    let model = (checkpoint as NSString).lastPathComponent
    guard tokenizer.count == weights.config.vocabSize else {
      throw ModelError(
        file: (tokenizerPath as NSString).lastPathComponent,
        problem:
          "holds \(tokenizer.count) tokens but \(model) has a vocabulary of "
          + "\(weights.config.vocabSize)")
    }
    let name = ((model as NSString).deletingPathExtension as String)
    let loaded = LlamaModel(weights: weights, tokenizer: tokenizer, name: name)
    loaded.files = (checkpoint, tokenizerPath)
    return loaded
  }

  // MARK: the hot path

  /// Runs `token` at `position` (0-based; every earlier position must have run since the last
  /// `forget()`, in order) and returns the logits, valid until the next call.
  public func step(token: Int, position: Int) -> UnsafeBufferPointer<Float> {
    run(token: token, position: position, record: nil)
    return UnsafeBufferPointer(start: logitBuffer, count: config.vocabSize)
  }

  /// Forgets the cached context, so the next `forward(context:)` recomputes from position 0.
  public func forget() {
    cachedWindow = []
    lastPass = nil
  }

  /// What a recorded step reports besides the logits.
  private final class Record {
    var attention: [[[Double]]] = []
    var norms: [Double] = []
    var lens: [Int] = []
  }

  private func run(token: Int, position pos: Int, record: Record?) {
    let c = config
    precondition(c.vocabSize > token && token >= 0, "token id \(token) outside the vocabulary")
    precondition(pos >= 0 && pos < c.contextLength, "position \(pos) outside the context")
    let w = weights
    let dim = c.dim
    let kvDim = c.kvDim
    let hidden = c.hiddenDim
    let hs = c.headSize
    let half = hs / 2
    let ctx = c.contextLength
    let n = pos + 1
    let eps = c.normEps
    let invScale = 1 / Float(hs).squareRoot()
    x.update(from: w.tokenEmbedding + token * dim, count: dim)
    let cosRow = ropeCos + pos * half
    let sinRow = ropeSin + pos * half
    for l in 0..<c.layers {
      Kernels.rmsNorm(xb, x, w.rmsAttention + l * dim, count: dim, eps: eps)
      Kernels.matmul(q, w.wq + l * dim * dim, xb, rows: dim, columns: dim)
      Kernels.matmul(k, w.wk + l * kvDim * dim, xb, rows: kvDim, columns: dim)
      Kernels.matmul(v, w.wv + l * kvDim * dim, xb, rows: kvDim, columns: dim)
      Self.rotate(q, count: dim, headSize: hs, cos: cosRow, sin: sinRow)
      Self.rotate(k, count: kvDim, headSize: hs, cos: cosRow, sin: sinRow)
      let layerKeys = keyCache + l * ctx * kvDim
      let layerValues = valueCache + l * ctx * kvDim
      for j in 0..<kvDim { layerKeys[j * ctx + pos] = k[j] }
      (layerValues + pos * kvDim).update(from: v, count: kvDim)
      var layerAttention: [[Double]] = []
      for h in 0..<c.heads {
        let g = h / c.queriesPerKVHead
        let keys = layerKeys + g * hs * ctx
        let scores = att + h * ctx
        let qh = q + h * hs
        let top = Self.scores(
          scores, query: qh, keys: keys, count: n, headSize: hs, stride: ctx, scale: invScale)
        // softmax without its last pass: the mixed output is divided by the sum instead.
        let sum = Kernels.exponentiate(scores, count: n, maximum: top)
        Self.mix(
          xb + h * hs, weights: scores, values: layerValues + g * hs, count: n, headSize: hs,
          stride: kvDim)
        Kernels.scale(xb + h * hs, 1 / sum, count: hs)
        if record != nil {
          layerAttention.append((0..<n).map { Double(scores[$0] / sum) })
        }
      }
      Kernels.matmul(xb2, w.wo + l * dim * dim, xb, rows: dim, columns: dim)
      Kernels.add(x, xb2, count: dim)
      Kernels.rmsNorm(xb, x, w.rmsFFN + l * dim, count: dim, eps: eps)
      Kernels.matmul(hb, w.w1 + l * hidden * dim, xb, rows: hidden, columns: dim)
      Kernels.matmul(hb2, w.w3 + l * hidden * dim, xb, rows: hidden, columns: dim)
      Kernels.swiGLU(hb, hb2, count: hidden)
      Kernels.matmul(xb, w.w2 + l * dim * hidden, hb, rows: dim, columns: hidden)
      Kernels.add(x, xb, count: dim)
      if let record {
        record.attention.append(layerAttention)
        record.norms.append(Kernels.dot(x, x, count: dim).squareRootDouble)
        if l < c.layers - 1 {
          classify()
          record.lens.append(Kernels.argmax(logitBuffer, count: c.vocabSize))
        }
      }
    }
    classify()
    record?.lens.append(Kernels.argmax(logitBuffer, count: c.vocabSize))
  }

  /// Final RMSNorm of the residual stream and the classifier, into the logit buffer.
  private func classify() {
    let c = config
    Kernels.rmsNorm(xn, x, weights.rmsFinal, count: c.dim, eps: c.normEps)
    Kernels.matmul(logitBuffer, weights.classifier, xn, rows: c.vocabSize, columns: c.dim)
  }

  /// scores[t] = scale · Σ_i query[i]·keys[i·stride + t] for t in 0..<count, and their
  /// maximum: the keys of one KV head stored transposed, so eight positions fill one vector and
  /// nothing is summed across lanes.
  @inline(__always)
  private static func scores(
    _ out: UnsafeMutablePointer<Float>, query: UnsafePointer<Float>, keys: UnsafePointer<Float>,
    count: Int, headSize: Int, stride: Int, scale: Float
  ) -> Float {
    var t = 0
    var tops = SIMD8<Float>(repeating: -.infinity)
    while t + 8 <= count {
      var acc = SIMD8<Float>()
      var row = keys + t
      for i in 0..<headSize {
        acc += SIMD8(repeating: query[i]) * Kernels.load8(row)
        row += stride
      }
      acc *= scale
      tops.replace(with: acc, where: acc .> tops)
      Kernels.store8(acc, out + t)
      t += 8
    }
    var top = -Float.infinity
    for lane in 0..<8 where tops[lane] > top { top = tops[lane] }
    while t < count {
      var acc: Float = 0
      for i in 0..<headSize { acc += query[i] * keys[i * stride + t] }
      out[t] = acc * scale
      if out[t] > top { top = out[t] }
      t += 1
    }
    return top
  }

  /// out[0..<headSize] = Σ_t weights[t]·values[t·stride ...]: the attention-weighted sum of one
  /// KV head's value rows, eight channels per vector held in a register across positions.
  @inline(__always)
  private static func mix(
    _ out: UnsafeMutablePointer<Float>, weights: UnsafePointer<Float>,
    values: UnsafePointer<Float>, count: Int, headSize: Int, stride: Int
  ) {
    var c = 0
    while c + 8 <= headSize {
      var acc = SIMD8<Float>()
      var row = values + c
      for t in 0..<count {
        acc += SIMD8(repeating: weights[t]) * Kernels.load8(row)
        row += stride
      }
      Kernels.store8(acc, out + c)
      c += 8
    }
    while c < headSize {
      var acc: Float = 0
      for t in 0..<count { acc += weights[t] * values[t * stride + c] }
      out[c] = acc
      c += 1
    }
  }

  /// Rotates each interleaved pair (v[2i], v[2i+1]) of every head by its position's angle.
  private static func rotate(
    _ vec: UnsafeMutablePointer<Float>, count: Int, headSize: Int,
    cos: UnsafePointer<Float>, sin: UnsafePointer<Float>
  ) {
    var i = 0
    while i < count {
      let f = (i % headSize) / 2
      let v0 = vec[i]
      let v1 = vec[i + 1]
      vec[i] = v0 * cos[f] - v1 * sin[f]
      vec[i + 1] = v0 * sin[f] + v1 * cos[f]
      i += 2
    }
  }

  // MARK: LanguageModel

  /// Runs the model on the last `contextLength` tokens of `context` (at least one) and
  /// reports the pass for the last position. A window that extends the previous one reuses
  /// the cache; any other window is recomputed from position 0.
  public func forward(context: [Int]) -> ForwardPass {
    precondition(!context.isEmpty, "LlamaModel.forward needs at least one token")
    let window = Array(context.suffix(config.contextLength))
    if window == cachedWindow, let lastPass {
      positionsComputed = 0
      return lastPass
    }
    if window.count <= cachedWindow.count || !window.starts(with: cachedWindow) {
      cachedWindow = []
    }
    let first = cachedWindow.count
    for t in first..<window.count - 1 { run(token: window[t], position: t, record: nil) }
    let record = Record()
    let last = window.count - 1
    run(token: window[last], position: last, record: record)
    positionsComputed = window.count - first
    cachedWindow = window
    let pass = ForwardPass(
      logits: (0..<config.vocabSize).map { Double(logitBuffer[$0]) },
      attention: record.attention,
      embedding: (0..<config.dim).map {
        Double(weights.tokenEmbedding[window[last] * config.dim + $0])
      },
      residualNorms: record.norms, logitLens: record.lens)
    lastPass = pass
    return pass
  }
}

extension Float {
  fileprivate var squareRootDouble: Double { Double(self).squareRoot() }
}
