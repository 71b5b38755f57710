import Foundation

/// The arithmetic every transformer in the Journey runs on: matrix products, norms, softmax
/// and activations over contiguous Float memory. One set of kernels, and one forward pass
/// (`LlamaModel`), for the bundled tiny model and for llama2.c checkpoints.
///
/// They allocate nothing and check no bounds in their inner loops (callers pass valid extents).
public enum Kernels {
  // MARK: matrix products

  /// out[i] = Σ_j W[i, j]·x[j] for W stored [rows, columns] row-major (PyTorch's `Linear`
  /// layout, the one llama2.c checkpoints use): one dot product per output.
  @inlinable
  public static func matmul(
    _ out: UnsafeMutablePointer<Float>, _ w: UnsafePointer<Float>, _ x: UnsafePointer<Float>,
    rows: Int, columns: Int
  ) {
    var i = 0
    // Four rows at a time share each load of x.
    while i + 4 <= rows {
      let r0 = w + i * columns
      let r1 = r0 + columns
      let r2 = r1 + columns
      let r3 = r2 + columns
      var a0 = SIMD8<Float>()
      var a1 = SIMD8<Float>()
      var a2 = SIMD8<Float>()
      var a3 = SIMD8<Float>()
      var j = 0
      while j + 8 <= columns {
        let xv = load8(x + j)
        a0 += load8(r0 + j) * xv
        a1 += load8(r1 + j) * xv
        a2 += load8(r2 + j) * xv
        a3 += load8(r3 + j) * xv
        j += 8
      }
      var s0 = a0.sum()
      var s1 = a1.sum()
      var s2 = a2.sum()
      var s3 = a3.sum()
      while j < columns {
        let xj = x[j]
        s0 += r0[j] * xj
        s1 += r1[j] * xj
        s2 += r2[j] * xj
        s3 += r3[j] * xj
        j += 1
      }
      out[i] = s0
      out[i + 1] = s1
      out[i + 2] = s2
      out[i + 3] = s3
      i += 4
    }
    while i < rows {
      out[i] = dot(w + i * columns, x, count: columns)
      i += 1
    }
  }

  /// Σ a[j]·b[j] over `count` floats.
  @inlinable
  public static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float
  {
    var acc = SIMD8<Float>()
    var j = 0
    while j + 8 <= count {
      acc += load8(a + j) * load8(b + j)
      j += 8
    }
    var s = acc.sum()
    while j < count {
      s += a[j] * b[j]
      j += 1
    }
    return s
  }

  /// a += b over `count` floats.
  @inlinable
  public static func add(_ a: UnsafeMutablePointer<Float>, _ b: UnsafePointer<Float>, count: Int) {
    var j = 0
    while j + 8 <= count {
      store8(load8(a + j) + load8(b + j), a + j)
      j += 8
    }
    while j < count {
      a[j] += b[j]
      j += 1
    }
  }

  // MARK: norms

  /// RMSNorm: out = weight ⊙ x / sqrt(mean(x²) + eps). `out` may be `x`.
  @inlinable
  public static func rmsNorm(
    _ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ weight: UnsafePointer<Float>,
    count: Int, eps: Float
  ) {
    let ss = dot(x, x, count: count) / Float(count) + eps
    let inv = 1 / ss.squareRoot()
    for j in 0..<count { out[j] = weight[j] * (inv * x[j]) }
  }

  // MARK: softmax and activations

  /// The unnormalised half of softmax, given the largest of the `count` floats: x ←
  /// exp(x − max) in place; returns Σ exp(x − max). Dividing by the sum later (or scaling what
  /// the weights produce) completes the softmax.
  @inlinable
  public static func exponentiate(
    _ x: UnsafeMutablePointer<Float>, count: Int, maximum top: Float
  ) -> Float {
    let shift = SIMD8<Float>(repeating: top)
    var sums = SIMD8<Float>()
    var j = 0
    while j + 8 <= count {
      let e = exp8(belowOverflow: load8(x + j) - shift)
      store8(e, x + j)
      sums += e
      j += 8
    }
    var sum = sums.sum()
    if j < count {
      var tail = SIMD8<Float>(repeating: -.infinity)
      for k in j..<count { tail[k - j] = x[k] - top }
      let e = exp8(tail)
      for k in j..<count {
        x[k] = e[k - j]
        sum += e[k - j]
      }
    }
    return sum
  }

  /// x *= a over `count` floats.
  @inlinable
  public static func scale(_ x: UnsafeMutablePointer<Float>, _ a: Float, count: Int) {
    let av = SIMD8<Float>(repeating: a)
    var j = 0
    while j + 8 <= count {
      store8(load8(x + j) * av, x + j)
      j += 8
    }
    while j < count {
      x[j] *= a
      j += 1
    }
  }

  /// SwiGLU's gate in place: h = silu(h) ⊙ g, silu(v) = v·σ(v).
  @inlinable
  public static func swiGLU(
    _ h: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, count: Int
  ) {
    let one = SIMD8<Float>(repeating: 1)
    var j = 0
    while j + 8 <= count {
      let v = load8(h + j)
      store8(v / (one + exp8(-v)) * load8(g + j), h + j)
      j += 8
    }
    while j < count {
      let v = h[j]
      h[j] = v * (1 / (1 + Foundation.exp(-v))) * g[j]
      j += 1
    }
  }

  /// e^x lane by lane, within about 2 ulp of `expf` for x in [−87.3, 88.7] (Cephes' expf:
  /// x = n·ln2 + r with |r| ≤ ln2/2, a degree-6 polynomial for e^r, then 2^n from the exponent
  /// bits). Lanes are clamped to that range first, so e^x never overflows to infinity or
  /// underflows below the smallest normal float (about 1.2e−38, zero for every softmax weight).
  @inlinable @inline(__always)
  public static func exp8(_ x: SIMD8<Float>) -> SIMD8<Float> {
    var clamped = x
    clamped.replace(with: 88.722_83, where: x .> 88.722_83)
    return exp8(belowOverflow: clamped)
  }

  /// `exp8` for lanes already at most 88.7 (softmax's x − max ≤ 0): only the low clamp.
  @inlinable @inline(__always)
  public static func exp8(belowOverflow x: SIMD8<Float>) -> SIMD8<Float> {
    var clamped = x
    clamped.replace(with: -87.336_55, where: x .< -87.336_55)
    // Adding 1.5·2^23 rounds to the nearest integer and leaves it in the low mantissa bits.
    let magic = SIMD8<Float>(repeating: 12_582_912)
    let shifted = clamped * 1.442_695_04 + magic
    let n = shifted - magic
    let integer = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
    var r = clamped - n * 0.693_359_375
    r = r - n * -2.121_944_4e-4
    var p = SIMD8<Float>(repeating: 1.987_569_15e-4)
    p = p * r + 1.398_199_95e-3
    p = p * r + 8.333_451_9e-3
    p = p * r + 4.166_579_59e-2
    p = p * r + 1.666_666_55e-1
    p = p * r + 5.000_000_12e-1
    p = p * (r * r) + r + 1
    let scale = unsafeBitCast((integer &+ 127) &<< 23, to: SIMD8<Float>.self)
    return p * scale
  }

  /// The index of the largest of `count` floats (the first one on ties).
  @inlinable
  public static func argmax(_ x: UnsafePointer<Float>, count: Int) -> Int {
    var best = 0
    for j in 1..<max(count, 1) where x[j] > x[best] { best = j }
    return best
  }

  @inlinable
  static func load8(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
  }

  @inlinable
  static func load8(_ p: UnsafeMutablePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
  }

  @inlinable
  static func store8(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
  }
}
