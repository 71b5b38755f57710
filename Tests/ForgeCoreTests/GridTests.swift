import ForgeCore
import Testing

/// Invariants over the whole grid of stops.
@Suite struct GridTests {
  /// Every design on the grid, with the compute stops thinned to whole decades to stay cheap.
  static func grid(computeStride: Int = 10) -> [ForgeDesign] {
    var designs = [ForgeDesign.seedDefault]
    for decision in Decision.allCases {
      let stride = decision == .compute ? computeStride : 1
      designs = designs.flatMap { d in
        Swift.stride(from: 0, to: decision.stopCount, by: stride).map {
          d.setting(decision, toStop: $0)
        }
      }
    }
    return designs
  }

  @Test func stopsRoundTrip() {
    for decision in Decision.allCases {
      for stop in 0..<decision.stopCount {
        let d = ForgeDesign.seedDefault.setting(decision, toStop: stop)
        #expect(d.stopIndex(for: decision) == stop, "\(decision) \(stop)")
      }
    }
  }

  @Test func defaultStopsAndWords() {
    let words = Decision.allCases.map { $0.words(stop: $0.defaultStop) }
    #expect(
      words == [
        "10^25.0 FLOPs", "dense", "4× past Chinchilla", "128K", "FP8",
        "H100 · 80 GB · 3.35 TB/s",
      ])
    #expect(
      Decision.gpu.words(stop: Decision.gpu.defaultStop, ascii: true)
        == "H100 . 80 GB . 3.35 TB/s")
    #expect(Decision.architecture.words(stop: 4) == "MoE 18:1")
    #expect(Decision.overtrain.words(stop: 4, ascii: true) == "4x past Chinchilla")
    #expect(Decision.compute.stopCount == 71)
  }

  @Test func valuesBetweenStopsSnapToNearest() {
    let d = ForgeDesign(budget: 3e24)
    #expect(d.stopIndex(for: .compute) == 45)  // log10(3e24) = 24.48 → 10^24.5
    #expect(ForgeDesign(context: 100_000).stopIndex(for: .context) == 6)  // 128K
  }

  @Test func everyGridDesignIsFiniteAndNonNegative() {
    for d in Self.grid() {
      let m = Metrics(d)
      let values = [
        m.totalParams, m.activeParams, m.tokens, m.loss, m.gpuHours, m.trainingCost,
        m.weightBytes, m.decodeCeiling, m.kvPerUser,
      ]
      #expect(values.allSatisfy { $0.isFinite && $0 > 0 })
      #expect(m.usersPerNode >= 0)
      #expect(m.longestContext >= 0)
      #expect(m.freeKVBytes >= 0)
    }
  }

  @Test func lossFallsWithCompute() {
    for base in Self.grid(computeStride: 71) {
      let losses = (0..<Decision.compute.stopCount).map {
        Metrics(base.setting(.compute, toStop: $0)).loss
      }
      #expect(zip(losses, losses.dropFirst()).allSatisfy { $0 > $1 })
    }
  }

  @Test func weightsGrowWithRatio() {
    for base in Self.grid(computeStride: 71) {
      let weights = (0..<Decision.architecture.stopCount).map {
        Metrics(base.setting(.architecture, toStop: $0)).weightBytes
      }
      #expect(zip(weights, weights.dropFirst()).allSatisfy { $0 < $1 })
    }
  }

  @Test func dossierFiguresMatchMetrics() {
    for d in Self.grid(computeStride: 35).prefix(2000) {
      let m = Metrics(d)
      let dossier = Dossier(d)
      #expect(dossier["weights"]?.value == m.weightBytes)
      #expect(dossier["users_per_node"]?.value == Double(m.usersPerNode))
      #expect(dossier.figures.allSatisfy { !$0.trace.formula.isEmpty })
    }
  }
}
