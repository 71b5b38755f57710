import Foundation

/// The tensors of a tiny GPT weight file, checked against its manifest.
///
/// File layout (all little-endian): the 4 bytes "TGPT", a UInt32 format version (1), a UInt32
/// tensor count, a UInt32 count of the float32 values that follow, then every tensor of
/// `TinyGPTArchitecture.tensorShapes` in that order as row-major float32. Matrices are stored
/// [in, out], so a row vector x maps to x·W.
public struct TinyGPTWeights: Sendable {
  public static let magic = Array("TGPT".utf8)
  public static let version: UInt32 = 1
  static let headerSize = 16

  /// Tensor values by name, each contiguous and row-major.
  public let tensors: [String: [Float]]

  /// Parses `data` (the contents of the file named `file`) for `architecture`.
  public init(_ data: Data, file: String, architecture: TinyGPTArchitecture) throws {
    func fail(_ problem: String) -> TinyGPTLoadError {
      TinyGPTLoadError(file: file, problem: problem)
    }
    let bytes = [UInt8](data)
    guard bytes.count >= Self.headerSize else {
      throw fail("truncated: \(bytes.count) bytes, shorter than the 16-byte header")
    }
    guard Array(bytes[0..<4]) == Self.magic else {
      throw fail("not a tiny GPT weight file (no \"TGPT\" magic)")
    }
    let version = Self.uint32(bytes, at: 4)
    let count = Int(Self.uint32(bytes, at: 8))
    let total = Int(Self.uint32(bytes, at: 12))
    guard version == Self.version else {
      throw fail("format version \(version) is not \(Self.version)")
    }
    let shapes = architecture.tensorShapes
    let sizes = shapes.map { $0.shape.reduce(1, *) }
    let expected = sizes.reduce(0, +)
    guard count == shapes.count else {
      throw fail("holds \(count) tensors but the manifest needs \(shapes.count)")
    }
    guard total == expected else {
      throw fail("holds \(total) floats but the manifest's tensors need \(expected)")
    }
    let wanted = Self.headerSize + 4 * expected
    guard bytes.count == wanted else {
      let what = bytes.count < wanted ? "truncated" : "has trailing bytes"
      throw fail("\(what): \(bytes.count) bytes, expected \(wanted)")
    }
    var tensors: [String: [Float]] = [:]
    var offset = Self.headerSize
    for ((name, _), size) in zip(shapes, sizes) {
      var values = [Float](repeating: 0, count: size)
      for i in 0..<size {
        values[i] = Float(bitPattern: Self.uint32(bytes, at: offset + 4 * i))
      }
      if let bad = values.firstIndex(where: { !$0.isFinite }) {
        throw fail("tensor \(name) holds a non-finite value at index \(bad)")
      }
      tensors[name] = values
      offset += 4 * size
    }
    self.tensors = tensors
  }

  private static func uint32(_ bytes: [UInt8], at i: Int) -> UInt32 {
    UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16
      | UInt32(bytes[i + 3]) << 24
  }

  /// The named tensor; the initializer guarantees every architecture tensor is present.
  func callAsFunction(_ name: String) -> [Float] { tensors[name] ?? [] }
}
