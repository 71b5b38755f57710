import ForgeCore
import Foundation

/// The points the Forge plot places, all taken from ForgeCore's law, metrics and gallery: the
/// curve, the compute-optimal point, the design and the real models. Pure numbers, no styles.
struct ForgePlotPoints: Equatable {
  /// A labelled point in data units.
  struct Mark: Equatable {
    var x: Double
    var loss: Double
  }

  /// A gallery model's point, or why it has none.
  struct ModelMark: Equatable {
    var index: Int
    /// The model served on the design's setting (ForgeCore's comparison).
    var comparison: Comparison
    var model: GalleryModel { comparison.model }
    /// nil where the model's training tokens are undisclosed (no loss, no 6ND).
    var mark: Mark?
  }

  let mode: ForgePlotState.Mode
  let xRange: ClosedRange<Double>
  let curve: [CurvePoint]
  /// The selected dense model's own IsoFLOP curve (IsoFLOP view only).
  let selectedCurve: [CurvePoint]
  let optimum: Mark
  let design: Mark
  let models: [ModelMark]

  /// Decades of parameters shown either side of the optimum in the IsoFLOP view: over-training
  /// moves the design from N_opt·√4 down to N_opt/√256, well inside.
  static let isoFLOPHalfSpan = 1.5

  /// The points for `d` with `resolution` points a curve. `curves` holds IsoFLOP curves kept
  /// from the frame before: a curve it holds is taken from it, any other is worked out.
  init(
    design d: ForgeDesign, state: ForgePlotState, resolution: Int,
    law: ScalingLaw = .chinchillaRefit, curves: ForgePlotCurves = ForgePlotCurves()
  ) {
    mode = state.mode
    let metrics = Metrics(d, law: law)
    // An MoE's curve is its own: active params on x, N_eff = N·S^k in the loss, and the
    // optimum at N* (the dense curve and EQ 4.2 when S = 1).
    let s = d.moeRatio
    let k = d.moeK
    let nOpt = metrics.optimalParams
    let optimalLoss = law.frontier(budgets: [d.budget], moeRatio: s, moeK: k)[0].loss
    let comparisons = Gallery.models.map { Gallery.compare($0, on: d, law: law) }
    let points = max(2, resolution)
    switch state.mode {
    case .isoFLOP:
      let range = Self.isoFLOPRange(around: nOpt)
      xRange = range
      curve = curves.curve(
        IsoFLOPCurveArgs(
          law: law, budget: d.budget, nRange: range, points: points, moeRatio: s, moeK: k))
      optimum = Mark(x: nOpt, loss: optimalLoss)
      design = Mark(x: metrics.activeParams, loss: metrics.loss)
      models = comparisons.enumerated().map { i, c in
        ModelMark(
          index: i, comparison: c, mark: c.loss.map { Mark(x: c.model.activeParams, loss: $0) })
      }
      let picked = state.selectedModel.flatMap { m in
        m.totalParams == m.activeParams ? m.compute : nil
      }
      selectedCurve =
        picked.map {
          curves.curve(
            IsoFLOPCurveArgs(
              law: law, budget: $0, nRange: range, points: points, moeRatio: 1, moeK: 0))
        } ?? []
    case .frontier:
      xRange = Self.frontierRange
      let exponents = Decision.computeExponents
      let step = (exponents[exponents.count - 1] - exponents[0]) / Double(points - 1)
      curve = law.frontier(
        budgets: (0..<points).map { pow(10, exponents[0] + step * Double($0)) }, moeRatio: s,
        moeK: k)
      optimum = Mark(x: d.budget, loss: optimalLoss)
      design = Mark(x: d.budget, loss: metrics.loss)
      models = comparisons.enumerated().map { i, c in
        let mark = both(c.model.compute, c.loss).map { Mark(x: $0.0, loss: $0.1) }
        return ModelMark(index: i, comparison: c, mark: mark)
      }
      selectedCurve = []
    }
    lossRange = Self.lossRange(
      xRange: xRange, curve: curve, marks: [optimum, design] + models.compactMap(\.mark))
  }

