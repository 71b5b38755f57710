import Testing

@testable import ForgeCore

@Suite struct ExerciseTests {
  private func grade(_ kind: Exercise.Kind, _ typed: String) -> Grade? {
    try? Exercise.seed(kind).grade(typed).get()
  }

  @Test func seedAnswers() {
    #expect(Format.flops(Exercise.seed(.computeBudget).answer) == "2.4e23")
    #expect(Format.significant(Exercise.seed(.decodeCeiling).answer, 3) == "33.5")
    #expect(Format.number(Exercise.seed(.gpuHours).answer) == "6.24e6")
    #expect(Format.significant(Exercise.seed(.kvCache).answer, 3) == "51.5")
  }

  @Test func acceptedAnswerForms() {
    #expect(grade(.computeBudget, "2.4e23") == .correct)
    #expect(grade(.computeBudget, "240000000000000000000000") == .correct)
    #expect(grade(.computeBudget, "2.4e23 FLOPs") == .correct)
    #expect(grade(.computeBudget, "3e23") == .wrong)
    #expect(grade(.computeBudget, "2.5e23") == .close)
    #expect(grade(.decodeCeiling, "33.5 tok/s") == .correct)
    #expect(grade(.gpuHours, "6.24e6") == .correct)
    #expect(grade(.gpuHours, "6.24M") == .correct)
    #expect(grade(.gpuHours, "6.24 M H100-hours") == .correct)
    #expect(grade(.kvCache, "51.5 GB") == .correct)
    #expect(grade(.kvCache, "51.5") == .correct)
  }

  @Test func newFormsOnTheSeedCards() {
    #expect(grade(.computeBudget, "2.4×10^23") == .correct)
    #expect(grade(.computeBudget, "2.4*10^23") == .correct)
    #expect(grade(.computeBudget, "2,4e23") == .correct)
    #expect(grade(.kvCache, "0.0515 TB") == .correct)
    #expect(grade(.kvCache, "48 GiB") == .correct)
    #expect(grade(.kvCache, "5.15e10 bytes") == .correct)
    #expect(grade(.kvCache, "51,5") == .correct)
    #expect(grade(.gpuHours, "6.24e6 H100-h") == .correct)
    #expect(grade(.gpuHours, "6,240,000 H100-hours") == .correct)
  }

  private func said(_ kind: Exercise.Kind, _ typed: String) -> String? {
    switch Exercise.seed(kind).check(typed) {
    case .failure(let e): return e.message
    case .success(let c): return c.note
    }
  }

