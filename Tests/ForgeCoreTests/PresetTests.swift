import ForgeCore
import Testing

@Suite struct PresetTests {
  @Test(arguments: Preset.allCases) func everyPresetIsFinite(_ preset: Preset) {
    let d = Dossier(preset.design)
    #expect(d.figures.count == 12)
    for f in d.figures {
      #expect(f.value.isFinite, "\(preset.name) \(f.id)")
      #expect(f.value >= 0, "\(preset.name) \(f.id)")
      #expect(!f.text.isEmpty)
    }
    #expect(Preset.named(preset.name) == preset)
  }

  @Test func seedDefaultPresetIsTheSeed() {
    #expect(Preset.seedDefault.design == .seedDefault)
  }

  @Test func chinchillaLoss() {
    let d = Dossier(Preset.chinchilla.design)
    #expect(d["predicted_loss"]?.text == "2.144")
    #expect(d.verdicts.first { $0.id == "undertrained" }?.severity == .ok)
  }

  @Test func llama3EconomicsIsThirtyTwoTimesPastOptimal() {
    let design = Preset.llama3Economics.design
    let m = Metrics(design)
    // N = N_opt/√f and D = D_opt·√f, so tokens/param is f times the compute-optimal ratio.
    let optimal = m.law.optimalTokensPerParam(compute: design.budget)
    #expect(abs(m.tokensPerActiveParam / optimal - 32) < 1e-9)
    #expect(design.isDense)
    #expect(Format.flopsPower(design.budget) == "10^24.3")
  }

  @Test func presetsNamedAfterRealModelsSaySoAndPointAtThem() throws {
    let chinchilla = try #require(Preset.chinchilla.realNote)
    #expect(
      chinchilla
        == "The real Chinchilla 70B: 70.0 B active on 1.4 T tokens at 5.8e23; this preset: 9.0 B"
        + " on 184 B at 1.0e22.")
    let llama = try #require(Preset.llama3Economics.realNote)
    #expect(llama.contains("8.0 B active on 15.0 T") && llama.contains("this preset: 24.1 B"))
    #expect(Preset.frontier2025.realModel?.id == "deepseek-v3")
    #expect(Preset.seedDefault.realNote == nil && Preset.irresponsible.realNote == nil)
    #expect(
      Report.render(Dossier(Preset.chinchilla.design), as: .text, trace: false)
        .contains(chinchilla))
  }

  @Test func frontierIsMoEOnB200() {
    let design = Preset.frontier2025.design
    let m = Metrics(design)
    #expect(design.gpu.name == "B200")
    #expect(abs(m.totalParams / m.activeParams - 18) < 1e-9)
    #expect(Dossier(design)["tokens_per_param"]?.label == "Tokens / active param")
    // The MoE heuristic makes the same compute buy a lower loss than dense.
    var dense = design
    dense.moeRatio = 1
    #expect(m.loss < Metrics(dense).loss)
  }

  @Test func irresponsibleFailsOnKVAndSaysWhy() throws {
    let design = Preset.irresponsible.design
    let m = Metrics(design)
    let d = Dossier(design)
    let kv = try #require(d.verdicts.first { $0.id == "kv_fits" })
    #expect(design.gpu.name == "RTX 4090" && design.context == 1 << 20)
    #expect(kv.severity == .fail)
    #expect(kv.message.contains(Format.size(m.kvPerUser)))
    // One user's cache (412 GB) is more than a whole 8-GPU RTX 4090 node holds (173 GB).
    #expect(kv.message.contains(Format.size(m.serving.nodeMemory)))
    #expect(kv.message.contains(Format.size(m.serving.nodeFreeBytes)))
    #expect(m.kvPerUser > m.serving.nodeMemory)
    // Serving that one user still has a GPU count: 27 cards, four nodes.
    #expect(m.shards == 27 && m.serving.nodes == 4)
    #expect(kv.message.contains("27 × RTX 4090"))
    #expect(d.worst == .fail)
    #expect(d.longestContext < design.context)
  }
}
