import Foundation

/// One of the seed's four check-yourself questions, with its numbers, answer and worked
/// solution (from the same equation traces as the dossier).
///
/// Every number the question shows is the number the answer is computed from (dealt values
/// are chosen so their printed form is exact, and hardware figures print in full), and the
/// worked answer carries three significant figures in the answer's own unit, so typing the
/// worked answer as shown is always graded correct.
public struct Exercise: Sendable, Equatable {
  public enum Kind: String, CaseIterable, Sendable {
    case computeBudget, decodeCeiling, gpuHours, kvCache
  }

  public let kind: Kind
  public let question: String
  /// The answer in `quantity`'s unit (FLOPs, tok/s, GPU-hours, GB).
  public let answer: Double
  public let quantity: Quantity
  /// The worked solution: the dossier's equation trace, with its result given as the worked
  /// answer (three significant figures in the question's unit).
  public let trace: Trace
  /// Intermediate steps between the substituted formula and the result, each one `= …` line
  /// (the KV card's 393,216 bytes per token).
  public let steps: [String]
  /// Common slips recognised in a wrong answer, with what to say about them.
  let slips: [Slip]
  /// Candidate example sets for the hint; the first that answers nothing is shown.
  let exampleSets: [[String]]

  /// The unit the answer field asks for: `FLOPs`, `tok/s`, `H100-hours`, `GB`.
  public var unit: String { quantity.unit }

  /// The answer as the worked solution prints it: `2.4e23 FLOPs`, `8.68e4 B200-hours`.
  public var workedAnswer: String { trace.result }

  public var solution: [String] { [trace.line] + steps.map { "= " + $0 } + trace.notes }

  /// Typed forms for the hint (`1.5e21`, `4.2×10^19`, `7,25e20 FLOPs`), none of which is
  /// correct, close or a recognised slip for this question.
  public var examples: [String] {
    exampleSets.first { set in
      set.allSatisfy { typed in
        guard case .success(let c) = check(typed) else { return false }
        return c.grade == .wrong && c.note == nil
      }
    } ?? exampleSets[exampleSets.count - 1]
  }

  /// The seed's own numbers for `kind`.
  public static func seed(_ kind: Kind) -> Exercise {
    switch kind {
    case .computeBudget: compute(params: 20e9, tokens: 2e12)
    case .decodeCeiling: decode(params: 100e9, precision: .fp8, gpu: .h100)
    case .gpuHours: hours(compute: 1e25, mfu: 0.45, gpu: .h100)
    case .kvCache: kv(layers: 96, kvHeads: 8, context: 131_072)
    }
  }

  /// "Another one": the same question with new numbers, deterministic from `seed`.
  public static func another(_ kind: Kind, seed: UInt64) -> Exercise {
    var rng = SplitMix64(seed: seed)
    let sizes: [Double] = [1e9, 3e9, 7e9, 8e9, 13e9, 34e9, 70e9, 175e9, 405e9]
    switch kind {
    case .computeBudget:
      return compute(
        params: sizes.randomElement(using: &rng)!,
        tokens: [0.3e12, 1e12, 1.4e12, 2e12, 5e12, 15e12].randomElement(using: &rng)!)
    case .decodeCeiling:
      return decode(
        params: sizes.randomElement(using: &rng)!,
        precision: Precision.allCases.randomElement(using: &rng)!,
        gpu: GPU.catalog.randomElement(using: &rng)!)
    case .gpuHours:
      // Half-decade budgets, dealt as the question prints them (10^23.5 is dealt as 3.2e23),
      // so the number on the card is the number graded against.
      let budget = pow(10, Double(Int.random(in: 42...52, using: &rng)) / 2)
      return hours(
        compute: Double(Format.flops(budget)) ?? budget,
        mfu: [0.3, 0.35, 0.4, 0.45, 0.5].randomElement(using: &rng)!,
        gpu: GPU.catalog.randomElement(using: &rng)!)
    case .kvCache:
      return kv(
        layers: [32, 48, 61, 80, 96, 126].randomElement(using: &rng)!,
        kvHeads: [4, 8, 16].randomElement(using: &rng)!,
        context: Decision.contexts.randomElement(using: &rng)!)
    }
  }

