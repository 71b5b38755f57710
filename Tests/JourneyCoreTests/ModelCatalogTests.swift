import Testing

@testable import JourneyCore

@Suite struct ModelCatalogTests {
  @Test func unknownNamesAreRefusedWithTheChoices() {
    #expect {
      _ = try ModelCatalog().load("gpt-5")
    } throws: { error in
      "\(error)" == "gpt-5: unknown model; choose seed-toy, corpus, tiny-gpt or a corpus file path"
    }
  }

  @Test func pathsGoThroughTheCorpusRules() {
    #expect(throws: ModelError(file: "/no/such/corpus.txt", problem: "no such file")) {
      _ = try ModelCatalog().load("/no/such/corpus.txt")
    }
  }

  @Test func registeredModelsJoinTheCatalog() throws {
    var catalog = ModelCatalog()
    catalog.register(
      ModelCatalog.Entry(name: "tiny-gpt", summary: "stand-in") {
        BigramModel(counting: ["x", "."], name: "tiny-gpt", summary: "stand-in")
      })
    #expect(catalog.names == ["seed-toy", "corpus", "tiny-gpt"])
    #expect(try catalog.load("tiny-gpt").name == "tiny-gpt")
  }
}
