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
///
/// With `slidingWindow`, the checkpoint's context length is an attention window instead of a
/// limit: positions run on without end, each attending to itself and the previous
/// `contextLength − 1` positions, and the key/value cache is a ring buffer of
/// `contextLength` rows. Rotary positions make a score depend only on how far apart two
/// positions are, so that is exactly the computation the model was trained on (the bundled
/// tiny model is); nothing is ever recomputed as a long run slides.
public final class LlamaModel: LanguageModel {
  public let weights: LlamaWeights
  public let tokenizer: LlamaTokenizer?
  public let name: String
  public let vocabulary: Vocabulary
  public var config: LlamaConfig { weights.config }
  public var layerCount: Int { config.layers }
  public var headCount: Int { config.heads }
  public var subwordTokenizer: LlamaTokenizer? { tokenizer }
  public var kvHeadCount: Int { config.kvHeads }
  /// True when attention reads a sliding window of `config.contextLength` positions over an
  /// unbounded stream (a ring-buffer cache) rather than a context of at most that many.
  public let slidingWindow: Bool
  public var attentionWindow: Int? { slidingWindow ? config.contextLength : nil }

  /// The tokens the last position's output depends on: the context length, or with a sliding
  /// window its receptive field — each layer reaches `contextLength − 1` positions further
  /// back (63 tokens for 2 layers over a 32-position window).
  public var contextLimit: Int? {
    slidingWindow ? config.layers * (config.contextLength - 1) + 1 : config.contextLength
  }

  public var summary: String { customSummary ?? "\(name): Llama, \(config.summary)" }
  private let customSummary: String?

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
  /// cos and sin of each position's rotation angles: [contextLength][headSize / 2]. With a
  /// sliding window the first row is the current position's, rewritten every step.
  private let ropeCos: UnsafeMutablePointer<Float>
  private let ropeSin: UnsafeMutablePointer<Float>
  /// The rotation frequencies 10000^(−2i/headSize) in double precision (sliding window only:
  /// angles of positions far past the window need more than a float's 24 bits).
  private let frequencies: [Double]
  /// The tokens of the current run's last `contextLimit` positions.
  private var cachedWindow: [Int] = []
  /// Positions run since the cache was last emptied (the next position to run).
  private var streamLength = 0
  private var lastPass: ForwardPass?