  /// A checked answer: its grade, its value in the answer's unit, and a remark on a
  /// recognised slip (`That's 2·N·D, the forward pass alone…`) in place of "how far off".
  public struct Check: Sendable, Equatable {
    public let grade: Grade
    public let value: Double
    public let note: String?
  }

  /// Grades a typed answer: correct within 1%, close within 5%, otherwise wrong. Unreadable
  /// input, and a unit mix-up (bytes typed for GB, GPU-seconds for hours), is a gentle
  /// message instead of a grade.
  public func check(_ typed: String) -> Result<Check, AnswerError> {
    let value: Double
    switch Answer.parse(typed, as: quantity) {
    case .success(let v): value = v
    case .failure(let e): return .failure(e)
    }
    let grade = Grade(value: value, answer: answer)
    if grade == .wrong, value > 0,
      let slip = slips.first(where: { abs(value / (answer * $0.factor) - 1) <= Slip.tolerance })
    {
      let message = slip.message(value)
      if slip.isUnit { return .failure(AnswerError(message: message)) }
      return .success(Check(grade: grade, value: value, note: message))
    }
    return .success(Check(grade: grade, value: value, note: nil))
  }

  /// The grade alone (see `check`).
  public func grade(_ typed: String) -> Result<Grade, AnswerError> {
    check(typed).map(\.grade)
  }

  static func compute(params n: Double, tokens d: Double) -> Exercise {
    let c = ScalingLaw.trainingCompute(params: n, tokens: d)
    var trace = Equations.trainingCompute(params: n, tokens: d)
    trace.result = figures(c) + " FLOPs"
    return Exercise(
      kind: .computeBudget,
      question: "A dense model of \(Format.params(n)) parameters trains on "
        + "\(Format.tokens(d)) tokens. What is its training compute C in FLOPs (C = 6ND)?",
      answer: c, quantity: .flops, trace: trace, steps: [],
      slips: [
        Slip(
          1.0 / 3, "That's 2·N·D, the forward pass alone; training is 6·N·D (forward + backward)."),
        Slip(1.0 / 6, "That's N·D; the training compute is 6·N·D FLOPs."),
      ],
      exampleSets: [
        ["1.5e21", "4.2×10^19", "7,25e20 FLOPs"], ["3.3e26", "8.1×10^27", "6,5e25 FLOPs"],
      ])
  }

  static func decode(params n: Double, precision: Precision, gpu: GPU) -> Exercise {
    let rate = Serving.decodeCeiling(
      bandwidth: gpu.bandwidth, activeParams: n, bytes: precision.bytes)
    var trace = Equations.decodeCeiling(activeParams: n, precision: precision, gpu: gpu)
    // The bandwidth as the question prints it, in full (the dossier's trace rounds it).
    trace.substituted =
      "\(exact(gpu.bandwidth))/(\(exact(n))·\(Format.number(precision.bytes)))"
    trace.result = figures(rate) + " tok/s"
    var slips = [
      Slip(
        1 / (rate * rate), unit: true,
        "That looks like seconds per token; the question asks for tokens per second."),
      Slip(1e9, "That looks like N in billions; use the full parameter count (\(exact(n)))."),
      Slip(1e-12, "That looks like the bandwidth in TB/s; use bytes per second."),
    ]
    if precision.bytes != 1 {
      slips.append(
        Slip(
          precision.bytes,
          "That leaves out the bytes per parameter (\(precision.label) = "
            + "\(Format.number(precision.bytes)) bytes)."))
    }
    return Exercise(
      kind: .decodeCeiling,
      question:
        "\(article(Format.params(n))) \(Format.params(n)) dense model is served in \(precision.label) on one "
        + "\(gpu.name) (\(exact(gpu.bandwidth)) B/s). What is its single-stream decode "
        + "ceiling in tok/s (EQ 7.1)?",
      answer: rate, quantity: .rate, trace: trace,
      steps: ["\(exact(gpu.bandwidth)) B/s ÷ \(exact(n * precision.bytes)) bytes read per token"],
      slips: slips,
      exampleSets: [["12.5", "4,2e3", "870 tok/s"], ["0.73", "2,6", "91 tok/s"]])
  }

