import TerminalUI
import Testing

/// Records a test issue when `canvas` differs from the stored snapshot `name` (see `Snapshot`).
/// The snapshot folder defaults to `Snapshots` beside the calling test file.
public func assertSnapshot(
  _ canvas: Canvas, named name: String, in directory: String? = nil,
  filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
  let dir = directory ?? Snapshot.directory(for: filePath)
  if let message = Snapshot.mismatch(canvas, named: name, in: dir) {
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
  }
}
