import Foundation

/// A cell's character as plain bytes, so a `Cell` is a plain value (`BitwiseCopyable`): no
/// reference counting when cells are stored, copied, blanked or compared.
///
/// A character of at most 8 UTF-8 bytes (every single scalar, and most clusters: a flag, a
/// letter with a mark or two, an emoji with a skin tone) is kept inline: its UTF-8 with the
/// first byte lowest and the unused high bytes 0 (UTF-8 has no 0 byte but the NUL
/// character's, which is always a character of its own: "\0" is all zero bytes). A longer
/// one (a ZWJ emoji sequence, a long run of combining marks) is kept once for the process in
/// `LongGlyphs` and named by its index there, behind the byte 0xFF (never a UTF-8 byte) in
/// the lowest place; the same bytes always get the same index. So two glyphs hold the same
/// `bits` exactly when their characters have the same UTF-8: `==` on glyphs is the comparison
/// of what a terminal is sent.
public struct CellGlyph: Hashable, Sendable, BitwiseCopyable {
  /// The inline UTF-8, or `longTag` and the index of a long character.
  public let bits: UInt64

  @inlinable init(bits: UInt64) { self.bits = bits }

  /// The glyph of `character`.
  public init(_ character: Character) {
    let inline = character.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
      guard bytes.count <= 8 else { return nil }
      var bits: UInt64 = 0
      for i in 0..<bytes.count { bits |= UInt64(bytes[i]) << (8 * i) }
      return bits
    }
    if let inline, let bits = inline {
      self.bits = bits
      return
    }
    var bits: UInt64 = 0
    var shift: UInt64 = 0
    for byte in character.utf8 {
      if shift == 64 {
        self = LongGlyphs.shared.glyph(for: character)
        return
      }
      bits |= UInt64(byte) << shift
      shift += 8
    }
    self.bits = bits
  }

  /// The glyph of the scalar `v`, below U+10000 (so at most three UTF-8 bytes).
  @inline(__always) init(bmpScalar v: UInt32) {
    let v = UInt64(v)
    if v < 0x80 {
      bits = v
    } else if v < 0x800 {
      bits = (0xC0 | v >> 6) | (0x80 | v & 0x3F) << 8
    } else {
      bits = (0xE0 | v >> 12) | (0x80 | v >> 6 & 0x3F) << 8 | (0x80 | v & 0x3F) << 16
    }
  }

  /// The glyph of an ASCII byte (below 0x80).
  @inline(__always) init(asciiByte: UInt8) { bits = UInt64(asciiByte) }

  /// The plain space.
  @inlinable public static var space: CellGlyph { CellGlyph(bits: 0x20) }

  /// The low byte of a long character's glyph.
  static let longTag: UInt64 = 0xFF

  /// Whether the character is kept in `LongGlyphs`.
  @inline(__always) var isLong: Bool { bits & 0xFF == Self.longTag }

  /// The character's byte when it is a single ASCII byte (NUL included), else nil.
  @inlinable public var asciiByte: UInt8? { bits < 0x80 ? UInt8(truncatingIfNeeded: bits) : nil }

  /// Whether every byte of the character is ASCII (a long character never is).
  @inline(__always) var isASCII: Bool { bits & 0x8080_8080_8080_8080 == 0 }

  /// The number of UTF-8 bytes of an inline character.
  @inline(__always) var inlineCount: Int {
    bits == 0 ? 1 : (64 - bits.leadingZeroBitCount + 7) / 8
  }

  /// The character.
  public var character: Character {
    if bits < 0x80 { return Self.asciiCharacters[Int(bits)] }
    if isLong { return LongGlyphs.shared.character(at: Int(bits >> 8)) }
    var word = bits.littleEndian
    let count = inlineCount
    return withUnsafeBytes(of: &word) {
      Character(String(decoding: UnsafeRawBufferPointer(rebasing: $0.prefix(count)), as: UTF8.self))
    }
  }

  /// Appends the character's UTF-8 to `out`.
  @inlinable public func appendUTF8(to out: inout [UInt8]) {
    if bits & 0xFF == 0xFF {
      appendLongUTF8(to: &out)
      return
    }
    // The bytes up to the last non-zero one (UTF-8 has no 0 byte but a lone NUL's).
    var rest = bits
    repeat {
      out.append(UInt8(truncatingIfNeeded: rest))
      rest >>= 8
    } while rest != 0
  }

  @usableFromInline func appendLongUTF8(to out: inout [UInt8]) {
    out += LongGlyphs.shared.character(at: Int(bits >> 8)).utf8
  }

  /// Whether the two characters are the same as `Character`s are (canonically equivalent:
  /// "é" and "e" + U+0301, "K" and the Kelvin sign), not only as bytes.
  @inline(__always) func isEquivalent(to other: CellGlyph) -> Bool {
    if bits == other.bits { return true }
    // Different ASCII strings are never equivalent; anything else is asked of `Character`.
    if isASCII && other.isASCII { return false }
    return character == other.character
  }

  /// The ASCII characters by byte.
  private static let asciiCharacters: [Character] = (0..<128).map {
    Character(Unicode.Scalar(UInt8($0)))
  }
}

/// The characters too long for a `CellGlyph`'s inline bytes, each kept once for the process
/// (under a lock: cells are made on any thread) and named by its index. It only grows: by one
/// entry per distinct long character ever drawn.
final class LongGlyphs: @unchecked Sendable {
  static let shared = LongGlyphs()

  private let lock = NSLock()
  private var characters: [Character] = []
  /// Keyed by the exact UTF-8 (a `String` key would merge canonically equivalent spellings,
  /// and the terminal must get the bytes it was given).
  private var indices: [[UInt8]: Int] = [:]

  /// The glyph of a character of more than 8 UTF-8 bytes.
  func glyph(for character: Character) -> CellGlyph {
    let key = Array(character.utf8)
    lock.lock()
    defer { lock.unlock() }
    let index: Int
    if let known = indices[key] {
      index = known
    } else {
      index = characters.count
      precondition(index < 1 << 56, "too many long glyphs")
      characters.append(character)
      indices[key] = index
    }
    return CellGlyph(bits: UInt64(index) << 8 | CellGlyph.longTag)
  }

  func character(at index: Int) -> Character {
    lock.lock()
    defer { lock.unlock() }
    return characters[index]
  }

  /// How many long characters are kept (for tests).
  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return characters.count
  }
}
