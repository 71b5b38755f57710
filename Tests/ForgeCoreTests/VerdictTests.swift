import ForgeCore
import Testing

@Suite struct VerdictTests {
  private func severity(_ id: String, _ d: ForgeDesign) -> Severity? {
    Dossier(d).verdicts.first { $0.id == id }?.severity
  }

  @Test func everyCheckReportsOnce() {
    let ids = Dossier(.seedDefault).verdicts.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(ids.count == 8)
  }

  @Test func hugeBudgetFailsFleetAndWarnsCostAndData() {
    let d = ForgeDesign(budget: 1e27, overtrain: 64)
    #expect(severity("fleet", d) == .fail)
    #expect(severity("cost", d) == .warn)
    #expect(severity("data", d) == .warn)
    #expect(
      severity("node_fit", ForgeDesign(budget: 1e27, overtrain: 1, precision: .bf16)) == .warn)
  }

  @Test func slowDecodeAndUndertraining() {
    let d = ForgeDesign(budget: 1e27, overtrain: 0.25, precision: .bf16)
    #expect(severity("decode_speed", d) == .warn)
    #expect(severity("undertrained", d) == .warn)
    #expect(severity("undertrained", .seedDefault) == .ok)
  }

  @Test func precisionSupport() throws {
    let a100 = try #require(GPU.named("A100-80GB"))
    let b200 = try #require(GPU.named("b200"))
    #expect(severity("precision", ForgeDesign(precision: .fp8, gpu: a100)) == .warn)
    #expect(severity("precision", ForgeDesign(precision: .fp4, gpu: .h100)) == .warn)
    #expect(severity("precision", ForgeDesign(precision: .fp4, gpu: b200)) == .ok)
    #expect(severity("precision", ForgeDesign(precision: .bf16, gpu: a100)) == .ok)
  }

  @Test func theKVCheckNamesTheGPUsThatHoldTheWeights() throws {
    func message(_ d: ForgeDesign) -> String {
      Dossier(d).verdicts.first { $0.id == "kv_fits" }?.message ?? ""
    }
    // The seed's worked example: three H100s, one node.
    #expect(message(.seedDefault).contains("on the 3-GPU H100 node"))
    // Past eight GPUs the copy of the weights spans nodes, and the sentence says so.
    let big = ForgeDesign(budget: 1e27, overtrain: 1, precision: .bf16)
    let shards = Metrics(big).shards
    try #require(shards > Verdicts.nodeGPUs)
    let nodes = (shards + 7) / 8
    #expect(message(big).contains("on the \(shards) × H100 (\(nodes) nodes)"))
    #expect(!message(big).contains("\(shards)-GPU"))
  }

  @Test func longestContextFitsExactly() {
    // On the seed's one 8-GPU H100 node, beside the 156 GB of weights.
    let m = Metrics(.seedDefault)
    let perToken = m.shape.kvBytesPerToken
    let free = m.serving.nodeMemory - m.weightBytes
    #expect(Double(m.longestContext) * perToken <= free)
    #expect(Double(m.longestContext + 1) * perToken > free)
  }
}
