#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A whole file mapped read-only into memory (`mmap`), unmapped when the value goes away.
/// The bytes are the kernel's page cache: opening a 440 MB checkpoint costs address space,
/// not a second copy.
final class MappedFile: @unchecked Sendable {
  let bytes: UnsafeRawBufferPointer

  /// Maps `path`; errors are `ModelError`s naming `file` and the problem in one line.
  init(path: String, file: String) throws(ModelError) {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw ModelError(file: file, problem: "cannot be read (\(Self.reason(errno)))")
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      throw ModelError(file: file, problem: "cannot be read (\(Self.reason(errno)))")
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw ModelError(file: file, problem: "is a directory, not a file")
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw ModelError(file: file, problem: "is not a regular file")
    }
    let size = Int(info.st_size)
    guard size > 0 else {
      bytes = UnsafeRawBufferPointer(start: nil, count: 0)
      return
    }
    let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
    guard let address, address != MAP_FAILED else {
      throw ModelError(file: file, problem: "cannot be mapped (\(Self.reason(errno)))")
    }
    bytes = UnsafeRawBufferPointer(start: address, count: size)
  }

  deinit {
    if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
  }

  private static func reason(_ code: Int32) -> String {
    String(cString: strerror(code)).lowercased()
  }
}
