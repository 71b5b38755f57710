import ForgeCore
import Foundation
import Testing

/// 3,000 dealt questions (750 per card): what the card shows is what it grades.
@Suite struct ExerciseVariantTests {
  static let variants: [Exercise] = Exercise.Kind.allCases.flatMap { kind in
    (1...750).map { Exercise.another(kind, seed: UInt64($0)) }
  }

  @Test func thereAreThreeThousand() {
    #expect(Self.variants.count == 3000)
    #expect(Set(Self.variants.map(\.question)).count > 500)
  }

  /// The worked answer, typed exactly as the solution prints it, is graded correct.
  @Test func theWorkedAnswerTypedAsShownIsCorrect() {
    var failures: [String] = []
    for e in Self.variants + Exercise.Kind.allCases.map(Exercise.seed) {
      let typed = e.workedAnswer
      switch e.check(typed) {
      case .success(let c) where c.grade == .correct: continue
      case .success(let c): failures.append("\(e.question) '\(typed)': \(c.grade)")
      case .failure(let err): failures.append("\(e.question) '\(typed)': \(err.message)")
      }
    }
    #expect(failures.isEmpty, "\(failures.count) failed, e.g. \(failures.prefix(3))")
  }

  /// Three significant figures in the answer's own unit: within 0.5% and not another unit.
  @Test func theWorkedAnswerHasThreeFiguresInTheAskedUnit() {
    for e in Self.variants {
      #expect(e.workedAnswer.hasSuffix(" " + e.unit), "\(e.workedAnswer) for \(e.unit)")
      let number = String(e.workedAnswer.dropLast(e.unit.count + 1))
      let v = try? Answer.parse(number, as: e.quantity).get()
      #expect(v.map { abs($0 - e.answer) / e.answer <= 0.005 } == true, "\(e.workedAnswer)")
      let digits = number.split(separator: "e")[0].filter(\.isNumber).drop { $0 == "0" }
      #expect(
        digits.count >= 3 || Double(number).map { abs($0 - e.answer) <= e.answer * 1e-12 } == true,
        "\(e.workedAnswer) vs \(e.answer)")
    }
  }

  /// The numbers the question prints recompute the graded answer (independently of the
  /// app's own equations), so a correct calculation from the card is graded correct.
  @Test func theQuestionsNumbersAreTheNumbersGradedAgainst() throws {
    for e in Self.variants + Exercise.Kind.allCases.map(Exercise.seed) {
      let recomputed = try #require(Self.recompute(e), "could not read \(e.question)")
      #expect(
        abs(recomputed - e.answer) <= e.answer * 1e-9, "\(e.question): \(recomputed) vs \(e.answer)"
      )
    }
  }

  /// The hint's example numbers read as answers but answer nothing on their card.
  @Test func theHintsExamplesAnswerNothing() {
    for e in Self.variants + Exercise.Kind.allCases.map(Exercise.seed) {
      #expect(e.examples.count >= 3)
      for typed in e.examples {
        let c = try? e.check(typed).get()
        #expect(c?.grade == .wrong && c?.note == nil, "'\(typed)' on \(e.question)")
      }
    }
  }

  @Test func theKVSolutionShowsBytesPerToken() {
    let seed = Exercise.seed(.kvCache)
    #expect(seed.steps.first?.contains("2·96·8·128·2 = 393,216 bytes per token") == true)
    #expect(seed.steps.last == "5.15e10 bytes")
    for e in Self.variants where e.kind == .kvCache {
      #expect(e.steps.first?.contains("bytes per token") == true)
    }
  }

  // MARK: Reading the question back

  static func recompute(_ e: Exercise) -> Double? {
    let q = e.question
    switch e.kind {
    case .computeBudget:
      guard let n = between(q, "of ", " parameters").flatMap(Answer.value),
        let d = between(q, "trains on ", " tokens").flatMap(Answer.value)
      else { return nil }
      return 6 * n * d
    case .decodeCeiling:
      guard let n = between(q, " ", " dense").flatMap(Answer.value),
        let bw = between(q, "(", " B/s)").flatMap(Answer.value)
      else { return nil }
      let bytes =
        q.contains(" BF16 ") ? 2.0 : q.contains(" FP8 ") ? 1.0 : q.contains(" FP4 ") ? 0.5 : 0
      return bw / (n * bytes)
    case .gpuHours:
      guard let c = between(q, "takes ", " FLOPs").flatMap(Answer.value),
        let peak = between(q, "peaking at ", " FLOP/s").flatMap(Answer.value),
        let mfu = between(q, "run at ", "% MFU").flatMap(Answer.value)
      else { return nil }
      return c / (mfu / 100 * peak * 3600)
    case .kvCache:
      guard let layers = between(q, " ", "-layer").flatMap(Double.init),
        let heads = between(q, "GQA-", " (").flatMap(Double.init),
        let ctx = between(q, "user at ", " context")
      else { return nil }
      let scale = ctx.hasSuffix("M") ? 1_048_576.0 : ctx.hasSuffix("K") ? 1024 : 1
      guard let t = Double(ctx.filter(\.isNumber)) else { return nil }
      return 2 * layers * heads * 128 * t * scale * 2 / 1e9
    }
  }

  static func between(_ s: String, _ a: String, _ b: String) -> String? {
    guard let r = s.range(of: a), let end = s.range(of: b, range: r.upperBound..<s.endIndex)
    else { return nil }
    return String(s[r.upperBound..<end.lowerBound])
  }
}
