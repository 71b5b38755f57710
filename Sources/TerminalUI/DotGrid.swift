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

  /// The bit of each dot in a Braille cell, by column then row.
  private static let brailleBits: [[UInt8]] = [
    [0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80],
  ]

  /// Sets the dot at (x, y), ignoring dots outside the grid.
  mutating func set(x: Int, y: Int, style: Style, ascii: Character) {
    guard x >= 0, y >= 0, x < dots.width, y < dots.height else { return }
    let (cx, cy) = unicode ? (x / 2, y / 4) : (x, y)
    let i = cy * cells.width + cx
    bits[i] |= unicode ? Self.brailleBits[x % 2][y % 4] : 1
    styles[i] = style
    if !unicode { asciiGlyphs[i] = ascii }
  }

  /// Sets the dots on the straight line from one dot to another.
  mutating func line(
    from a: (x: Int, y: Int), to b: (x: Int, y: Int), style: Style, ascii: Character
  ) {
    let steps = max(abs(b.x - a.x), abs(b.y - a.y))
    guard steps > 0 else { return set(x: a.x, y: a.y, style: style, ascii: ascii) }
    for s in 0...steps {
      let x = a.x + Int((Double((b.x - a.x) * s) / Double(steps)).rounded())
      let y = a.y + Int((Double((b.y - a.y) * s) / Double(steps)).rounded())
      set(x: x, y: y, style: style, ascii: ascii)
    }
  }

  /// The Braille character of each pattern of dot bits, made once.
  private static let braille: [Character] = (0..<256).map {
    Character(Unicode.Scalar(0x2800 + UInt32($0))!)
  }

  /// Copies the set cells onto the canvas with `origin` as the grid's top-left cell.
  func draw(into canvas: inout Canvas, origin: Point) {
    for cy in 0..<cells.height {
      for cx in 0..<cells.width {
        let i = cy * cells.width + cx
        guard bits[i] != 0 else { continue }
        let glyph = unicode ? Self.braille[Int(bits[i])] : asciiGlyphs[i]
        canvas.put(glyph, x: origin.x + cx, y: origin.y + cy, style: styles[i])
      }
    }
  }
}
