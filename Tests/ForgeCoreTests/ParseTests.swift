import ForgeCore
import Testing

@Suite struct ParseTests {
  @Test func acceptedBudgets() throws {
    #expect(try ForgeOptions.budget("1e25") == 1e25)
    #expect(try ForgeOptions.budget("10^25") == 1e25)
    #expect(try ForgeOptions.budget("3e24") == 3e24)
    #expect(try ForgeOptions(budget: "3e24").design().budget == 3e24)
  }

  @Test(arguments: [
    "0", "-1e25", "nan", "inf", "lots", "", "10^", "10^x", "0x1p80", "10^0x19", "1e25x", "+inf",
  ])
  func refusedBudgets(_ s: String) {
    #expect(throws: ForgeInputError.self) { try ForgeOptions.budget(s) }
  }

  /// Swift's Double(_:) reads hexadecimal floats; no numeric flag takes them.
  @Test func hexadecimalIsRefusedByEveryNumericFlag() throws {
    let cases: [(ForgeOptions, String)] = [
      (ForgeOptions(budget: "0x1p80"), "--budget"), (ForgeOptions(moe: "0x12"), "--moe"),
      (ForgeOptions(overtrain: "0x4"), "--overtrain"), (ForgeOptions(mfu: "0x0.8p0"), "--mfu"),
      (ForgeOptions(moeK: "0x0.8p0"), "--moe-k"), (ForgeOptions(context: "0x10"), "--context"),
      (ForgeOptions(context: "0x10K"), "--context"), (ForgeOptions(moe: "inf"), "--moe"),
    ]
    for (options, flag) in cases {
      #expect(throws: ForgeInputError.self, "\(flag)") { try options.design() }
    }
    #expect(
      try ForgeOptions(moe: "18", overtrain: "4.0", mfu: "0.45", moeK: "5e-1").design().mfu == 0.45)
  }

  @Test func contexts() throws {
    #expect(try ForgeOptions.context("128K") == 131_072)
    #expect(try ForgeOptions.context("1m") == 1 << 20)
    #expect(try ForgeOptions.context("8192") == 8192)
    for bad in ["0", "-5", "12.5K", "K", "big", "99999999999M"] {
      #expect(throws: ForgeInputError.self) { try ForgeOptions.context(bad) }
    }
  }

  @Test func refusalsNameTheFlagAndTheAcceptedValues() {
    let cases: [(ForgeOptions, String, String)] = [
      (ForgeOptions(gpu: "V100"), "--gpu", "h100"),
      (ForgeOptions(preset: "gpt5"), "--preset", "irresponsible"),
      (ForgeOptions(precision: "int3"), "--precision", "fp8"),
      (ForgeOptions(overtrain: "0"), "--overtrain", "> 0"),
      (ForgeOptions(budget: "1e31"), "--budget", "1e30"),
      (ForgeOptions(moe: "0.5"), "--moe", "from 1 (dense)"),
      (ForgeOptions(mfu: "1.5"), "--mfu", "(0, 1]"),
      (ForgeOptions(moeK: "nan"), "--moe-k", "[0, 1]"),
      (ForgeOptions(context: "-1"), "--context", "128K"),
    ]
    for (options, flag, accepted) in cases {
      do {
        _ = try options.design()
        Issue.record("\(flag) accepted bad input")
      } catch {
        #expect(error.flag == flag)
        #expect(error.accepted.contains(accepted))
        #expect(!error.description.contains("\n"))
      }
    }
    #expect(throws: ForgeInputError.self) { try ForgeOptions.format("yaml") }
  }

  @Test func presetThenOverrides() throws {
    let d = try ForgeOptions(preset: "frontier", context: "32K", gpu: "H200").design()
    #expect(d.moeRatio == 18)
    #expect(d.context == 32768)
    #expect(d.gpu.name == "H200")
    #expect(try ForgeOptions(gpu: "TPU v5p").design().gpu.id == "tpu-v5p")
    #expect(try ForgeOptions().design() == .seedDefault)
  }

  /// The corners of every accepted range still give a finite, non-negative dossier.
  @Test func acceptedExtremesStayFinite() throws {
    for budget in ["1e18", "1e30"] {
      for overtrain in ["0.001", "10000"] {
        for moe in ["1", "1024"] {
          for context in ["1", "1024M"] {
            let options = ForgeOptions(
              budget: budget, moe: moe, overtrain: overtrain, context: context, gpu: "rtx4090")
            let dossier = Dossier(try options.design())
            #expect(dossier.figures.allSatisfy { $0.value.isFinite && $0.value >= 0 })
            #expect(dossier.figures.allSatisfy { !$0.trace.line.contains("nan") })
          }
        }
      }
    }
  }
}