  static func hours(compute c: Double, mfu: Double, gpu: GPU) -> Exercise {
    let hours = Metrics.gpuHours(compute: c, mfu: mfu, peak: gpu.peakFLOPs)
    var trace = Equations.gpuHours(compute: c, mfu: mfu, gpu: gpu)
    // The peak as the question prints it, in full (the dossier's trace rounds it).
    trace.substituted = "\(exact(c))/(\(Format.number(mfu))·\(exact(gpu.peakFLOPs))·3600)"
    trace.result = figures(hours) + " \(gpu.name)-hours"
    let percent = Format.number(mfu * 100)
    return Exercise(
      kind: .gpuHours,
      question: "Training takes \(Format.flops(c)) FLOPs on \(gpu.name)s peaking at "
        + "\(exact(gpu.peakFLOPs)) FLOP/s, run at \(percent)% MFU. "
        + "How many \(gpu.name)-hours is that?",
      answer: hours, quantity: .gpuHours(gpu: gpu.name), trace: trace,
      steps: [
        "\(exact(c)) FLOPs ÷ \(scientific(mfu * gpu.peakFLOPs * 3600, 4)) FLOPs per "
          + "\(gpu.name)-hour"
      ],
      slips: [
        Slip(
          3600, unit: true,
          "That looks like GPU-seconds; the question asks for hours (÷ 3600)."),
        Slip(1.0 / 24, unit: true, "That looks like GPU-days; the question asks for hours (× 24)."),
        Slip(mfu, "That's the time at 100% utilisation; divide by the MFU (\(percent)%) too."),
        Slip(0.01, "That looks like the MFU used as \(percent) rather than \(Format.number(mfu))."),
      ],
      exampleSets: [
        ["1.5×10^5", "7.2M", "430 \(gpu.name)-h"], ["3.3e8", "2,5M", "710 \(gpu.name)-hours"],
        ["42", "9,1e9", "5.5k \(gpu.name)-h"],
      ])
  }

  static func kv(layers: Int, kvHeads: Int, context: Int) -> Exercise {
    let shape = Shape(layers: layers, dModel: 0, kvHeads: kvHeads)
    let perToken = 2 * Double(layers * kvHeads * 128) * 2
    let bytes = perToken * Double(context)
    var trace = Equations.kvPerUser(shape: shape, context: context)
    trace.result = figures(bytes / 1e9) + " GB"
    let mix = { (name: String, short: String, factor: Double) in
      Slip(
        factor, unit: true, "That looks like \(name); the question asks for GB",
        convert: { "\(Format.number($0)) \(short) is \(Format.significant($0 / factor, 3)) GB" })
    }
    return Exercise(
      kind: .kvCache,
      question:
        "\(article("\(layers)")) \(layers)-layer model with GQA-\(kvHeads) (head dim 128, 16-bit KV) serves one "
        + "user at \(Format.context(context)) context. How many GB of KV cache (EQ 3.5)?",
      answer: bytes / 1e9, quantity: .gigabytes, trace: trace,
      steps: [
        "(2·\(layers)·\(kvHeads)·128·2 = \(Format.count(perToken)) bytes per token) × \(context) tokens",
        "\(Format.number(bytes)) bytes",
      ],
      slips: [
        mix("bytes", "bytes", 1e9), mix("kB", "kB", 1e6), mix("MB", "MB", 1e3),
        mix("TB", "TB", 1e-3), mix("GiB (2^30 bytes, not 10^9)", "GiB", 1e9 / 1_073_741_824),
        Slip(0.5, "That's half: count both K and V (the first 2) and 2 bytes per value."),
        Slip(0.25, "That's a quarter: count both K and V (the first 2) and 2 bytes per value."),
      ],
      exampleSets: [
        ["12.5", "7,5 GB", "0.9 TB", "640 MiB"], ["3.3", "97,5 GB", "2.2 TB", "9 GiB"],
      ])
  }

