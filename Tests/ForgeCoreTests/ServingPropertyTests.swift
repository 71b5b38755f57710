import ForgeCore
import Testing

/// Serving on real nodes: the fewest GPUs that hold the weights and one user's cache, users on a
/// whole node, and hardware that is better in every way never serving worse.
@Suite struct ServingPropertyTests {
  /// Every grid design (compute in whole decades), one per GPU × precision.
  static let designs = GridTests.grid(computeStride: 10)

  @Test func theSeedStillServesOneUserOnThreeH100s() {
    let m = Metrics(.seedDefault)
    #expect(m.shards == 3 && m.serving.weightShards == 3)
    #expect(m.usersPerNode == 1)
    #expect(m.serving.usersPerFullNode == 8)
    #expect(Dossier(.seedDefault)["users_per_node"]?.fullText == "1 · 8 on 8 GPUs")
  }

  @Test func theGroupIsTheFewestThatServeOneUser() {
    for d in Self.designs {
      let s = Metrics(d).serving
      #expect(s.usersPerNode >= 1)
      #expect(s.users(onGPUs: s.shards) == s.usersPerNode)
      #expect(s.shards == 1 || s.users(onGPUs: s.shards - 1) == 0)
      #expect(s.shards >= s.weightShards)
    }
  }

  /// A GPU with more memory and bandwidth, everything else the same.
  static func upgraded(_ g: GPU, memory: Double, bandwidth: Double) -> GPU {
    GPU(
      id: g.id, name: g.name, memory: g.memory * memory, bandwidth: g.bandwidth * bandwidth,
      peakFLOPs: g.peakFLOPs, pricePerHour: g.pricePerHour, precisions: g.precisions,
      nodeSize: g.nodeSize)
  }

  static let servingChecks: Set<String> = ["kv_fits", "node_fit", "decode_speed"]
  static let allChecks = Set(Dossier(.seedDefault).verdicts.map(\.id))

  /// `better` serves no worse than `base`: users on the same GPU count and on a whole node
  /// never drop, the group never grows, and no check in `checks` gets worse.
  static func noWorse(_ base: ForgeDesign, _ better: ForgeDesign, checks: Set<String>?)
    -> Bool
  {
    let a = Metrics(base)
    let b = Metrics(better)
    guard b.serving.users(onGPUs: a.shards) >= a.usersPerNode,
      b.serving.usersPerFullNode >= a.serving.usersPerFullNode,
      b.shards <= a.shards, b.decodeCeiling >= a.decodeCeiling,
      b.serving.fullContextCeiling >= a.serving.fullContextCeiling
    else { return false }
    let before = Verdicts.evaluate(base, a)
    let after = Verdicts.evaluate(better, b)
    return zip(before, after).allSatisfy { x, y in
      checks.map { !$0.contains(x.id) } ?? false || y.severity <= x.severity
    }
  }

  @Test func moreMemoryOrBandwidthNeverServesWorse() {
    for d in Self.designs {
      for (mem, bw) in [(1.25, 1.0), (1.0, 1.5), (2.0, 2.0)] {
        var better = d
        better.gpu = Self.upgraded(d.gpu, memory: mem, bandwidth: bw)
        // Same price and peak: every verdict may only stay or improve.
        #expect(Self.noWorse(d, better, checks: nil), "\(d) ×\(mem) ×\(bw)")
      }
    }
  }

  @Test func fewerBytesPerParameterNeverServesWorse() {
    for d in Self.designs where d.precision != .fp4 {
      var better = d
      better.precision = d.precision == .bf16 ? .fp8 : .fp4
      // The precision check is about tensor-core support for the format, not about memory.
      var checks = Self.allChecks
      checks.remove("precision")
      #expect(Self.noWorse(d, better, checks: checks), "\(d)")
    }
  }

  @Test func catalogGPUsThatDominateNeverServeWorse() {
    let catalog = GPU.catalog
    let pairs = catalog.flatMap { a in
      catalog.filter { b in
        b != a && b.memory >= a.memory && b.bandwidth >= a.bandwidth && b.nodeSize >= a.nodeSize
      }.map { (a, $0) }
    }
    #expect(pairs.contains { $0.0.id == "h100" && $0.1.id == "b200" })
    for d in Self.designs where d.gpu == pairs[0].0 {
      for (a, b) in pairs {
        var base = d
        base.gpu = a
        var better = d
        better.gpu = b
        #expect(Self.noWorse(base, better, checks: Self.servingChecks), "\(a.id) → \(b.id) \(d)")
      }
    }
  }

  @Test func theIssuesCasesNowServe() throws {
    let b200 = try #require(GPU.named("b200"))
    let h200 = try #require(GPU.named("h200"))
    let mi300x = try #require(GPU.named("mi300x"))
    for gpu in [b200, mi300x, h200] {
      let d = Dossier(ForgeDesign(gpu: gpu))
      #expect(d.verdicts.first { $0.id == "kv_fits" }?.severity == .ok, "\(gpu.name)")
      #expect(d["users_per_node"]!.value >= 1)
    }
    let fp4 = Metrics(ForgeDesign(precision: .fp4, gpu: h200))
    #expect(fp4.usersPerNode >= 1)
    let llama70 = try #require(Gallery.models.first { $0.id == "llama3-70b" })
    #expect(Gallery.compare(llama70, on: .seedDefault).serving.usersPerNode >= 1)
  }

  @Test func decodeAtFullContextReadsTheCacheToo() throws {
    let m = Metrics(.seedDefault)
    // (156 + 51.5) GB / 3.35 TB/s ≈ 16 tok/s beside EQ 7.1's 21.
    #expect(abs(m.serving.fullContextCeiling - 3.35e12 / (156e9 + 51.54e9)) < 0.01)
    let f = try #require(Dossier(.seedDefault)["decode_ceiling"])
    #expect(f.text == "21 tok/s" && f.detail == "16 tok/s at 128K")
    let notes = f.trace.notes.joined(separator: "\n")
    #expect(notes.contains("16.1 tok/s"))
    // Tensor parallelism over the three H100s: 3·3.35e12 B/s.
    #expect(
      notes.contains("3·3.35e12 B/s = 10.05 TB/s raises the ceiling to 64.4 tok/s, 48.4 tok/s"))
  }
}
