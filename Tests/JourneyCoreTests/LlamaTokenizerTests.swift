import Foundation
import Testing

@testable import JourneyCore

/// llama2.c's encoder and decoder on a hand-made vocabulary (the rules one at a time) and on
/// the real tok512.bin (round trips).
@Suite struct LlamaTokenizerTests {
  /// <unk>, BOS, EOS, the 256 byte pieces, then a few merges with their scores.
  static func handMade(_ extra: [(String, Float)]) -> LlamaTokenizer {
    var pieces: [[UInt8]] = [Array("<unk>".utf8), Array("\n<s>\n".utf8), Array("\n</s>\n".utf8)]
    pieces += (0..<256).map { Array(String(format: "<0x%02X>", $0).utf8) }
    var scores = [Float](repeating: 0, count: pieces.count)
    for (piece, score) in extra {
      pieces.append(Array(piece.utf8))
      scores.append(score)
    }
    return LlamaTokenizer(pieces: pieces, scores: scores, maxTokenLength: 8)
  }

  static let small = handMade([
    (" ", -1), ("a", -1), ("b", -1), ("c", -1), ("ab", -3), ("bc", -2), (" a", -4), ("é", -1),
    ("abc", -5), (" abc", -6),
  ])

  func id(_ piece: String) -> Int { Self.small.id(of: Array(piece.utf8))! }

  @Test func emptyTextIsBOSAlone() {
    #expect(Self.small.encode("") == [LlamaTokenizer.bos])
    #expect(Self.small.encode("", bos: false) == [])
  }

  @Test func nonEmptyTextGetsTheDummySpaceThenMerges() {
    // " ", a, b, c: bc (−2) beats ab (−3) and " a" (−4); then " a"+"bc" is not a piece,
    // " "+"a" is (−4): " a", "bc" — and " a"+"bc" = " abc" (−6) merges last.
    let abc: [Int] = [1, id(" abc")]
    // " ", a, b: "ab" (−3) beats " a" (−4), and " "+"ab" is no piece.
    let ab: [Int] = [1, id(" "), id("ab")]
    #expect(Self.small.encode("abc") == abc)
    #expect(Self.small.encode("ab") == ab)
  }

  @Test func theBestScoreMergesFirstAndTheLeftmostWinsTies() {
    // "cbcbc": c b c b c → bc at 1 and at 3 tie (−2): the leftmost merges first.
    let expected: [Int] = [id(" "), id("c"), id("bc"), id("bc")]
    #expect(Self.small.encode("cbcbc", bos: false) == expected)
  }

  @Test func unknownCodePointsFallBackToTheirBytesPlusThree() {
    // ☕ is E2 98 95, not a piece: three byte tokens 0xE2+3, 0x98+3, 0x95+3. é is a piece.
    let expected: [Int] = [id(" "), id("é"), 0xE2 + 3, 0x98 + 3, 0x95 + 3]
    #expect(Self.small.encode("é☕", bos: false) == expected)
  }

  @Test func strayContinuationBytesAndOverlongRunsStayBytes() {
    // A lone continuation byte, then a lead byte with five continuations (cut after four).
    let bytes: [UInt8] = [0x80, 0x61, 0xF0, 0x9F, 0x98, 0x80, 0x80, 0x80]
    let ids = Self.small.encode(bytes: bytes, bos: false)
    let space: Int = id(" ")
    let a: Int = id("a")
    let high: [Int] = [0xF0, 0x9F, 0x98, 0x80, 0x80, 0x80].map { $0 + 3 }
    let expected: [Int] = [space, 0x80 + 3, a] + high
    #expect(ids == expected)
  }

  @Test func decodingDropsTheSpaceAfterBOSAndTurnsBytePiecesRaw() {
    let t = Self.small
    #expect(t.decode(previous: 1, token: id(" abc")) == Array("abc".utf8))
    #expect(t.decode(previous: id("a"), token: id(" abc")) == Array(" abc".utf8))
    #expect(t.decode(previous: id("a"), token: 0x0A + 3) == [0x0A])
    #expect(t.decode(previous: id("a"), token: 0xE2 + 3) == [0xE2])
  }

  @Test func onlyPrintableSingleBytesArePrintedAsRunCDoes() {
    #expect(LlamaTokenizer.printable([0x0A]) == [0x0A])
    #expect(LlamaTokenizer.printable([0x41]) == [0x41])
    #expect(LlamaTokenizer.printable([0x07]) == [])
    #expect(LlamaTokenizer.printable([0xE2]) == [])
    #expect(LlamaTokenizer.printable([0x00]) == [])
    #expect(LlamaTokenizer.printable([]) == [])
    #expect(LlamaTokenizer.printable(Array("é".utf8)) == Array("é".utf8)[...])
    // run.c prints a byte-fallback emoji as nothing: each of its bytes is a lone high byte.
    let t = Self.small
    let ids = t.encode("a☕")
    #expect(t.text(ids.dropFirst()) == Array("a".utf8))
  }

