import ArgumentParser
import ForgeCore
import Foundation

/// `fullstack forge`: the Forge dossier (or the gallery of real models) as plain output.
struct ForgeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "forge",
    abstract: "Design a model from six decisions and print its dossier, verdicts and equations.",
    discussion: """
      Every option takes the next word as its value, so --budget -1 is refused by the budget's \
      own check. Numbers are decimal (1e25, 0.45, 10^24.3); bad values get one line on stderr \
      and exit status 64.
      """)

  @Option(parsing: .unconditional, help: "Compute budget in FLOPs: 1e25, 3e24 or 10^25.")
  var budget: String?
  @Option(parsing: .unconditional, help: "MoE total:active ratio (1 = dense), e.g. 18.")
  var moe: String?
  @Option(
    parsing: .unconditional, help: "Over-training factor past the Chinchilla optimum, e.g. 4.")
  var overtrain: String?
  @Option(parsing: .unconditional, help: "Context length in tokens: 8192, 128K, 1M.")
  var context: String?
  @Option(parsing: .unconditional, help: "Serving precision: bf16, fp8, fp4.")
  var precision: String?
  @Option(parsing: .unconditional, help: "GPU: \(GPU.catalog.map(\.id).joined(separator: ", ")).")
  var gpu: String?
  @Option(
    parsing: .unconditional,
    help: "Utilisation: the share of peak FLOP/s training sustains (MFU, default 0.45).")
  var mfu: String?
  @Option(
    name: .customLong("moe-k"), parsing: .unconditional,
    help: "Expert worth: what MoE's extra experts count for, 0 to 1 (MoE k, default 0.5).")
  var moeK: String?
  @Option(
    parsing: .unconditional, help: "Preset: \(Preset.allCases.map(\.name).joined(separator: ", "))."
  )
  var preset: String?
  @Option(parsing: .unconditional, help: "Output format: text, json, markdown.")
  var format: String = "text"
  @Flag(help: "Print every figure's equation with its numbers substituted.")
  var trace = false
  @Flag(help: "Print the gallery of real models instead of a dossier.")
  var gallery = false

  func run() throws {
    do {
      let fmt = try ForgeOptions.format(format)
      let options = ForgeOptions(
        preset: preset, budget: budget, moe: moe, overtrain: overtrain, context: context,
        precision: precision, gpu: gpu, mfu: mfu, moeK: moeK)
      let design = try options.design()
      if gallery {
        print(GalleryReport.render(on: design, as: fmt))
      } else {
        print(Report.render(Dossier(design), as: fmt, trace: trace))
      }
    } catch {
      Stderr.line(error.description)
      throw ExitCode(64)
    }
  }
}
