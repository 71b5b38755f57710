import ForgeCore
import Testing

/// The smaller findings of issue 16 (B200 bandwidth, KV heads, context past a model's maximum,
/// TPU hosts, MLA) and the figures that used to round to nothing.
@Suite struct FindingsTests {
  @Test func b200BandwidthIsTheHGXFigure() throws {
    let b200 = try #require(GPU.named("b200"))
    #expect(b200.bandwidth == 7.7e12)
    #expect(b200.words() == "B200 · 180 GB · 7.7 TB/s")
  }

  @Test func kvHeadsNeverOutnumberQueryHeads() {
    for d in GridTests.grid(computeStride: 5) where d.gpu == .h100 && d.precision == .fp8 {
      let shape = Metrics(d).shape
      #expect(shape.kvHeads <= shape.queryHeads, "\(d.budget) \(d.overtrain) \(d.moeRatio)")
      #expect(shape.kvHeads >= 1)
    }
    // 10^20 at 256×: 53 M params, d_model ≈ 794, six query heads of 128, so six KV heads.
    let small = Metrics(ForgeDesign(budget: 1e20, overtrain: 256)).shape
    #expect(small.queryHeads == 6 && small.kvHeads == 6)
    #expect(Metrics(.seedDefault).shape.kvHeads == 8)
  }

  @Test func galleryWarnsPastAModelsMaximumContext() throws {
    let chinchilla = try #require(Gallery.models.first { $0.id == "chinchilla" })
    let c = Gallery.compare(chinchilla, on: ForgeDesign(context: 1 << 20))
    #expect(c.contextWarning == "Chinchilla 70B is served at 1M, past its 2K maximum context")
    let v3 = try #require(Gallery.models.first { $0.id == "deepseek-v3" })
    #expect(Gallery.compare(v3, on: .seedDefault).contextWarning == nil)
    let text = GalleryReport.render(on: ForgeDesign(context: 1 << 20), as: .text)
    #expect(text.contains("Warning: Chinchilla 70B is served at 1M, past its 2K maximum context."))
  }

  @Test func aTPUv5pHostHasFourChips() throws {
    let tpu = try #require(GPU.named("tpu-v5p"))
    #expect(tpu.nodeSize == 4 && tpu.nodeWords == "4-chip host")
    let d = Dossier(ForgeDesign(gpu: tpu))
    let messages = d.verdicts.map(\.message).joined(separator: "\n")
    #expect(!messages.contains("8-GPU"))
    #expect(messages.contains("4-chip host"))
    #expect(d["users_per_node"]?.detail.hasSuffix("on 4 chips") == true)
  }

  @Test func mlaIsAnAttentionChoiceAndTheGalleryUsesTheSameSum() throws {
    let v3 = try #require(Gallery.models.first { $0.id == "deepseek-v3" })
    #expect(v3.kvBytesPerToken == 70_272)
    #expect(Shape(layers: 61, dModel: 7168, latent: 512 + 64).kvBytesPerToken == 70_272)
    let design = ForgeDesign(attention: .mla)
    let m = Metrics(design)
    #expect(m.shape.kvBytesPerToken == Double(m.shape.layers * 576 * 2))
    // 96·576·2 = 110,592 B/token against GQA-8's 393,216.
    #expect(m.shape.kvBytesPerToken == 110_592)
    let trace = try #require(Dossier(design)["kv_per_user"]?.trace)
    #expect(trace.formula == "KV/user = L·(kv_lora_rank + rope)·T·bytes")
    #expect(trace.substituted == "96·(512 + 64)·131072·2")
  }

  @Test func smallFiguresSayWhatTheyAre() throws {
    let tiny = Dossier(ForgeDesign(budget: 1e20, overtrain: 256, precision: .fp4))
    let fleet = try #require(tiny["fleet"])
    #expect(fleet.fullText == "< 1 GPU · 62 GPU-hours")
    #expect(tiny.verdicts.first { $0.id == "fleet" }?.message.contains("62 H100-hours") == true)
    #expect(try #require(tiny["weights"]).text.hasSuffix(" MB"))
    #expect(try #require(tiny["decode_ceiling"]).text.contains(","))
    #expect(Format.tokensPerSecond(83_198.4) == "83,198 tok/s")
    #expect(Format.size(0.3e9) == "300 MB")
    #expect(Format.size(26.5e6) == "26.5 MB")
    #expect(Format.size(156e9) == "156 GB")
  }

  @Test func gpuHoursOnTheDossier() throws {
    let cost = try #require(Dossier(.seedDefault)["training_cost"])
    #expect(cost.text == "$12.5 M")
    #expect(cost.fullText == "$12.5 M · 6.2 M GPU-hours")
    #expect(
      Report.render(Dossier(.seedDefault), as: .text, trace: false).contains(
        "$12.5 M · 6.2 M GPU-hours"))
  }
}
