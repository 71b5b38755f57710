#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The one way the commands report a problem: a single line on standard error, written
/// straight to the file descriptor (unbuffered, so it lands before any exit).
enum Stderr {
  static func line(_ text: String) {
    let bytes = Array((text + "\n").utf8)
    _ = bytes.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count) }
  }
}
