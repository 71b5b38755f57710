/// How many terminal columns a character takes: 0 for combining marks and controls,
/// 2 for East Asian wide and most emoji, 1 otherwise. A small, dependency-free
/// approximation of wcwidth that errs towards 1 for ambiguous characters.
public enum CharWidth {
  public static func of(_ ch: Character) -> Int {
    // Nearly every character drawn is ASCII: no scalar view, no property look-up.
    if let a = ch.asciiByte { return a < 0x20 || a == 0x7F ? 0 : 1 }
    guard let scalar = ch.unicodeScalars.first else { return 0 }
    return of(scalar)
  }

  public static func of(_ s: Unicode.Scalar) -> Int {
    let v = s.value
    if v == 0 { return 0 }
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
    if v < 0x300 || s.isLoneNarrow { return 1 }
    switch s.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if isWide(v) { return 2 }
    return 1
  }

  static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
      0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
      0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
      0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }

  /// The display width of a string in columns.
  public static func of(_ s: String) -> Int {
    if let n = s.loneNarrowCount { return n }
    return s.reduce(0) { $0 + of($1) }
  }
}

extension Unicode.Scalar {
  /// A scalar that is a whole character whatever stands beside it and takes one column:
  /// printable ASCII, Latin, Greek and Cyrillic letters without combining marks, and the
  /// punctuation, arrows, maths, box-drawing, block, shape and braille blocks the panel
  /// draws. None of these is a combining mark, a joiner, a control, a format character, a
  /// regional indicator or wide, so a string made only of them needs no grapheme breaking
  /// and no width table: each scalar is one cell (`CharWidth.of` agrees).
  @inline(__always) public var isLoneNarrow: Bool {
    let v = value
    if v < 0x7F { return v >= 0x20 }
    if v < 0x300 { return v >= 0xA0 && v != 0xAD }
    if v < 0x483 { return v >= 0x370 }
    if v < 0x2010 { return false }
    if v < 0x2028 { return true }
    if v < 0x2030 { return false }
    if v < 0x205F { return true }
    if v < 0x2070 { return false }
    if v < 0x20D0 { return true }
    if v < 0x2100 { return false }
    return v < 0x2C00
  }
}

extension String {
  /// The number of scalars when every one is `isLoneNarrow` (then each is a character of one
  /// column), else nil: the fast path of width and drawing.
  @inline(__always) public var loneNarrowCount: Int? {
    if let n = utf8.withContiguousStorageIfAvailable({ Self.loneNarrowCount(utf8: $0) }) {
      return n
    }
    return loneNarrowCountByScalars
  }

  /// `loneNarrowCount` from the scalar view (for text without contiguous UTF-8).
  var loneNarrowCountByScalars: Int? {
    var n = 0
    for scalar in unicodeScalars {
      guard scalar.isLoneNarrow else { return nil }
      n += 1
    }
    return n
  }

  /// `loneNarrowCount` of a string's UTF-8 (valid, as a string's is), decoded in place: every
  /// lone-narrow scalar is below U+2C00, so one to three bytes.
  static func loneNarrowCount(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let count = bytes.count
    var i = 0
    var n = 0
    // Eight bytes at a time while they are all printable ASCII (0x20...0x7E); the byte loop
    // takes over from the first word that may not be (a false alarm only costs time).
    if let base = bytes.baseAddress {
      let ones: UInt64 = 0x0101_0101_0101_0101
      let high: UInt64 = 0x8080_8080_8080_8080
      while i + 8 <= count {
        let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        let del = w ^ (ones &* 0x7F)
        // A byte with its high bit set, a byte below 0x20, a byte equal to 0x7F.
        if w & high != 0 || (w &- ones &* 0x20) & ~w & high != 0 || (del &- ones) & ~del & high != 0
        {
          break
        }
        i += 8
      }
      n = i
    }
    while i < count {
      let b0 = bytes[i]
      if b0 < 0x80 {
        guard b0 >= 0x20, b0 != 0x7F else { return nil }
        i += 1
      } else if b0 < 0xE0 {
        let v = UInt32(b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
        guard Unicode.Scalar(v)!.isLoneNarrow else { return nil }
        i += 2
      } else if b0 < 0xF0 {
        let v =
          UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
        // (Three-byte scalars are never surrogates; U+0800 and up.)
        guard v < 0x2C00, Unicode.Scalar(v)!.isLoneNarrow else { return nil }
        i += 3
      } else {
        return nil
      }
      n += 1
    }
    return n
  }
}

extension Character {
  /// The character's value when it is one lone-narrow scalar (`isLoneNarrow`), read from its
  /// UTF-8 without the scalar view; else nil.
  @inline(__always) var loneNarrowScalar: UInt32? {
    var bytes = utf8.makeIterator()
    guard let b0 = bytes.next() else { return nil }
    let v: UInt32
    if b0 < 0x80 {
      v = UInt32(b0)
    } else if b0 < 0xE0 {
      guard let b1 = bytes.next() else { return nil }
      v = UInt32(b0 & 0x1F) << 6 | UInt32(b1 & 0x3F)
    } else if b0 < 0xF0 {
      guard let b1 = bytes.next(), let b2 = bytes.next() else { return nil }
      v = UInt32(b0 & 0x0F) << 12 | UInt32(b1 & 0x3F) << 6 | UInt32(b2 & 0x3F)
    } else {
      return nil
    }
    guard bytes.next() == nil, v < 0x2C00, Unicode.Scalar(v)!.isLoneNarrow else { return nil }
    return v
  }
}

extension String {
  /// Display width in terminal columns.
  public var displayWidth: Int { CharWidth.of(self) }

  /// The longest prefix that fits in `width` columns; adds `ellipsis` when cut and room allows.
  public func truncated(to width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    if let n = loneNarrowCount {
      // One column per scalar: cut by scalars, no grapheme breaking.
      if n <= width { return self }
      let ell = ellipsis.displayWidth <= width ? ellipsis : ""
      let budget = width - ell.displayWidth
      guard budget > 0 else { return ell }
      return String(unicodeScalars.prefix(budget)) + ell
    }
    if displayWidth <= width { return self }
    let ell = ellipsis.displayWidth <= width ? ellipsis : ""
    let budget = width - ell.displayWidth
    var out = ""
    var used = 0
    for ch in self {
      let w = CharWidth.of(ch)
      if used + w > budget { break }
      out.append(ch)
      used += w
    }
    return out + ell
  }

  /// Pads with spaces on the right to `width` columns (truncating when longer).
  public func padded(to width: Int) -> String {
    let t = truncated(to: width, ellipsis: "")
    return t + String(repeating: " ", count: max(0, width - t.displayWidth))
  }

  /// Pads with spaces on the left to `width` columns (truncating when longer).
  public func leftPadded(to width: Int) -> String {
    let t = truncated(to: width, ellipsis: "")
    return String(repeating: " ", count: max(0, width - t.displayWidth)) + t
  }
}

extension Character {
  /// The character's byte when it is a single ASCII byte, read from its UTF-8 without the
  /// Unicode comparison `asciiValue` and `isASCII` make (they check for CR-LF first).
  @inline(__always) public var asciiByte: UInt8? {
    var bytes = utf8.makeIterator()
    guard let first = bytes.next(), first < 0x80, bytes.next() == nil else { return nil }
    return first
  }
}
