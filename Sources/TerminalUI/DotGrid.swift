/// A dot grid over cells for drawing curves: 2x4 dots per cell drawn as Braille characters
/// with Unicode, one dot per cell drawn as a chosen ASCII character otherwise.
struct DotGrid {
  let cells: Size
  let unicode: Bool
  /// Braille dot bits (or 1 for ASCII) and the style and ASCII glyph of each cell (the
  /// glyphs only in ASCII mode: Braille cells never read them, so none are made).
  private(set) var bits: [UInt8]
  private(set) var styles: [Style]
  private(set) var asciiGlyphs: [Character]

  init(cells: Size, unicode: Bool) {
    self.cells = cells
    self.unicode = unicode
    let n = cells.width * cells.height
    bits = Array(repeating: 0, count: n)
    styles = Array(repeating: .plain, count: n)
    asciiGlyphs = unicode ? [] : Array(repeating: " ", count: n)
  }

  /// Dots across and down.
  var dots: Size {
    unicode
      ? Size(width: cells.width * 2, height: cells.height * 4)
      : cells
  }

  /// The bit of the dot at column `col` (0 or 1) and row `row` (0 to 3) of a Braille cell:
  /// dots 1-3 and 4-6 down the columns, then 7 and 8 on the last row.
  @inline(__always) static func brailleBit(col: Int, row: Int) -> UInt8 {
    row == 3 ? (col == 0 ? 0x40 : 0x80) : UInt8(truncatingIfNeeded: 1 << (row + 3 * col))
  }

  /// Sets the dot at (x, y), ignoring dots outside the grid.
  mutating func set(x: Int, y: Int, style: Style, ascii: Character) {
    guard x >= 0, y >= 0 else { return }
    if unicode {
      guard x < cells.width * 2, y < cells.height * 4 else { return }
      let i = (y >> 2) * cells.width + (x >> 1)
      bits[i] |= Self.brailleBit(col: x & 1, row: y & 3)
      styles[i] = style
    } else {
      guard x < cells.width, y < cells.height else { return }
      let i = y * cells.width + x
      bits[i] |= 1
      styles[i] = style
      asciiGlyphs[i] = ascii
    }
  }

  /// `n / d` rounded to the nearest whole number, halves away from zero (`d` > 0): what
  /// `(Double(n) / Double(d)).rounded()` gives for the small numbers of a grid.
  @inline(__always) static func roundedQuotient(_ n: Int, _ d: Int) -> Int {
    n >= 0 ? (2 * n + d) / (2 * d) : -((2 * -n + d) / (2 * d))
  }

  /// Sets the dots on the straight line from one dot to another.
  mutating func line(
    from a: (x: Int, y: Int), to b: (x: Int, y: Int), style: Style, ascii: Character
  ) {
    let dx = b.x - a.x
    let dy = b.y - a.y
    let steps = max(abs(dx), abs(dy))
    guard steps > 0 else { return set(x: a.x, y: a.y, style: style, ascii: ascii) }
    for s in 0...steps {
      let x = a.x + Self.roundedQuotient(dx * s, steps)
      let y = a.y + Self.roundedQuotient(dy * s, steps)
      set(x: x, y: y, style: style, ascii: ascii)
    }
  }

  /// The Braille character of each pattern of dot bits, made once.
  private static let braille: [Character] = (0..<256).map {
    Character(Unicode.Scalar(0x2800 + UInt32($0))!)
  }

  /// Each Braille character's lone narrow scalar (nil where it is not one), made once.
  private static let brailleScalars: [UInt32?] = braille.map { $0.loneNarrowScalar }

  /// Copies the set cells onto the canvas with `origin` as the grid's top-left cell, row by
  /// row; eight cells without a dot are passed over at once.
  func draw(into canvas: inout Canvas, origin: Point) {
    let width = cells.width
    let braille = Self.braille
    let scalars = Self.brailleScalars
    bits.withUnsafeBufferPointer { bits in
      guard let base = bits.baseAddress else { return }
      for cy in 0..<cells.height {
        let row = cy * width
        var cx = 0
        while cx < width {
          if cx + 8 <= width, UnsafeRawPointer(base + row + cx).loadUnaligned(as: UInt64.self) == 0
          {
            cx += 8
            continue
          }
          let i = row + cx
          if bits[i] != 0 {
            if unicode, let scalar = scalars[Int(bits[i])] {
              canvas.put(loneNarrow: scalar, x: origin.x + cx, y: origin.y + cy, style: styles[i])
            } else {
              let glyph = unicode ? braille[Int(bits[i])] : asciiGlyphs[i]
              canvas.put(glyph, x: origin.x + cx, y: origin.y + cy, style: styles[i])
            }
          }
          cx += 1
        }
      }
    }
  }
}
