/// The shape of a Llama-style decoder as a llama2.c checkpoint's header states it: RMSNorm,
/// rotary positions on interleaved pairs, grouped-query attention, a SwiGLU MLP.
public struct LlamaConfig: Hashable, Sendable {
  /// Width of the residual stream.
  public var dim: Int
  /// Width of the SwiGLU hidden layer.
  public var hiddenDim: Int
  public var layers: Int
  /// Query heads per layer.
  public var heads: Int
  /// Key/value heads per layer; each is shared by `heads / kvHeads` query heads.
  public var kvHeads: Int
  public var vocabSize: Int
  /// The longest context (positions 0..<contextLength) the model was trained for.
  public var contextLength: Int
  /// True when the classifier is the token embedding (llama2.c: a positive vocab_size).
  public var sharedClassifier: Bool
  /// RMSNorm's epsilon (llama2.c: 1e-5).
  public var normEps: Float = 1e-5
  /// RoPE's base (llama2.c: 10,000).
  public var ropeTheta: Float = 10_000

  public init(
    dim: Int, hiddenDim: Int, layers: Int, heads: Int, kvHeads: Int, vocabSize: Int,
    contextLength: Int, sharedClassifier: Bool
  ) {
    self.dim = dim
    self.hiddenDim = hiddenDim
    self.layers = layers
    self.heads = heads
    self.kvHeads = kvHeads
    self.vocabSize = vocabSize
    self.contextLength = contextLength
    self.sharedClassifier = sharedClassifier
  }

  public var headSize: Int { dim / heads }
  /// Width of one position's keys (or values): kvHeads × headSize.
  public var kvDim: Int { kvHeads * headSize }
  /// How many query heads read each key/value head.
  public var queriesPerKVHead: Int { heads / kvHeads }

  /// The first reason this shape cannot be run, in words, or nil when it can.
  public var problem: String? {
    let fields = [
      ("dim", dim), ("hidden_dim", hiddenDim), ("n_layers", layers), ("n_heads", heads),
      ("n_kv_heads", kvHeads), ("vocab_size", vocabSize), ("seq_len", contextLength),
    ]
    if let (name, value) = fields.first(where: { $0.1 <= 0 }) {
      return "impossible header: \(name) is \(value)"
    }
    if dim % heads != 0 {
      return "impossible header: n_heads \(heads) does not divide dim \(dim)"
    }
    if heads % kvHeads != 0 {
      return "impossible header: n_kv_heads \(kvHeads) does not divide n_heads \(heads)"
    }
    if headSize % 2 != 0 {
      return "impossible header: head size \(headSize) is odd (rotary pairs need it even)"
    }
    if floatCount == nil { return "impossible header: its tensors overflow any file size" }
    return nil
  }

  /// The tensors of a legacy (version 0) llama2.c checkpoint, in file order, with their float
  /// counts. The two RoPE tables are stored but unused (positions are rotated on the fly).
  public var tensorSizes: [(name: String, count: Int)] {
    let l = layers
    var sizes = [
      ("token_embedding", vocabSize * dim), ("rms_att", l * dim), ("wq", l * dim * dim),
      ("wk", l * dim * kvDim), ("wv", l * dim * kvDim), ("wo", l * dim * dim),
      ("rms_ffn", l * dim), ("w1", l * hiddenDim * dim), ("w2", l * dim * hiddenDim),
      ("w3", l * hiddenDim * dim), ("rms_final", dim),
      ("freq_cis_real", contextLength * headSize / 2),
      ("freq_cis_imag", contextLength * headSize / 2),
    ]
    if !sharedClassifier { sizes.append(("wcls", vocabSize * dim)) }
    return sizes
  }

  /// Floats after the header, or nil when counting them overflows.
  public var floatCount: Int? {
    let l = layers
    let products: [[Int]] = [
      [vocabSize, dim], [l, dim], [l, dim, dim], [l, dim, kvHeads, dim / max(heads, 1)],
      [l, dim, kvHeads, dim / max(heads, 1)], [l, dim, dim], [l, dim], [l, hiddenDim, dim],
      [l, dim, hiddenDim], [l, hiddenDim, dim], [dim], [contextLength, dim / max(heads, 1)],
      sharedClassifier ? [0] : [vocabSize, dim],
    ]
    var total = 0
    for factors in products {
      var product = 1
      for f in factors {
        let (p, o) = product.multipliedReportingOverflow(by: f)
        if o { return nil }
        product = p
      }
      let (t, o) = total.addingReportingOverflow(product)
      if o { return nil }
      total = t
    }
    let (bytes, o) = total.multipliedReportingOverflow(by: 4)
    return o || bytes > Int(Int32.max) * 1024 ? nil : total
  }

  /// Bytes of a legacy checkpoint with this shape: the 28-byte header and the floats.
  public var fileSize: Int? { floatCount.map { LlamaConfig.headerSize + 4 * $0 } }

  /// Seven little-endian int32: dim, hidden_dim, n_layers, n_heads, n_kv_heads, vocab_size
  /// (negative: an unshared classifier follows), seq_len.
  public static let headerSize = 28

  /// Reads the header from its seven int32 values.
  public init(header v: [Int32]) {
    precondition(v.count == 7)
    self.init(
      dim: Int(v[0]), hiddenDim: Int(v[1]), layers: Int(v[2]), heads: Int(v[3]),
      kvHeads: Int(v[4]), vocabSize: Int(v[5].magnitude), contextLength: Int(v[6]),
      sharedClassifier: v[5] > 0)
  }

  /// One line for screens and help.
  public var summary: String {
    "\(layers) layers × \(heads) heads (\(kvHeads) KV heads), dim \(dim), SwiGLU \(hiddenDim), "
      + "vocabulary \(vocabSize), context \(contextLength)"
  }
}
