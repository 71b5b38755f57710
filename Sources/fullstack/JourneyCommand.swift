import ArgumentParser
import ForgeCore
import Foundation
import JourneyCore

/// `fullstack journey`: the Token Journey without the screen. Prints the generated text on the
/// last line; with --show-dist, the top-8 of every step before it.
struct JourneyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "journey",
    abstract: "Generate text with a bigram (or tiny) language model, one sampled token at a time.",
    discussion: """
      With --model seed-toy --prompt the --temperature T --seed S --tokens 15 it prints the \
      sentence the seed's Python generate(T, S) prints (numpy's default_rng stream). Bad \
      values get one line on stderr and exit status 64.
      """)

  @Option(
    help: ArgumentHelp(
      "\(ModelCatalog().names.joined(separator: ", ")), or a text file to build a bigram from."))
  var model: String?
  @Option(help: "Build a bigram model from this text file (same as --model FILE).")
  var corpus: String?
  @Option(help: "Starting text; every word must be known to the model.")
  var prompt = "the"
  @Option(parsing: .unconditional, help: "Softmax temperature, 0.1 to 2.5.")
  var temperature = "1.0"
  @Option(
    name: .customLong("top-k"), parsing: .unconditional,
    help: "Keep only the K most likely tokens (K ≥ 1).")
  var topK: String?
  @Option(
    name: .customLong("top-p"), parsing: .unconditional,
    help: "Keep the smallest set reaching mass P, 0 < P ≤ 1.")
  var topP: String?
  @Option(
    parsing: .unconditional, help: "Seed of numpy's default_rng stream (a non-negative integer).")
  var seed = "0"
  @Option(parsing: .unconditional, help: "How many tokens to generate (1 to 1,000,000).")
  var tokens = "15"
  @Flag(name: .customLong("until-period"), help: "Stop early after a generated '.'.")
  var untilPeriod = false
  @Flag(name: .customLong("show-dist"), help: "Print the top-8 distribution at every step.")
  var showDist = false
  @Option(help: "text or json.")
  var format = "text"

  func run() throws {
    do {
      try generate()
    } catch let usage as UsageProblem {
      warn(usage.message)
      throw ExitCode(64)
    }
  }

  private func warn(_ message: String) {
    Stderr.line("fullstack journey: \(message)")
  }

  private func generate() throws {
    let settings = SamplerSettings(
      temperature: try number(temperature, "--temperature"),
      topK: try topK.map { try integer($0, "--top-k") },
      topP: try topP.map { try number($0, "--top-p") })
    if let problem = settings.problem { throw UsageProblem(problem) }
    guard let seedValue = UInt64(seed) else {
      throw UsageProblem("--seed must be a whole number from 0 to \(UInt64.max) (got '\(seed)')")
    }
    let limit = try integer(tokens, "--tokens", range: 1...1_000_000)
    guard format == "text" || format == "json" else {
      throw UsageProblem("--format must be text or json (got '\(format)')")
    }
    let lm = try loadModel()
    var machine = StepMachine(
      model: lm, prompt: try promptIDs(lm), settings: settings, seed: seedValue)
    var steps: [StepReport] = []
    var text = machine.history.stored.map(lm.vocabulary.token)
    while steps.count < limit, let distribution = machine.distribution {
      machine.step()
      let drawn = machine.lastSampled!
      text.append(lm.vocabulary.token(drawn.id))
      steps.append(StepReport(drawn, from: distribution, vocabulary: lm.vocabulary, top: showDist))
      if showDist && format == "text" { print(steps[steps.count - 1].line(step: steps.count)) }
      if untilPeriod && machine.endsSentence { break }
    }
    let stopped: String
    if untilPeriod && machine.endsSentence {
      stopped = "period"
    } else if steps.count < limit {
      stopped = "dead end"
      let last = lm.vocabulary.token(machine.history.last!)
      warn("'\(last)' is never followed by anything in \(lm.name); stopped early")
    } else {
      stopped = "limit"
    }
    if format == "json" {
      let report = JourneyReport(
        model: lm.name, prompt: prompt, temperature: settings.temperature, topK: settings.topK,
        topP: settings.topP, seed: seedValue, stopped: stopped, steps: steps,
        text: Tokenizer.text(text))
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys]
      print(String(decoding: try encoder.encode(report), as: UTF8.self))
    } else {
      print(Tokenizer.text(text))
    }
  }

  private func loadModel() throws -> any LanguageModel {
    if let corpus, let model, model != corpus {
      throw UsageProblem("--corpus \(corpus) conflicts with --model \(model); give one of them")
    }
    do {
      return try ModelCatalog().load(corpus ?? model ?? ModelCatalog.defaultName)
    } catch {
      throw UsageProblem("\(error)")
    }
  }

  private func promptIDs(_ lm: any LanguageModel) throws -> [Int] {
    let words = Tokenizer.tokens(prompt)
    guard !words.isEmpty else { throw UsageProblem("--prompt has no words") }
    let unknown = words.filter { lm.vocabulary.id(of: $0) == nil }
    guard unknown.isEmpty else {
      let list = unknown.map { "'\($0)'" }.joined(separator: ", ")
      throw UsageProblem(
        "--prompt word\(unknown.count == 1 ? "" : "s") \(list) never seen by model \(lm.name)")
    }
    return words.map { lm.vocabulary.id(of: $0)! }
  }

  private func number(_ text: String, _ option: String) throws -> Double {
    // Decimal only: Double("0x1p0") and Double("inf") are not numbers a person means here.
    guard let value = PlainNumber.double(text) else {
      throw UsageProblem("\(option) must be a decimal number like 0.8 (got '\(text)')")
    }
    return value
  }

  private func integer(_ text: String, _ option: String, range: ClosedRange<Int>? = nil) throws
    -> Int
  {
    guard let value = Int(text), range?.contains(value) ?? true else {
      let bounds = range.map { " from \($0.lowerBound) to \($0.upperBound)" } ?? ""
      throw UsageProblem("\(option) must be a whole number\(bounds) (got '\(text)')")
    }
    return value
  }
}

/// A bad command-line value: one line for stderr, exit status 64.
private struct UsageProblem: Error {
  let message: String
  init(_ message: String) { self.message = message }
}

/// One generated token with the distribution it was drawn from.
private struct StepReport: Encodable {
  struct Entry: Encodable {
    let token: String
    let probability: Double
  }
  let token: String
  let rank: Int
  let probability: Double
  let top: [Entry]?
  let remainder: Double?

  init(_ drawn: SampledToken, from distribution: Distribution, vocabulary: Vocabulary, top: Bool) {
    token = vocabulary.token(drawn.id)
    rank = drawn.rank
    probability = drawn.probability
    let view = distribution.top(8)
    self.top =
      top
      ? view.entries.map { Entry(token: vocabulary.token($0.id), probability: $0.probability) }
      : nil
    remainder = top ? view.remainder : nil
  }

  func line(step: Int) -> String {
    let bars = (top ?? []).map { "\($0.token) \(percent($0.probability))" }
    let rest = remainder.flatMap { $0 > 0 ? ["other \(percent($0))"] : nil } ?? []
    return "step \(step): " + (bars + rest).joined(separator: " | ")
      + " -> \(token) (rank \(rank), \(percent(probability)))"
  }

  private func percent(_ p: Double) -> String { String(format: "%.1f%%", p * 100) }
}

private struct JourneyReport: Encodable {
  let model: String
  let prompt: String
  let temperature: Double
  let topK: Int?
  let topP: Double?
  let seed: UInt64
  let stopped: String
  let steps: [StepReport]
  let text: String
}
