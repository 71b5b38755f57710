import Foundation
import TerminalUI

/// Snapshot files: a canvas's `snapshot()` text kept in `Snapshots/<name>.txt` next to the test
/// file. `SNAPSHOT_RECORD=1` records and re-records; otherwise a missing file is a failure,
/// so a snapshot never passes by recording itself.
public enum Snapshot {
  /// The `Snapshots` folder beside the calling test file.
  public static func directory(for filePath: String) -> String {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
      .path
  }

  /// Compares `canvas` with the stored snapshot `name`. Returns nil when they match (or when
  /// `SNAPSHOT_RECORD=1` just recorded it), otherwise a readable message with a line diff.
  public static func mismatch(
    _ canvas: Canvas, named name: String, in directory: String,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String? {
    guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
      return "snapshot name '\(name)' must be non-empty, without '/' and not start with '.'"
    }
    let path = directory + "/" + name + ".txt"
    let actual = canvas.snapshot()
    let record = environment["SNAPSHOT_RECORD"] == "1"
    let stored = try? String(contentsOfFile: path, encoding: .utf8)
    if record {
      do {
        try FileManager.default.createDirectory(
          atPath: directory, withIntermediateDirectories: true)
        try actual.write(toFile: path, atomically: true, encoding: .utf8)
      } catch {
        return "could not record snapshot \(path): \(error.localizedDescription)"
      }
      print("recorded snapshot \(path)")
      return nil
    }
    guard let stored else {
      return "missing snapshot \(path) (record it with SNAPSHOT_RECORD=1 swift test)"
    }
    if stored == actual { return nil }
    return "snapshot \(name) differs from \(path) (re-record with SNAPSHOT_RECORD=1):\n"
      + diff(expected: stored, actual: actual)
  }

  /// The differing lines, numbered: `-` the stored line, `+` the new one.
  public static func diff(expected: String, actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(old.count, new.count) {
      let a = i < old.count ? String(old[i]) : nil
      let b = i < new.count ? String(new[i]) : nil
      if a == b { continue }
      let n = String(i + 1).leftPadded(to: 4)
      if let a { out.append("\(n) - \(a)") }
      if let b { out.append("\(n) + \(b)") }
    }
    return out.joined(separator: "\n")
  }
}
