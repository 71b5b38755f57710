import ForgeCore
import Foundation
import Testing

@Suite struct GalleryTests {
  private func model(_ id: String) throws -> GalleryModel {
    try #require(Gallery.models.first { $0.id == id })
  }

  @Test func kvPerTokenFromTheRealShape() throws {
    #expect(try model("llama3-70b").kvBytesPerToken == 320 * 1024)
    #expect(try model("llama3.1-405b").kvBytesPerToken == 504 * 1024)
    let dsv3 = try model("deepseek-v3").kvBytesPerToken
    #expect(dsv3 == 61 * (512 + 64) * 2)
    #expect(abs(dsv3 - 70e3) / 70e3 < 0.01)
    #expect(
      try model("gpt3").kvTrace.line
        == "KV/token = 2·L·H_kv·d_head·bytes = 2·96·96·128·2 = 4608 KiB (EQ 3.5)")
  }

  @Test func kvEqualsTheArchitectureSumForEveryEntry() {
    for m in Gallery.models {
      let perLayer: Int
      if case .mla(let rank, let rope) = m.attention {
        perLayer = rank + rope
      } else {
        perLayer = 2 * m.kvHeads * m.headDim
      }
      #expect(m.kvBytesPerToken == Double(m.layers * perLayer * 2), "\(m.name)")
    }
    #expect(Gallery.models.count == 10)
    #expect(Set(Gallery.models.map(\.id)).count == Gallery.models.count)
  }

  @Test func compareOnTheSeedDesign() throws {
    let c = Gallery.compare(try model("llama3-70b"), on: .seedDefault)
    #expect(c.serving.weightBytes == 70.6e9)
    #expect(abs(c.serving.decodeCeiling - 3.35e12 / 70.6e9) < 1e-9)
    #expect(c.serving.kvPerUser == 320 * 1024 * 131_072)
    let over = try #require(c.overtraining)
    #expect(over > 10 && over < 14)
    #expect(Gallery.compare(try model("mixtral-8x7b"), on: .seedDefault).overtraining == nil)
  }

  @Test func isoFLOPMinimumIsAtNOpt() {
    let law = ScalingLaw.chinchillaRefit
    for c in [1e21, 1e23, 1e25, 1e27] {
      let nOpt = law.optimalParams(compute: c)
      let curve = law.isoFLOPCurve(budget: c, nRange: nOpt / 100...nOpt * 100, points: 201)
      let best = curve.indices.min { curve[$0].loss < curve[$1].loss }
      #expect(best == 100)
      #expect(abs(curve[100].x / nOpt - 1) < 1e-9)
      // Exactly in the math: a small step either way raises the loss.
      let at = { (n: Double) in law.loss(params: n, tokens: c / (6 * n)) }
      #expect(at(nOpt * 1.001) > at(nOpt))
      #expect(at(nOpt / 1.001) > at(nOpt))
    }
  }

  @Test func frontierFallsWithBudget() {
    let budgets = (20...27).map { pow(10, Double($0)) }
    let f = ScalingLaw.chinchillaRefit.frontier(budgets: budgets)
    #expect(f.map(\.x) == budgets)
    #expect(zip(f, f.dropFirst()).allSatisfy { $0.loss > $1.loss })
  }
}
