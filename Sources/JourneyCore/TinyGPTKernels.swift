import Foundation

/// The arithmetic of one transformer step on contiguous Float buffers: simple loops the
/// optimizer can vectorize, no allocation beyond the returned vector.
enum TinyGPTKernels {
  /// y = x·W + b for W stored [x.count, n] row-major (b nil means zero).
  static func affine(_ x: [Float], _ w: [Float], _ b: [Float]?, columns n: Int) -> [Float] {
    var y = b ?? [Float](repeating: 0, count: n)
    y.withUnsafeMutableBufferPointer { yp in
      w.withUnsafeBufferPointer { wp in
        x.withUnsafeBufferPointer { xp in
          for i in 0..<xp.count {
            let xi = xp[i]
            let row = wp.baseAddress! + i * n
            for j in 0..<n { yp[j] += xi * row[j] }
          }
        }
      }
    }
    return y
  }

  /// LayerNorm over the whole vector: (x − mean) / sqrt(var + eps) · g + b.
  static func layerNorm(_ x: [Float], _ g: [Float], _ b: [Float], eps: Float) -> [Float] {
    let n = Float(x.count)
    let mean = x.reduce(0, +) / n
    var variance: Float = 0
    for v in x { variance += (v - mean) * (v - mean) }
    let inv = 1 / (variance / n + eps).squareRoot()
    var y = [Float](repeating: 0, count: x.count)
    for i in 0..<x.count { y[i] = (x[i] - mean) * inv * g[i] + b[i] }
    return y
  }

  /// GPT-2's tanh approximation of GELU, in place.
  static func gelu(_ x: inout [Float]) {
    let c: Float = 0.797_884_560_802_865_4
    for i in 0..<x.count {
      let v = x[i]
      x[i] = 0.5 * v * (1 + tanh(c * (v + 0.044715 * v * v * v)))
    }
  }

  /// a += b, element-wise.
  static func add(_ a: inout [Float], _ b: [Float]) {
    for i in 0..<a.count { a[i] += b[i] }
  }

  /// Causal attention of one head at position `t`: softmax over keys 0...t of q·k/√size,
  /// then the weighted sum of values, added into `mixed`. Returns the weights.
  /// `keys`/`values` hold one row of `stride` floats per position; the head starts at
  /// `offset` in each row (and in `query` and `mixed`).
  static func attend(
    query: [Float], keys: [Float], values: [Float], mixed: inout [Float],
    upTo t: Int, offset: Int, size: Int, stride: Int
  ) -> [Float] {
    var weights = [Float](repeating: 0, count: t + 1)
    let scale = 1 / Float(size).squareRoot()
    keys.withUnsafeBufferPointer { kp in
      query.withUnsafeBufferPointer { qp in
        for s in 0...t {
          let k = kp.baseAddress! + s * stride + offset
          var dot: Float = 0
          for j in 0..<size { dot += qp[offset + j] * k[j] }
          weights[s] = dot * scale
        }
      }
    }
    let top = weights.max() ?? 0
    var sum: Float = 0
    for s in 0...t {
      weights[s] = exp(weights[s] - top)
      sum += weights[s]
    }
    for s in 0...t { weights[s] /= sum }
    values.withUnsafeBufferPointer { vp in
      mixed.withUnsafeMutableBufferPointer { mp in
        for s in 0...t {
          let w = weights[s]
          let v = vp.baseAddress! + s * stride + offset
          for j in 0..<size { mp[offset + j] += w * v[j] }
        }
      }
    }
    return weights
  }

  /// The Euclidean norm, accumulated in Double.
  static func norm(_ x: [Float]) -> Double {
    x.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
  }

  /// The index of the largest value (the first one on ties).
  static func argmax(_ x: [Float]) -> Int {
    var best = 0
    for i in x.indices where x[i] > x[best] { best = i }
    return best
  }
}
