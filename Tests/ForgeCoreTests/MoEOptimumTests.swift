import ForgeCore
import Foundation
import Testing

/// MoE designs are sized on their own compute optimum: with N_eff = N·S^k in the loss and
/// C = 6·N_active·D, N* = EQ 4.2 · S^(−kα/(α+β)), and f = 1 is the lowest loss the screen shows.
@Suite struct MoEOptimumTests {
  let law = ScalingLaw.chinchillaRefit

  @Test func denseIsTheSeedsEquation() {
    for c in [1e20, 1e22, 1e25, 1e27] {
      #expect(
        law.optimalParams(compute: c, moeRatio: 1, moeK: 0.5) == law.optimalParams(compute: c))
      let d = ForgeDesign(budget: c)
      #expect(Metrics(d).optimalParams == law.optimalParams(compute: c))
    }
  }

  @Test func closedFormFromTheLaw() {
    // The optimum written out independently of ScalingLaw's own helpers.
    let (a, b, al, be) = (482.0, 2085.4, 0.3478, 0.3658)
    for (c, s, k) in [(1e25, 18.0, 0.5), (pow(10, 25.5), 18, 0.5), (1e23, 64, 1.0), (1e21, 4, 0.2)]
    {
      let expected =
        pow((al * a) / (be * b), 1 / (al + be)) * pow(s, -k * al / (al + be))
        * pow(c / 6, be / (al + be))
      let got = law.optimalParams(compute: c, moeRatio: s, moeK: k)
      #expect(abs(got / expected - 1) < 1e-12)
    }
  }

  /// Every grid design, each value of k: f = 1 gives a loss no higher than any other
  /// over-training stop, and a 0.1% nudge of N either way raises it.
  @Test func fOneMinimisesTheShownLossOverTheGrid() {
    var checked = 0
    for base in GridTests.grid(computeStride: 5)
    where base.context == 131_072
      && base.precision == .fp8 && base.gpu == .h100 && base.overtrain == 1
    {
      for k in stride(from: 0.0, through: 1.0, by: 0.1) {
        var d = base
        d.moeK = k
        let best = Metrics(d).loss
        for f in Decision.overtrainFactors where f != 1 {
          var other = d
          other.overtrain = f
          #expect(Metrics(other).loss > best, "C \(d.budget) S \(d.moeRatio) k \(k) f \(f)")
        }
        let n = Metrics(d).activeParams
        let at = { (x: Double) in
          law.loss(activeParams: x, tokens: d.budget / (6 * x), moeRatio: d.moeRatio, moeK: k)
        }
        #expect(at(n * 1.001) > at(n) && at(n / 1.001) > at(n))
        checked += 1
      }
    }
    #expect(checked == 15 * 7 * 11)
  }

  @Test func theIssuesExampleNowFavoursFOne() {
    // 1e25, 18:1, k = 0.5: sized on the dense optimum the loss fell from f = 1 to f = 4.
    let d = ForgeDesign(budget: 1e25, moeRatio: 18, overtrain: 1)
    var four = d
    four.overtrain = 4
    #expect(Metrics(d).loss < Metrics(four).loss)
    // The MoE optimum sits below the dense one by 18^(−0.5·α/(α+β)).
    let m = Metrics(d)
    #expect(abs(m.optimalParams / m.denseOptimalParams - pow(18, -0.5 * 0.3478 / 0.7136)) < 1e-12)
  }

  @Test func frontierPresetOnItsOwnOptimum() throws {
    let d = Dossier(Preset.frontier2025.design)
    #expect(d.design.words(for: .overtrain) == "4× past optimum")
    #expect(d["total_params"]?.text == "2.5 T MoE")
    #expect(d["active_params"]?.text == "139 B")
    let trace = try #require(d["active_params"]?.trace)
    #expect(trace.formula == "N = N*/√f")
    let notes = trace.notes.joined(separator: "\n")
    #expect(notes.contains("Clark et al. 2022"))
    #expect(notes.contains("Abnar et al. 2025"))
    #expect(notes.contains("k is a heuristic"))
    #expect(notes.contains("S^(−kα/(α+β))"))
  }

  @Test func galleryMoEsSayHowFarFromTheirOwnOptimum() throws {
    for id in ["deepseek-v3", "kimi-k2"] {
      let model = try #require(Gallery.models.first { $0.id == id })
      let c = Gallery.compare(model, on: Preset.frontier2025.design)
      let over = try #require(c.overtraining)
      let optimum = try #require(c.optimalActive)
      // f = (N*/N)², the factor the Forge's own slider would show for this model.
      #expect(abs(over - pow(optimum / model.activeParams, 2)) < 1e-9)
      let compute = try #require(model.compute)
      let tokensPerParam = compute / (6 * model.activeParams) / model.activeParams
      let optimal = law.optimalTokensPerParam(
        compute: compute, moeRatio: model.moeRatio, moeK: 0.5)
      #expect(abs(over - tokensPerParam / optimal) < 1e-9)
    }
  }
}
