import Foundation
import SnapshotSupport
import TerminalUI
import Testing

struct SnapshotSupportTests {
  func tempDir() -> String {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("snap-\(UUID().uuidString)").path
    return dir
  }

  func canvas(_ text: String) -> Canvas {
    var c = Canvas(size: Size(width: 6, height: 1))
    c.put(text, x: 0, y: 0)
    return c
  }

  @Test func recordsOnlyOnRequestThenMatches() throws {
    let dir = tempDir()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let record = ["SNAPSHOT_RECORD": "1"]
    #expect(Snapshot.mismatch(canvas("abc"), named: "t", in: dir, environment: record) == nil)
    let stored = try String(contentsOfFile: dir + "/t.txt", encoding: .utf8)
    #expect(stored == canvas("abc").snapshot())
    #expect(Snapshot.mismatch(canvas("abc"), named: "t", in: dir, environment: [:]) == nil)
  }

  /// A missing file fails with or without CI: a snapshot never passes by recording itself.
  @Test(arguments: [[:], ["CI": "true"]])
  func missingFailsAndRecordsNothing(environment: [String: String]) {
    let dir = tempDir()
    let message = Snapshot.mismatch(canvas("abc"), named: "t", in: dir, environment: environment)
    #expect(message?.hasPrefix("missing snapshot") == true)
    #expect(!FileManager.default.fileExists(atPath: dir + "/t.txt"))
  }

  @Test func mismatchShowsDiffAndRecordOverwrites() throws {
    let dir = tempDir()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    _ = Snapshot.mismatch(canvas("abc"), named: "t", in: dir, environment: ["SNAPSHOT_RECORD": "1"])
    let message = try #require(
      Snapshot.mismatch(canvas("abd"), named: "t", in: dir, environment: ["CI": "true"]))
    #expect(message.contains("   2 - |abc   |"))
    #expect(message.contains("   2 + |abd   |"))
    #expect(!message.contains("size 6x1"))
    let env = ["SNAPSHOT_RECORD": "1", "CI": "true"]
    #expect(Snapshot.mismatch(canvas("abd"), named: "t", in: dir, environment: env) == nil)
    #expect(Snapshot.mismatch(canvas("abd"), named: "t", in: dir, environment: [:]) == nil)
  }

  @Test func badNamesAreRefused() {
    for name in ["", "a/b", ".hidden"] {
      let message = Snapshot.mismatch(canvas("a"), named: name, in: tempDir(), environment: [:])
      #expect(message?.contains("snapshot name") == true)
    }
  }

  @Test func diffListsOnlyChangedLinesIncludingExtraOnes() {
    #expect(Snapshot.diff(expected: "a\nb", actual: "a\nc\nd") == "   2 - b\n   2 + c\n   3 + d")
  }

  @Test func directoryIsBesideTheTestFile() {
    #expect(Snapshot.directory(for: "/x/y/Tests.swift") == "/x/y/Snapshots")
  }
}
