/// One terminal cell: a character and its style. A wide character occupies its cell and
/// the next one; the next one is a continuation cell (`width == 0`) that draws nothing.
///
/// A plain value of two words, every bit of them meaningful (no padding): the glyph's bytes
/// and the look (style and width, `CellLook`). So a grid of cells is blanked by a fill,
/// written two stores a cell and compared a row at a time by its bytes.
public struct Cell: Hashable, Sendable, BitwiseCopyable {
  /// The character as bytes.
  public var packedGlyph: CellGlyph
  /// The style and width packed (`CellLook`).
  @usableFromInline var look: UInt64

  public init(_ glyph: Character = " ", style: Style = .plain, width: UInt8 = 1) {
    self.init(CellGlyph(glyph), style: style, width: width)
  }

  @inlinable
  public init(_ glyph: CellGlyph, style: Style = .plain, width: UInt8 = 1) {
    packedGlyph = glyph
    look = CellLook.pack(style) | UInt64(width) << CellLook.widthShift
  }

  /// The character.
  public var glyph: Character {
    get { packedGlyph.character }
    set { packedGlyph = CellGlyph(newValue) }
  }

  public var style: Style {
    @inlinable get { CellLook.style(look) }
    @inlinable set { look = look & ~CellLook.styleMask | CellLook.pack(newValue) }
  }

  /// 1 for ordinary cells, 2 for the lead cell of a wide character, 0 for its continuation.
  public var width: UInt8 {
    @inlinable get { UInt8(truncatingIfNeeded: look >> CellLook.widthShift) }
    @inlinable set {
      look = look & CellLook.styleMask | UInt64(newValue) << CellLook.widthShift
    }
  }

  /// Whether the two cells have the same style (compared packed).
  @inline(__always) func sameStyle(as other: Cell) -> Bool {
    (look ^ other.look) & CellLook.styleMask == 0
  }

  public static let blank = Cell()

  /// The same glyph (as `Character`s: canonically equivalent spellings are equal), style and
  /// width.
  public static func == (a: Cell, b: Cell) -> Bool {
    a.look == b.look && a.packedGlyph.isEquivalent(to: b.packedGlyph)
  }

  public func hash(into hasher: inout Hasher) {
    // As `Character` hashes (consistent with `==`'s canonical equivalence).
    hasher.combine(glyph)
    hasher.combine(style)
    hasher.combine(width)
  }
}

/// A cell's style and width in one word: the foreground's code in bits 0–15 and the
/// background's in 16–31 (a palette index as itself, the terminal's default as 0x100), the
/// attributes in 32–39 and the width in 40–47; the rest 0. Every style has one code.
@usableFromInline enum CellLook {
  @inlinable static var widthShift: UInt64 { 40 }
  @inlinable static var styleMask: UInt64 { 0xFF_FFFF_FFFF }

  @inlinable static func pack(_ c: Color) -> UInt64 {
    switch c {
    case .default: 0x100
    case .index(let i): UInt64(i)
    }
  }

  @inlinable static func color(_ code: UInt64) -> Color {
    code & 0x100 != 0 ? .default : .index(UInt8(truncatingIfNeeded: code))
  }

  @inlinable static func pack(_ s: Style) -> UInt64 {
    pack(s.fg) | pack(s.bg) << 16 | UInt64(s.attrs.rawValue) << 32
  }

  @inlinable static func style(_ look: UInt64) -> Style {
    Style(
      fg: color(look & 0xFFFF), bg: color(look >> 16 & 0xFFFF),
      attrs: Attributes(rawValue: UInt8(truncatingIfNeeded: look >> 32)))
  }
}
