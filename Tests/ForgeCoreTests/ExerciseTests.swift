import ForgeCore
import Testing

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

  @Test(arguments: ["", "   ", "lots", "nan", "inf", "-", "12 apples"])
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
