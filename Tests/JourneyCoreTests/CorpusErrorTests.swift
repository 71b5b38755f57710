import Foundation
import Testing

@testable import JourneyCore

/// Every way a `--corpus FILE` can be unusable gets one line naming the file and the problem.
@Suite struct CorpusErrorTests {
  let directory: URL = {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("journey-corpus-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }()

  func file(_ name: String, _ bytes: [UInt8]) -> String {
    let url = directory.appendingPathComponent(name)
    #expect(FileManager.default.createFile(atPath: url.path, contents: Data(bytes)))
    return url.path
  }

  func problem(_ path: String) -> ModelError? {
    do {
      _ = try CorpusLoader.model(at: path)
      return nil
    } catch {
      return error
    }
  }

  func expectRefusal(_ path: String, mentions words: String) {
    let error = problem(path)
    #expect(error?.file == path)
    #expect(error?.problem.contains(words) == true, "\(String(describing: error))")
    #expect(error.map { !"\($0)".contains("\n") && "\($0)".hasPrefix(path) } == true)
  }

  @Test func missingFile() {
    expectRefusal(directory.appendingPathComponent("nope").path, mentions: "no such file")
  }

  @Test func directoryIsNotAFile() { expectRefusal(directory.path, mentions: "directory") }

  @Test func emptyFile() { expectRefusal(file("empty.txt", []), mentions: "empty") }

  @Test func nulBytesMeanBinary() {
    expectRefusal(file("nul.txt", Array("the cat.".utf8) + [0] + Array("x".utf8)), mentions: "NUL")
  }

  @Test func invalidUTF8MeansBinary() {
    expectRefusal(file("latin1.txt", Array("caf".utf8) + [0xE9, 0x2E]), mentions: "UTF-8")
  }

  @Test func whitespaceOnlyHasNoTokens() {
    expectRefusal(file("blank.txt", Array(" \n\t\n".utf8)), mentions: "no tokens")
  }

  @Test func noPeriodMeansNoSentences() {
    expectRefusal(
      file("run-on.txt", Array("the cat sat on the mat".utf8)), mentions: "no sentences")
  }

  @Test func overFiftyMegabytesIsRefusedBeforeReading() throws {
    let path = directory.appendingPathComponent("huge.txt").path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    try handle.truncate(atOffset: UInt64(CorpusLoader.byteLimit + 1))  // sparse: no disk used
    try handle.close()
    expectRefusal(path, mentions: "limited to")
  }

  @Test func unreadableFile() throws {
    let path = file("secret.txt", Array("the cat.".utf8))
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
    // Root reads anything; the refusal can only be observed as another user.
    guard !FileManager.default.isReadableFile(atPath: path) else { return }
    expectRefusal(path, mentions: "cannot be read")
  }

  @Test func aGoodFileLoads() throws {
    let model = try CorpusLoader.model(at: file("ok.txt", Array("The cat sat. The dog ran.".utf8)))
    #expect(model.name == "ok.txt")
    #expect(model.vocabulary.tokens == ["the", "cat", "sat", ".", "dog", "ran"])
  }
}
