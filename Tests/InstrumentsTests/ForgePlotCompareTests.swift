import ForgeCore
import SnapshotSupport
import TerminalUI
import Testing

@testable import Instruments

struct ForgePlotCompareTests {
  typealias F = ForgePlotFixture

  @Test(arguments: ["gpt3", "deepseek-v3"])
  func snapshots(model: String) {
    for (w, h) in [(40, 10), (60, 20)] {
      assertSnapshot(
        F.compare(w, h, model: model), named: "forge-plot-compare-\(model)-unicode-\(w)x\(h)")
      assertSnapshot(
        F.compare(w, h, model: model, context: F.ascii),
        named: "forge-plot-compare-\(model)-ascii-\(w)x\(h)")
    }
  }

  @Test func nothingPickedSaysHowToPick() {
    let text = F.compare(40, 10, model: nil).text
    #expect(text.contains("No real model picked"))
  }

  @Test func everyModelShowsItsKVPerTokenAndServingFigures() {
    for model in Gallery.models {
      let text = F.compare(60, 24, model: model.id).text
      let c = Gallery.compare(model, on: .seedDefault)
      for figure in [
        Format.kibibytes(model.kvBytesPerToken), Format.gigabytes(c.serving.weightBytes),
        Format.tokensPerSecond(c.serving.decodeCeiling), Format.gigabytes(c.serving.kvPerUser),
      ] {
        #expect(text.contains(figure), "\(model.name): \(figure)")
      }
    }
  }

  @Test func publishedKVSizesAppear() {
    #expect(F.compare(60, 20, model: "llama3-70b").text.contains("320 KiB"))
    #expect(F.compare(60, 20, model: "llama3.1-405b").text.contains("504 KiB"))
    // 61 layers of a 512 + 64 latent at 2 bytes: 70,272 B, about 70 KB.
    #expect(F.compare(60, 20, model: "deepseek-v3").text.contains("69 KiB"))
  }

  @Test func theKVAssumptionIsStatedAtEverySize() {
    for (w, h) in [(40, 10), (60, 20)] {
      let mla = F.compare(w, h, model: "deepseek-v3").text
      #expect(mla.contains("61·(512 + 64)·2"))
      #expect(mla.contains("MLA"))
      let gqa = F.compare(w, h, model: "llama3-70b").text
      #expect(gqa.contains("2·80·8·128·2"))
      #expect(gqa.contains("GQA"))
    }
  }

  @Test func overTrainingIsRelativeToTheComputeOptimalRatio() {
    let text = F.compare(60, 20, model: "llama3-8b").text
    let c = Gallery.compare(Gallery.models[F.index("llama3-8b")], on: .seedDefault)
    #expect(text.contains(Format.ratio(c.overtraining!) + "×"))
    #expect(text.contains("over-trained"))
    #expect(F.compare(60, 20, model: "gpt3").text.contains("under-trained"))
    #expect(F.compare(60, 20, model: "mixtral-8x7b").text.contains("n/a"))
  }

  @Test func theDesignsColumnFollowsTheDesign() {
    let design = Preset.irresponsible.design
    let text = F.compare(60, 20, model: "llama3-70b", design: design).text
    let dossier = Dossier(design)
    #expect(text.contains(dossier["users_per_node"]!.text))
    #expect(text.contains(dossier["kv_per_user"]!.text))
    #expect(text.contains(design.gpu.name))
  }
}
