import ForgeCore
import Testing

/// The seed's worked dossier and exercises, out of the same functions the screen uses.
@Suite struct GoldenTests {
  let dossier = Dossier(.seedDefault)

  private func text(_ id: String) -> String? { dossier[id]?.text }

  @Test func seedDossierFigures() {
    #expect(dossier.figures.map(\.id) == Dossier.figureIDs)
    #expect(text("total_params") == "156 B dense")
    #expect(text("active_params") == "156 B")
    #expect(text("training_tokens") == "10.7 T")
    #expect(text("tokens_per_param") == "68")
    #expect(text("predicted_loss") == "1.917")
    #expect(text("compute") == "1.0e25 (10^25.0)")
    #expect(text("fleet") == "2,890 × H100")
    #expect(text("training_cost") == "$12.5 M")
    #expect(text("weights") == "156 GB")
    #expect(text("decode_ceiling") == "21 tok/s")
    #expect(text("kv_per_user") == "51.5 GB")
    #expect(text("users_per_node") == "1")
  }

  @Test func seedHoursAndShards() {
    let m = Metrics(.seedDefault)
    #expect(Format.scaledCount(m.gpuHours) == "6.2 M")
    #expect(m.shards == 3)
    #expect(m.shape.layers == 96)
    #expect(dossier["fleet"]?.trace.notes.contains("6.2 M H100-hours") == true)
    #expect(dossier.worst == .ok)
  }

  @Test func exerciseComputeBudget() {
    let c = ScalingLaw.trainingCompute(params: 20e9, tokens: 2e12)
    #expect(abs(c - 2.4e23) / 2.4e23 < 1e-12)
    #expect(Format.flops(c) == "2.4e23")
  }

  @Test func exerciseDecodeCeiling() {
    let s = Serving(
      totalParams: 100e9, activeParams: 100e9, kvBytesPerToken: 1, context: 1,
      precision: .fp8, gpu: .h100)
    #expect(abs(s.decodeCeiling - 33.5) < 1e-9)
    #expect(Format.tokensPerSecond(s.decodeCeiling, precise: true) == "33.5 tok/s")
  }

  @Test func exerciseH100Hours() {
    let hours = Metrics(ForgeDesign(budget: 1e25, mfu: 0.45)).gpuHours
    #expect(Format.number(hours) == "6.24e6")
    #expect(Format.money(hours * GPU.h100.pricePerHour) == "$12.5 M")
  }

  @Test func exerciseKVCache() {
    let shape = Shape(layers: 96, dModel: 12288, kvHeads: 8, headDim: 128)
    #expect(Format.gigabytes(shape.kvBytes(context: 131_072)) == "51.5 GB")
    #expect(
      dossier["kv_per_user"]?.trace.line
        == "KV/user = 2·L·H_kv·d_head·T·bytes = 2·96·8·128·131072·2 = 51.5 GB (EQ 3.5)")
  }

  @Test func h100CarriesTheSeedFigures() {
    #expect(GPU.h100.memory == 80e9)
    #expect(GPU.h100.bandwidth == 3.35e12)
    #expect(GPU.h100.peakFLOPs == 989e12)
    #expect(GPU.h100.pricePerHour == 2)
    #expect(ForgeDesign.seedDefault.gpu == .h100)
  }
}