  /// Unit mix-ups say so (and are not graded); arithmetic slips are graded wrong with a
  /// remark; neither gets "about 1e9 times too high".
  @Test func mixUpsAreNamedNotScolded() {
    #expect(
      said(.kvCache, "5.15e10")
        == "That looks like bytes; the question asks for GB: 5.15e10 bytes is 51.5 GB.")
    #expect(said(.kvCache, "51500")?.hasPrefix("That looks like MB") == true)
    #expect(said(.kvCache, "0.0515")?.hasPrefix("That looks like TB") == true)
    #expect(said(.kvCache, "48")?.hasPrefix("That looks like GiB") == true)
    #expect(said(.kvCache, "5.15e10 GB")?.hasPrefix("That looks like bytes") == true)
    #expect(said(.gpuHours, "2.25e10")?.contains("GPU-seconds") == true)
    #expect(said(.gpuHours, "2.6e5")?.contains("GPU-days") == true)
    #expect(said(.gpuHours, "8.68e4 B200-hours")?.contains("asks for H100-hours") == true)
    #expect(said(.decodeCeiling, "0.0299")?.contains("seconds per token") == true)
    for (kind, typed) in [(Exercise.Kind.kvCache, "5.15e10"), (.gpuHours, "2.25e10")] {
      if case .success = Exercise.seed(kind).check(typed) { Issue.record("graded \(typed)") }
    }
    let forward = Exercise.seed(.computeBudget).check("8e22")
    #expect((try? forward.get())?.grade == .wrong)
    #expect((try? forward.get())?.note?.contains("2·N·D") == true)
    #expect(said(.kvCache, "25.8")?.contains("half") == true)
    #expect(said(.gpuHours, "2.81e6")?.contains("MFU") == true)
  }

  /// The hint shows accepted forms with numbers that are not the answers.
  @Test(arguments: Exercise.Kind.allCases) func theHintAnswersNothing(_ kind: Exercise.Kind) {
    let e = Exercise.seed(kind)
    let seedAnswers = ["2.4e23", "33.5", "6.24e6", "6.24M", "51.5"]
    for example in e.examples {
      #expect(!seedAnswers.contains { example.contains($0) }, "\(example)")
      #expect((try? e.grade(example).get()) == .wrong, "\(example)")
    }
    #expect(e.examples.contains { $0.contains("×10^") || $0.contains(",") })
  }

  @Test func questionsUseTheRightArticle() {
    #expect(Exercise.kv(layers: 80, kvHeads: 8, context: 2048).question.hasPrefix("An 80-layer"))
    #expect(Exercise.kv(layers: 96, kvHeads: 8, context: 2048).question.hasPrefix("A 96-layer"))
    #expect(
      Exercise.decode(params: 8e9, precision: .fp8, gpu: .h100).question.hasPrefix("An 8.0 B"))
    #expect(
      Exercise.decode(params: 13e9, precision: .fp8, gpu: .h100).question.hasPrefix("A 13.0 B"))
  }

  @Test func workedAnswersKeepThreeFigures() {
    #expect(Exercise.figures(1.02e24) == "1.02e24")
    #expect(Exercise.figures(0.256) == "0.256")
    #expect(Exercise.figures(0.2563) == "0.256")
    #expect(Exercise.figures(3.402e24) == "3.40e24")
    #expect(Exercise.figures(29.985) == "30.0")
    #expect(Exercise.figures(86_790) == "8.68e4")
    #expect(Exercise.figures(1649.27) == "1649")
    #expect(Exercise.figures(2.4e23) == "2.4e23")
    #expect(Exercise.figures(9.996e5) == "1.00e6")
    #expect(Exercise.exact(2.039e12) == "2.039e12")
    #expect(Exercise.exact(1307.4e12) == "1.3074e15")
    #expect(Exercise.exact(3.35e12) == "3.35e12")
  }

  @Test(arguments: ["", "   ", "lots", "nan", "inf", "-", "12 apples", "0x1p80"])
  func badAnswersGetAGentleMessage(_ typed: String) {
    let result = Exercise.seed(.kvCache).grade(typed)
    if case .failure(let error) = result {
      #expect(!error.message.isEmpty)
    } else {
      Issue.record("accepted '\(typed)'")
    }
  }

  @Test func solutionsComeFromTheDossierTraces() {
    #expect(
      Exercise.seed(.kvCache).trace == Dossier(.seedDefault)["kv_per_user"]?.trace.withoutNotes)
    #expect(Exercise.seed(.computeBudget).solution[0].contains("6·2e10·2e12 = 2.4e23 FLOPs"))
    #expect(Exercise.seed(.decodeCeiling).solution[0].hasSuffix("= 33.5 tok/s (EQ 7.1)"))
  }

  @Test(arguments: Exercise.Kind.allCases) func anotherOneIsSeededAndSelfConsistent(
    _ kind: Exercise.Kind
  ) {
    #expect(Exercise.another(kind, seed: 7) == Exercise.another(kind, seed: 7))
    let variants = (0..<20).map { Exercise.another(kind, seed: UInt64($0)) }
    #expect(Set(variants.map(\.question)).count > 1)
    for e in variants {
      #expect(e.answer.isFinite && e.answer > 0)
      #expect((try? e.grade(Format.number(e.answer)).get()) == .correct)
      #expect((try? e.grade(Format.number(e.answer * 1.25)).get()) == .wrong)
    }
  }
}

extension Trace {
  /// The trace as `Equations` builds it, before the dossier adds its own notes.
  fileprivate var withoutNotes: Trace {
    var t = self
    t.notes = Array(t.notes.prefix(1))
    return t
  }
}