  /// `vocabulary` names a word-level model's tokens (default: the tokenizer's pieces, or
  /// "<id>"); `summary` replaces the generated one-line description.
  public init(
    weights: LlamaWeights, tokenizer: LlamaTokenizer? = nil, name: String = "llama",
    vocabulary: Vocabulary? = nil, summary: String? = nil, slidingWindow: Bool = false
  ) {
    self.weights = weights
    self.tokenizer = tokenizer
    self.name = name
    self.slidingWindow = slidingWindow
    customSummary = summary
    let c = weights.config
    self.vocabulary =
      vocabulary
      ?? Vocabulary((0..<c.vocabSize).map { tokenizer?.displayLabel($0) ?? "<\($0)>" })
    let half = c.headSize / 2
    frequencies = (0..<half).map {
      1 / pow(Double(c.ropeTheta), Double(2 * $0) / Double(c.headSize))
    }
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
  /// `forget()`, in order — with a sliding window, at least the previous `contextLength − 1`)
  /// and returns the logits, valid until the next call.
  public func step(token: Int, position: Int) -> UnsafeBufferPointer<Float> {
    if streamLength != 0 { forget() }  // the cache no longer holds what forward(context:) ran
    run(token: token, position: position, record: nil)
    return UnsafeBufferPointer(start: logitBuffer, count: config.vocabSize)
  }

  /// Forgets the cached context, so the next `forward(context:)` recomputes from position 0.
  public func forget() {
    cachedWindow = []
    streamLength = 0
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
    precondition(
      pos >= 0 && (slidingWindow || pos < c.contextLength), "position \(pos) outside the context")
    let w = weights
    let dim = c.dim
    let kvDim = c.kvDim
    let hidden = c.hiddenDim
    let hs = c.headSize
    let half = hs / 2
    let ctx = c.contextLength
    // Cache rows 0..<n are live; this position's keys and values go to row `slot`.
    let n = min(pos + 1, ctx)
    let slot = pos % ctx
    let eps = c.normEps
    let invScale = 1 / Float(hs).squareRoot()
    x.update(from: w.tokenEmbedding + token * dim, count: dim)
    let cosRow: UnsafeMutablePointer<Float>
    let sinRow: UnsafeMutablePointer<Float>
    if slidingWindow {
      (cosRow, sinRow) = (ropeCos, ropeSin)
      for i in 0..<half {
        let angle = Double(pos) * frequencies[i]
        cosRow[i] = Float(cos(angle))
        sinRow[i] = Float(sin(angle))
      }
    } else {
      (cosRow, sinRow) = (ropeCos + pos * half, ropeSin + pos * half)
    }
    for l in 0..<c.layers {
      Kernels.rmsNorm(xb, x, w.rmsAttention + l * dim, count: dim, eps: eps)
      Kernels.matmul(q, w.wq + l * dim * dim, xb, rows: dim, columns: dim)
      Kernels.matmul(k, w.wk + l * kvDim * dim, xb, rows: kvDim, columns: dim)
      Kernels.matmul(v, w.wv + l * kvDim * dim, xb, rows: kvDim, columns: dim)
      Self.rotate(q, count: dim, headSize: hs, cos: cosRow, sin: sinRow)
      Self.rotate(k, count: kvDim, headSize: hs, cos: cosRow, sin: sinRow)
      let layerKeys = keyCache + l * ctx * kvDim
      let layerValues = valueCache + l * ctx * kvDim
      for j in 0..<kvDim { layerKeys[j * ctx + slot] = k[j] }
      (layerValues + slot * kvDim).update(from: v, count: kvDim)
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
          // In position order, oldest first: position pos − n + 1 + t sits in row (… ) % ctx.
          let oldest = pos - n + 1
          layerAttention.append((0..<n).map { Double(scores[(oldest + $0) % ctx] / sum) })
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

  /// Runs the model on the last `contextLimit` tokens of `context` (at least one) and reports
  /// the pass for the last position, its attention rows over those tokens (zero before a
  /// sliding window's reach). A context that extends the previous one reuses the cache; with a
  /// sliding window so does one that slid by a token over a full receptive field (what the
  /// tokens before it cannot change). Any other context is recomputed from position 0.
  public func forward(context: [Int]) -> ForwardPass {
    precondition(!context.isEmpty, "LlamaModel.forward needs at least one token")
    let limit = contextLimit!
    let window = Array(context.suffix(limit))
    if window == cachedWindow, let lastPass {
      positionsComputed = 0
      return lastPass
    }
    let extends =
      window.count > cachedWindow.count && streamLength == cachedWindow.count
      && window.starts(with: cachedWindow)
    let slides =
      slidingWindow && window.count == limit && cachedWindow.count == limit
      && window.dropLast().elementsEqual(cachedWindow.dropFirst())
    if !extends && !slides { forget() }
    let fresh = slides ? window.count - 1 : cachedWindow.count
    let first = streamLength
    for (i, token) in window[fresh..<window.count - 1].enumerated() {
      run(token: token, position: first + i, record: nil)
    }
    let record = Record()
    let last = window.count - 1
    run(token: window[last], position: first + last - fresh, record: record)
    positionsComputed = window.count - fresh
    streamLength = first + positionsComputed
    cachedWindow = window
    let pass = ForwardPass(
      logits: (0..<config.vocabSize).map { Double(logitBuffer[$0]) },
      attention: record.attention.map { layer in
        layer.map { row in
          row.count < window.count
            ? [Double](repeating: 0, count: window.count - row.count) + row : row
        }
      },
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