  @Test func rawBytePiecesReadLikeSscanf() {
    #expect(LlamaTokenizer.rawByte(Array("<0x0A>".utf8)[...]) == 0x0A)
    #expect(LlamaTokenizer.rawByte(Array("<0xff>".utf8)[...]) == 0xFF)
    #expect(LlamaTokenizer.rawByte(Array("<0x>".utf8)[...]) == nil)
    #expect(LlamaTokenizer.rawByte(Array("<unk>".utf8)[...]) == nil)
  }

  // MARK: the real vocabulary

  @Test(
    .enabled(if: LlamaFixtures.shouldRun("LlamaTokenizerTests.realVocabulary")),
    arguments: [
      "Once upon a time", "Tom said: \"Hello, world!\" 123", "café, naïve, Zoë, Ærø",
      "emoji 😀🦄☕", "tabs\tand\nnewlines", "日本語", "   leading spaces",
    ])
  func realVocabularyRoundTrips(text: String) throws {
    let t = try LlamaTokenizer.load(path: LlamaFixtures.tokenizer)
    let ids = t.encode(text)
    #expect(ids.first == LlamaTokenizer.bos)
    #expect(ids.allSatisfy { (0..<512).contains($0) })
    var bytes: [UInt8] = []
    var previous = LlamaTokenizer.bos
    for id in ids.dropFirst() {
      bytes += t.decode(previous: previous, token: id)
      previous = id
    }
    #expect(String(decoding: bytes, as: UTF8.self) == text)
  }

  @Test(.enabled(if: LlamaFixtures.shouldRun("LlamaTokenizerTests.realPieces")))
  func realVocabularyKnowsItsPieces() throws {
    let t = try LlamaTokenizer.load(path: LlamaFixtures.tokenizer)
    #expect(t.count == 512)
    let ids = t.encode("Once upon a time")
    #expect(ids.count == 5)
    #expect(ids.map(t.label) == ["\n<s>\n", " Once", " upon", " a", " time"])
    // Bytes no piece spells fall back: ☕ becomes three byte pieces.
    let coffee: [Int] = [0xE2 + 3, 0x98 + 3, 0x95 + 3]
    #expect(Array(t.encode("☕", bos: false).suffix(3)) == coffee)
  }
}

/// What the Journey screen shows of pieces, and where a llama2.c model's AUTO stops.
@Suite struct LlamaPieceTests {
  static let t = LlamaTokenizerTests.handMade([
    (" ", 0), (" upon", 0), (".", 0), (" end.\n", 0), ("a\tb", 0), ("!", 0), ("x", 0),
  ])

  func id(_ piece: String) -> Int { Self.t.id(of: Array(piece.utf8))! }

  @Test func piecesShowTheirLeadingSpaceAndNoControlCharacters() {
    #expect(Self.t.displayLabel(id(" upon")) == "▁upon")
    #expect(Self.t.displayLabel(1) == "<s>")
    #expect(Self.t.displayLabel(2) == "</s>")
    #expect(Self.t.displayLabel(id("a\tb")) == "a<0x09>b")
    #expect(Self.t.displayLabel(0x0A + 3) == "<0x0A>")
  }

  @Test func sentencesEndAtStopsAndTextEndsAtBOSOrEOS() {
    #expect(Self.t.endsSentence(id(".")))
    #expect(Self.t.endsSentence(id(" end.\n")))
    #expect(Self.t.endsSentence(id("!")))
    #expect(!Self.t.endsSentence(id("x")))
    #expect(!Self.t.endsSentence(id(" upon")))
    #expect(Self.t.endsSentence(LlamaTokenizer.bos))
    #expect(Self.t.endsSentence(LlamaTokenizer.eos))
  }

  @Test func theCatalogOffersTheCheckpointTheEnvironmentNames() {
    #expect(ModelCatalog.fromEnvironment([:]).isEmpty)
    #expect(ModelCatalog.fromEnvironment([ModelCatalog.checkpointVariable: "/m/x.bin"]).isEmpty)
    let entries = ModelCatalog.fromEnvironment([
      ModelCatalog.checkpointVariable: "/models/stories15M.bin",
      ModelCatalog.tokenizerVariable: "/models/tokenizer.bin",
    ])
    #expect(entries.map(\.name) == ["stories15M"])
    #expect(throws: ModelError.self) { try entries[0].load() }
  }
}

@Suite(.enabled(if: LlamaFixtures.shouldRun("LlamaStepMachineTests")))
struct LlamaStepMachineTests {
  @Test func theJourneyEngineReadsDecodedTextAndStopsAtAPeriod() throws {
    let model = try LlamaFixtures.model()
    let tokenizer = try #require(model.subwordTokenizer)
    var machine = StepMachine(
      model: model, prompt: tokenizer.encode("Once upon a time"),
      settings: SamplerSettings(temperature: 0))
    let added = machine.auto(limit: 40)
    // Greedy: ", there was a little girl named Lily." — 11 pieces, the last a period.
    #expect(added.count == 11)
    #expect(machine.endsSentence)
    guard case .text(let text) = machine.data(for: .text) else {
      Issue.record("no text stage")
      return
    }
    #expect(text == "Once upon a time, there was a little girl named Lily.")
    #expect(model.kvHeadCount == 4)
  }
}
