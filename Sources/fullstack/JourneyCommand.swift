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
      sentence the seed's Python generate(T, S) prints (numpy's default_rng stream). \
      --temperature 0 is greedy for every model. With --checkpoint FILE --tokenizer FILE it \
      runs a llama2.c checkpoint (e.g. stories260K.bin with tok512.bin) and prints what \
      llama2.c's run.c prints: the prompt, then the generated text (it stops early at BOS); \
      --sampler llama2c draws as run.c does (its xorshift stream from --seed, top-p 0.9 \
      unless --top-p says otherwise; run.c's -n counts the prompt's tokens too, so -n 64 with \
      a 5-token prompt, BOS included, is --tokens 60). Bad values or files get one line on \
      stderr and exit status 64.
      """)

  @Option(
    help: ArgumentHelp(
      "\(ModelCatalog().names.joined(separator: ", ")), or a text file to build a bigram from."))
  var model: String?
  @Option(help: "Build a bigram model from this text file (same as --model FILE).")
  var corpus: String?
  @Option(
    help: ArgumentHelp(
      "A llama2.c checkpoint (legacy format, memory-mapped) to run instead of --model.",
      valueName: "file"))
  var checkpoint: String?
  @Option(
    help: ArgumentHelp(
      "The checkpoint's tokenizer.bin (tok512.bin for stories260K).", valueName: "file"))
  var tokenizer: String?
  @Option(
    help: ArgumentHelp(
      "numpy (default: numpy's default_rng, as the seed's Python) or llama2c (run.c's sampler).",
      valueName: "name"))
  var sampler = "numpy"
  @Option(
    help: ArgumentHelp(
      "Starting text (default: 'the'; empty with --checkpoint). A bigram or tiny GPT must know "
        + "every word; a checkpoint's tokenizer encodes any text."))
  var prompt: String?
  @Option(parsing: .unconditional, help: "Softmax temperature: 0 (greedy), or 0.1 to 2.5.")
  var temperature = "1.0"
  @Option(
    name: .customLong("top-k"), parsing: .unconditional,
    help: "Keep the K most likely tokens and any tied with the K-th (K ≥ 1).")
  var topK: String?
  @Option(
    name: .customLong("top-p"), parsing: .unconditional,
    help: "Keep the smallest most-likely set reaching mass P, 0 < P ≤ 1 (1 keeps all).")
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
  @Flag(
    name: .customLong("speed"),
    help: "With --checkpoint: print positions per second on stderr afterwards (like run.c).")
  var speed = false
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
    if checkpoint != nil || tokenizer != nil { return try generateWithCheckpoint() }
    // The checkpoint FULLSTACK_CHECKPOINT names, by its name (what the panel's replay line uses).
    if let model, ModelCatalog.fromEnvironment().contains(where: { $0.name == model }) {
      return try generateWithCheckpoint(named: model)
    }
    guard sampler == "numpy" else {
      throw UsageProblem("--sampler \(sampler) needs --checkpoint; the bundled models use numpy's")
    }
    let settings = SamplerSettings(
      temperature: try number(temperature, "--temperature"),
      topK: try topK.map { try integer($0, "--top-k") },
      topP: try topP.map { try number($0, "--top-p") })
    if let problem = settings.problem { throw UsageProblem(problem) }
    let seedValue = try seedNumber()
    let limit = try integer(tokens, "--tokens", range: 1...1_000_000)
    guard format == "text" || format == "json" else {
      throw UsageProblem("--format must be text or json (got '\(format)')")
    }
    let lm = try loadModel()
    var machine = StepMachine(
      model: lm, prompt: try promptIDs(lm), settings: settings, seed: seedValue)
    // Output streams as tokens are drawn: nothing grows with --tokens except, for JSON and
    // --show-dist, the text itself (its words, a few bytes a token).
    let json = format == "json"
    let keepText = json || showDist
    var text = Tokenizer.text(machine.history.stored.map(lm.vocabulary.token))
    if !keepText { print(text, terminator: "") }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    if json {
      print(
        "{\"model\":\(try encoded(lm.name, encoder)),\"prompt\":\(try encoded(prompt ?? "the", encoder)),"
          + "\"seed\":\(seedValue),\"steps\":[", terminator: "")
    }
    var count = 0
    while count < limit, let distribution = machine.distribution {
      machine.step()
      let drawn = machine.lastSampled!
      let word = lm.vocabulary.token(drawn.id)
      count += 1
      if keepText { text += " " + word } else { print(" " + word, terminator: "") }
      if json || showDist {
        let step = StepReport(drawn, from: distribution, vocabulary: lm.vocabulary, top: showDist)
        if json {
          let entry = String(decoding: try encoder.encode(step), as: UTF8.self)
          print((count > 1 ? "," : "") + entry, terminator: "")
        } else {
          print(step.line(step: count))
        }
      }
      if untilPeriod && machine.endsSentence { break }
    }
    let stopped: String
    if untilPeriod && machine.endsSentence {
      stopped = "period"
    } else if count < limit {
      stopped = "dead end"
    } else {
      stopped = "limit"
    }
    if json {
      var tail = "],\"stopped\":\(try encoded(stopped, encoder)),"
      tail += "\"temperature\":\(try encoded(settings.temperature, encoder)),"
      tail += "\"text\":\(try encoded(text, encoder))"
      if let k = settings.topK { tail += ",\"topK\":\(k)" }
      if let p = settings.topP { tail += ",\"topP\":\(try encoded(p, encoder))" }
      print(tail + "}")
    } else {
      print(keepText ? text : "")
    }
    if stopped == "dead end" {
      let last = lm.vocabulary.token(machine.history.last!)
      warn("'\(last)' is never followed by anything in \(lm.name); stopped early")
    }
  }

  /// One JSON value as JSONEncoder writes it inside a whole report.
  private func encoded(_ value: some Encodable, _ encoder: JSONEncoder) throws -> String {
    String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  /// The llama2.c path: a mapped checkpoint, its tokenizer, run.c's output.
  private func seedNumber() throws -> UInt64 {
    guard let value = UInt64(seed) else {
      throw UsageProblem("--seed must be a whole number from 0 to \(UInt64.max) (got '\(seed)')")
    }
    return value
  }

  private func generateWithCheckpoint(named: String? = nil) throws {
    guard let checkpoint = checkpoint ?? named else {
      throw UsageProblem("--tokenizer needs --checkpoint FILE (the model it belongs to)")
    }
    guard let tokenizer = tokenizer ?? (named == nil ? nil : "") else {
      throw UsageProblem(
        "--checkpoint needs --tokenizer FILE (tok512.bin for stories260K, Llama 2's "
          + "tokenizer.bin for stories15M/42M/110M)")
    }
    if let model, named == nil {
      throw UsageProblem("--model \(model) conflicts with --checkpoint; give one")
    }
    if let corpus { throw UsageProblem("--corpus \(corpus) conflicts with --checkpoint; give one") }
    guard let kind = LlamaJourney.SamplerKind(rawValue: sampler) else {
      throw UsageProblem("--sampler must be numpy or llama2c (got '\(sampler)')")
    }
    if format != "text" { throw UsageProblem("--format json is not available with --checkpoint") }
    if showDist { throw UsageProblem("--show-dist is not available with --checkpoint") }
    let t = try number(temperature, "--temperature")
    let k = try topK.map { try integer($0, "--top-k") }
    let p = try topP.map { try number($0, "--top-p") }
    let seed = try seedNumber()
    let limit = try integer(tokens, "--tokens", range: 1...1_000_000)
    if let problem = LlamaJourney.problem(
      temperature: t, topK: k, topP: p, seed: seed, sampler: kind)
    {
      throw UsageProblem(problem)
    }
    let lm: LlamaModel
    do {
      if let named {
        lm = try ModelCatalog().load(named) as! LlamaModel
      } else {
        lm = try LlamaModel.load(checkpoint: checkpoint, tokenizer: tokenizer)
      }
    } catch {
      throw UsageProblem("\(error)")
    }
    let run = LlamaJourney(
      model: lm, tokenizer: lm.tokenizer!, prompt: prompt ?? "", tokens: limit, temperature: t,
      topK: k, topP: p, seed: seed, sampler: kind, untilPeriod: untilPeriod, reportSpeed: speed)
    if let problem = run.run() { throw UsageProblem(problem) }
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
    let prompt = self.prompt ?? "the"
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