  /// The IsoFLOP curves the points for `d` take (the design's, and the picked dense model's
  /// at the design's range): none in the frontier view. The same arguments `init` passes.
  static func curveArgs(
    design d: ForgeDesign, state: ForgePlotState, resolution: Int,
    law: ScalingLaw = .chinchillaRefit
  ) -> [IsoFLOPCurveArgs] {
    guard state.mode == .isoFLOP else { return [] }
    let points = max(2, resolution)
    let nOpt = law.optimalParams(compute: d.budget, moeRatio: d.moeRatio, moeK: d.moeK)
    let range = isoFLOPRange(around: nOpt)
    var args = [
      IsoFLOPCurveArgs(
        law: law, budget: d.budget, nRange: range, points: points, moeRatio: d.moeRatio,
        moeK: d.moeK)
    ]
    if let m = state.selectedModel, m.totalParams == m.activeParams, let c = m.compute {
      args.append(
        IsoFLOPCurveArgs(
          law: law, budget: c, nRange: range, points: points, moeRatio: 1, moeK: 0))
    }
    return args
  }

  /// Whole decades of parameters covering N_opt·10^±halfSpan.
  static func isoFLOPRange(around nOpt: Double) -> ClosedRange<Double> {
    let lo = floor(log10(nOpt) - isoFLOPHalfSpan)
    let hi = ceil(log10(nOpt) + isoFLOPHalfSpan)
    return pow(10, lo)...pow(10, hi)
  }

  /// The budgets the compute slider spans, 10^20…10^27.
  static var frontierRange: ClosedRange<Double> {
    let e = Decision.computeExponents
    return pow(10, e[0])...pow(10, e[e.count - 1])
  }

  /// The loss range that holds the curve and every mark inside the x range, padded a little
  /// so marks do not sit on the axis.
  let lossRange: ClosedRange<Double>

  private static func lossRange(
    xRange: ClosedRange<Double>, curve: [CurvePoint], marks: [Mark]
  ) -> ClosedRange<Double> {
    let inside = { (m: Mark) in xRange.contains(m.x) }
    let losses = curve.map(\.loss) + marks.filter(inside).map(\.loss)
    let lo = losses.min() ?? 0
    let hi = losses.max() ?? 1
    let pad = max(hi - lo, 0.01) * 0.06
    return (lo - pad)...(hi + pad)
  }
}

private func both<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
  guard let a, let b else { return nil }
  return (a, b)
}

/// Everything one IsoFLOP curve depends on: the arguments of `ScalingLaw.isoFLOPCurve`.
struct IsoFLOPCurveArgs: Equatable, Sendable {
  var law: ScalingLaw
  var budget: Double
  var nRange: ClosedRange<Double>
  var points: Int
  var moeRatio: Double
  var moeK: Double

  /// The curve, worked out.
  var curve: [CurvePoint] {
    law.isoFLOPCurve(
      budget: budget, nRange: nRange, points: points, moeRatio: moeRatio, moeK: moeK)
  }
}

/// IsoFLOP curves kept between frames, each with the arguments it was worked out from (a
/// curve depends on the budget and the MoE sliders, not on the other four: their moves keep
/// it). A plain value, held by the Forge's state and refreshed by its update.
public struct ForgePlotCurves: Equatable, Sendable {
  private(set) var entries: [(args: IsoFLOPCurveArgs, curve: [CurvePoint])] = []

  public init() {}

  /// Always equal: the curves follow from the rest of the state that holds them (each is the
  /// one its arguments give), so they play no part in that state's equality.
  public static func == (_: Self, _: Self) -> Bool { true }

  /// The curves for `needed` (each kept one that is needed, the others worked out), then
  /// the kept ones no longer needed, the newest first, up to `spare` of them: a move back to
  /// the design before finds its curves still there.
  init(_ needed: [IsoFLOPCurveArgs], keeping old: ForgePlotCurves, spare: Int = 2) {
    entries = needed.map { args in
      (args, old.entries.first { $0.args == args }?.curve ?? args.curve)
    }
    let unused = old.entries.filter { entry in !needed.contains { $0 == entry.args } }
    entries += unused.prefix(spare)
  }

  /// These curves, then those of `other` they lack (kept ones first, so their spares stay).
  func adding(_ other: ForgePlotCurves) -> ForgePlotCurves {
    var both = self
    both.entries += other.entries.filter { e in !entries.contains { $0.args == e.args } }
    return both
  }

  /// The curve for `args`: the kept one, else worked out.
  func curve(_ args: IsoFLOPCurveArgs) -> [CurvePoint] {
    entries.first { $0.args == args }?.curve ?? args.curve
  }
}
