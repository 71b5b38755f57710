import Foundation

/// A Chinchilla-form scaling law: loss = E + A/N^α + B/D^β (EQ 4.1), with compute C = 6ND.
public struct ScalingLaw: Codable, Sendable, Equatable {
  /// Irreducible loss E.
  public var e: Double
  /// Parameter coefficient A.
  public var a: Double
  /// Data coefficient B.
  public var b: Double
  public var alpha: Double
  public var beta: Double

  /// The Chinchilla refit the seed uses.
  public static let chinchillaRefit = ScalingLaw(
    e: 1.82, a: 482.0, b: 2085.4, alpha: 0.3478, beta: 0.3658)

  /// Training compute C = 6·N·D FLOPs for N (active) parameters and D tokens (EQ 4.1's budget).
  public static func trainingCompute(params n: Double, tokens d: Double) -> Double { 6 * n * d }

  /// Predicted loss for N (effective) parameters trained on D tokens (EQ 4.1).
  public func loss(params n: Double, tokens d: Double) -> Double {
    e + a / pow(n, alpha) + b / pow(d, beta)
  }

  /// The leading constant of EQ 4.2: ((αA)/(βB))^(1/(α+β)).
  public var optimumConstant: Double {
    pow((alpha * a) / (beta * b), 1 / (alpha + beta))
  }

  /// Compute-optimal parameter count at budget C (EQ 4.2).
  public func optimalParams(compute c: Double) -> Double {
    optimumConstant * pow(c / 6, beta / (alpha + beta))
  }

  /// How far sparsity moves the compute-optimal active size: S^(−kα/(α+β)), 1 when dense.
  public func sparsityFactor(moeRatio s: Double, moeK k: Double) -> Double {
    pow(s, -k * alpha / (alpha + beta))
  }

  /// Compute-optimal active parameter count for an MoE of total:active ratio S whose loss uses
  /// N_eff = N·S^k: minimising E + A/(N·S^k)^α + B/D^β at C = 6·N·D gives
  /// N* = ((αA)/(βB))^(1/(α+β)) · S^(−kα/(α+β)) · (C/6)^(β/(α+β)), EQ 4.2 when S = 1.
  public func optimalParams(compute c: Double, moeRatio s: Double, moeK k: Double) -> Double {
    optimalParams(compute: c) * sparsityFactor(moeRatio: s, moeK: k)
  }

  /// Compute-optimal tokens per parameter at budget C: D_opt / N_opt.
  public func optimalTokensPerParam(compute c: Double) -> Double {
    optimalTokensPerParam(compute: c, moeRatio: 1, moeK: 0)
  }

  /// Compute-optimal tokens per active parameter for an MoE of ratio S: D* / N*.
  public func optimalTokensPerParam(compute c: Double, moeRatio s: Double, moeK k: Double)
    -> Double
  {
    let n = optimalParams(compute: c, moeRatio: s, moeK: k)
    return c / (6 * n) / n
  }

  /// The loss of N active parameters at sparsity S (N_eff = N·S^k) on D tokens.
  public func loss(activeParams n: Double, tokens d: Double, moeRatio s: Double, moeK k: Double)
    -> Double
  {
    loss(params: n * pow(s, k), tokens: d)
  }

  /// Loss against parameter count at a fixed budget (the IsoFLOP curve), log-spaced over
  /// `nRange`. Tokens follow from D = C / 6N.
  /// For an MoE (ratio S, exponent k) x is the active count and the loss uses N_eff = N·S^k.
  public func isoFLOPCurve(
    budget c: Double, nRange: ClosedRange<Double>, points: Int, moeRatio s: Double = 1,
    moeK k: Double = 0
  ) -> [CurvePoint] {
    guard points > 1 else { return [] }
    let lo = log10(nRange.lowerBound)
    let hi = log10(nRange.upperBound)
    return (0..<points).map { i in
      let n = pow(10, lo + (hi - lo) * Double(i) / Double(points - 1))
      return CurvePoint(
        x: n, loss: loss(activeParams: n, tokens: c / (6 * n), moeRatio: s, moeK: k))
    }
  }

  /// The compute-optimal loss at each budget: the frontier the IsoFLOP minima trace (for an
  /// MoE of ratio S, each budget at its own MoE optimum N*).
  public func frontier(budgets: [Double], moeRatio s: Double = 1, moeK k: Double = 0)
    -> [CurvePoint]
  {
    budgets.map { c in
      let n = optimalParams(compute: c, moeRatio: s, moeK: k)
      return CurvePoint(
        x: c, loss: loss(activeParams: n, tokens: c / (6 * n), moeRatio: s, moeK: k))
    }
  }
}

/// One point of a plotted curve: x (parameters or FLOPs) and predicted loss.
public struct CurvePoint: Codable, Sendable, Equatable {
  public var x: Double
  public var loss: Double
}
