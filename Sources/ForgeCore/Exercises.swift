import Foundation

/// One of the seed's four check-yourself questions, with its numbers, answer and worked
/// solution (from the same equation traces as the dossier).
public struct Exercise: Sendable, Equatable {
  public enum Kind: String, CaseIterable, Sendable {
    case computeBudget, decodeCeiling, gpuHours, kvCache
  }

  public let kind: Kind
  public let question: String
  /// The answer in `unit` (FLOPs, tok/s, GPU-hours, GB).
  public let answer: Double
  public let unit: String
  /// The worked solution: the trace line, then its notes.
  public let trace: Trace

  public var solution: [String] { [trace.line] + trace.notes }

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
      return hours(
        compute: pow(10, Double(Int.random(in: 42...52, using: &rng)) / 2),
        mfu: [0.3, 0.35, 0.4, 0.45, 0.5].randomElement(using: &rng)!,
        gpu: GPU.catalog.randomElement(using: &rng)!)
    case .kvCache:
      return kv(
        layers: [32, 48, 61, 80, 96, 126].randomElement(using: &rng)!,
        kvHeads: [4, 8, 16].randomElement(using: &rng)!,
        context: Decision.contexts.randomElement(using: &rng)!)
    }
  }

  /// Grades a typed answer: correct within 1%, close within 5%, otherwise wrong; unreadable
  /// input is a gentle parse error.
  public func grade(_ typed: String) -> Result<Grade, AnswerError> {
    Answer.parse(typed).map { Grade(value: $0, answer: answer) }
  }

  static func compute(params n: Double, tokens d: Double) -> Exercise {
    Exercise(
      kind: .computeBudget,
      question: "A dense model of \(Format.params(n)) parameters trains on "
        + "\(Format.tokens(d)) tokens. What is its training compute C in FLOPs (C = 6ND)?",
      answer: ScalingLaw.trainingCompute(params: n, tokens: d), unit: "FLOPs",
      trace: Equations.trainingCompute(params: n, tokens: d))
  }

  static func decode(params n: Double, precision: Precision, gpu: GPU) -> Exercise {
    Exercise(
      kind: .decodeCeiling,
      question: "A \(Format.params(n)) dense model is served in \(precision.label) on one "
        + "\(gpu.name) (\(Format.number(gpu.bandwidth)) B/s). What is its single-stream decode "
        + "ceiling in tok/s (EQ 7.1)?",
      answer: Serving.decodeCeiling(
        bandwidth: gpu.bandwidth, activeParams: n, bytes: precision.bytes),
      unit: "tok/s", trace: Equations.decodeCeiling(activeParams: n, precision: precision, gpu: gpu)
    )
  }

  static func hours(compute c: Double, mfu: Double, gpu: GPU) -> Exercise {
    Exercise(
      kind: .gpuHours,
      question: "Training takes \(Format.flops(c)) FLOPs on \(gpu.name)s peaking at "
        + "\(Format.number(gpu.peakFLOPs)) FLOP/s, run at \(Format.number(mfu * 100))% MFU. "
        + "How many \(gpu.name)-hours is that?",
      answer: Metrics.gpuHours(compute: c, mfu: mfu, peak: gpu.peakFLOPs), unit: "GPU-hours",
      trace: Equations.gpuHours(compute: c, mfu: mfu, gpu: gpu))
  }

  static func kv(layers: Int, kvHeads: Int, context: Int) -> Exercise {
    let shape = Shape(layers: layers, dModel: 0, kvHeads: kvHeads)
    return Exercise(
      kind: .kvCache,
      question: "A \(layers)-layer model with GQA-\(kvHeads) (head dim 128, 16-bit KV) serves one "
        + "user at \(Format.context(context)) context. How many GB of KV cache (EQ 3.5)?",
      answer: shape.kvBytes(context: context) / 1e9, unit: "GB",
      trace: Equations.kvPerUser(shape: shape, context: context))
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

/// Reads answers: `240000000000000000000000`, `2.4e23`, `51.5 GB`, `33.5 tok/s`, `6.24e6`,
/// `6.24M`, `1,000`.
public enum Answer {
  static let scales: [Character: Double] = ["k": 1e3, "m": 1e6, "b": 1e9, "g": 1e9, "t": 1e12]
  static let units = [
    "", "flops", "flop", "tok/s", "tokens/s", "gb", "hours", "hour", "h", "gpu-hours",
  ]

  public static func parse(_ typed: String) -> Result<Double, AnswerError> {
    let text = typed.trimmingCharacters(in: .whitespaces).lowercased()
    guard !text.isEmpty else { return .failure(AnswerError(message: "Type a number first.")) }
    let numeric = text.prefix { "0123456789.e+-,_".contains($0) }
    var rest = Substring(text.dropFirst(numeric.count)).drop { $0 == " " }
    guard let number = Double(numeric.filter { $0 != "," && $0 != "_" }), number.isFinite else {
      return .failure(
        AnswerError(message: "That doesn't read as a number; try 2.4e23, 51.5 GB or 6.24M."))
    }
    var value = number
    if let first = rest.first, let scale = scales[first],
      rest.dropFirst().first.map({ !$0.isLetter }) ?? true
    {
      value *= scale
      rest = rest.dropFirst().drop { $0 == " " }
    }
    let unit = rest.replacingOccurrences(of: " ", with: "-")
    guard units.contains(unit) || unit.hasSuffix("-hours") else {
      return .failure(AnswerError(message: "Unknown unit '\(rest)'; a plain number works too."))
    }
    return .success(value)
  }
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