  /// `An` before a number said with a vowel (8, 80, 8.0 B, 11, 18), `A` otherwise.
  static func article(_ number: String) -> String {
    let whole = number.prefix { $0.isNumber }
    return number.hasPrefix("8") || whole == "11" || whole == "18" ? "An" : "A"
  }

  /// A worked answer to three significant figures, trailing zeros kept (`3.40e24`, `30.0`,
  /// `0.256`, `8.68e4`), whole from 1,000 to 10,000 (`1649`), and as short as it is exact
  /// when that is shorter (`2.4e23`, `51.5`).
  public static func figures(_ x: Double) -> String {
    let short = Format.number(x)
    let digits = short.prefix { $0 != "e" }.filter(\.isNumber).drop { $0 == "0" }
    if digits.reversed().drop(while: { $0 == "0" }).count <= 3, let v = Double(short),
      abs(v - x) <= abs(x) * 1e-12
    {
      return short
    }
    let magnitude = abs(x)
    if magnitude >= 1000 && magnitude < 1e4 { return Format.fixed(x, 0) }
    if magnitude >= 0.001 && magnitude < 1000 {
      let decimals = max(0, 2 - Int(floor(log10(magnitude))))
      return Format.fixed(x, decimals)
    }
    var exponent = Int(floor(log10(magnitude)))
    var mantissa = Format.fixed(x / pow(10, Double(exponent)), 2)
    if mantissa.hasPrefix("10.") || mantissa.hasPrefix("-10.") {
      exponent += 1
      mantissa = Format.fixed(x / pow(10, Double(exponent)), 2)
    }
    return mantissa + "e\(exponent)"
  }

  /// `x` in full: the short equation form (`3.35e12`) when that is exact, otherwise as many
  /// significant figures as it takes (`2.039e12`, `1.3074e15`).
  public static func exact(_ x: Double) -> String {
    let short = Format.number(x)
    if let v = Double(short), abs(v - x) <= abs(x) * 1e-12 { return short }
    for digits in 4...15 {
      let s = scientific(x, digits)
      if let v = Double(s), abs(v - x) <= abs(x) * 1e-12 { return s }
    }
    return short
  }

  /// `x` as `2.118e18`: `digits` significant figures, trailing zeros trimmed.
  static func scientific(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite, x != 0 else { return Format.number(x) }
    var exponent = Int(floor(log10(abs(x))))
    var mantissa = Format.significant(x / pow(10, Double(exponent)), digits)
    if mantissa.hasPrefix("10") || mantissa.hasPrefix("-10") {
      exponent += 1
      mantissa = Format.significant(x / pow(10, Double(exponent)), digits)
    }
    return mantissa + "e\(exponent)"
  }
}

/// A recognised slip: the typed answer is the true answer times `factor`.
struct Slip: Sendable, Equatable {
  /// How near `factor` the ratio must be (the slip's own rounding, not the grade's 5%).
  static let tolerance = 0.02

  let factor: Double
  /// A unit mix-up (not graded; the field stays open) rather than an arithmetic slip.
  let isUnit: Bool
  let text: String
  /// For a unit mix-up: the typed value restated in the asked unit.
  let restated: (@Sendable (Double) -> String)?

  init(
    _ factor: Double, unit: Bool = false, _ text: String,
    convert: (@Sendable (Double) -> String)? = nil
  ) {
    self.factor = factor
    isUnit = unit
    self.text = text
    restated = convert
  }

  func message(_ value: Double) -> String {
    guard let restated else { return text }
    return text + ": " + restated(value) + "."
  }

  static func == (a: Slip, b: Slip) -> Bool {
    a.factor == b.factor && a.isUnit == b.isUnit && a.text == b.text
  }
}

/// How close a typed answer came.
public enum Grade: String, Sendable, Equatable {
  case correct, close, wrong

  public init(value: Double, answer: Double) {
    let error = abs(value - answer) / abs(answer)
    self = error <= 0.01 ? .correct : error <= 0.05 ? .close : .wrong
  }
}

/// A typed answer that could not be read as a number.
public struct AnswerError: Error, Equatable, Sendable {
  public let message: String
}

/// SplitMix64: a small deterministic generator for seeded exercise variants.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
