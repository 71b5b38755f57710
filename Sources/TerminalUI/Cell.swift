/// One terminal cell: a character and its style. A wide character occupies its cell and
/// the next one; the next one is a continuation cell (`width == 0`) that draws nothing.
///
/// A plain value of 16 bytes, every one of them meaningful (no padding), so a grid of cells is
/// blanked by a fill and compared a row at a time by its bytes.
public struct Cell: Hashable, Sendable, BitwiseCopyable {
  /// The character as bytes.
  public var packedGlyph: CellGlyph
  public var style: Style
  /// 1 for ordinary cells, 2 for the lead cell of a wide character, 0 for its continuation.
  public var width: UInt8
  /// Always 0: fills the cell to 16 bytes, so that equal cells are equal bytes throughout.
  private var reserved: UInt16 = 0

  public init(_ glyph: Character = " ", style: Style = .plain, width: UInt8 = 1) {
    self.init(CellGlyph(glyph), style: style, width: width)
  }

  @inline(__always)
  public init(_ glyph: CellGlyph, style: Style = .plain, width: UInt8 = 1) {
    self.packedGlyph = glyph
    self.style = style
    self.width = width
  }

  /// The character.
  public var glyph: Character {
    get { packedGlyph.character }
    set { packedGlyph = CellGlyph(newValue) }
  }

  public static let blank = Cell()

  /// The same glyph (as `Character`s: canonically equivalent spellings are equal), style and
  /// width.
  public static func == (a: Cell, b: Cell) -> Bool {
    a.style == b.style && a.width == b.width && a.packedGlyph.isEquivalent(to: b.packedGlyph)
  }

  public func hash(into hasher: inout Hasher) {
    // As `Character` hashes (consistent with `==`'s canonical equivalence).
    hasher.combine(glyph)
    hasher.combine(style)
    hasher.combine(width)
  }
}
