/// A grid of cells that views draw into. Pure value: no terminal involved, so a frame can
/// be compared, dumped and snapshot-tested. Every write is clipped to the canvas.
public struct Canvas: Sendable, Equatable {
  public private(set) var size: Size
  public private(set) var cells: [Cell]

  public init(size: Size, fill: Cell = .blank) {
    self.size = size
    self.cells = Array(repeating: fill, count: size.width * size.height)
  }

  /// Blanks every cell at `size`, keeping the storage when the size is the same (a
  /// terminal's canvases are reused frame after frame, not reallocated).
  public mutating func reset(to size: Size) {
    if size == self.size {
      // Cells are plain bytes: a fill, no releases.
      cells.withUnsafeMutableBufferPointer { $0.update(repeating: .blank) }
    } else {
      self = Canvas(size: size)
    }
  }

  public var bounds: Rect { Rect(size: size) }

  /// The cells as one mutable buffer, row after row.
  mutating func withRows(_ body: (inout UnsafeMutableBufferPointer<Cell>) -> Void) {
    cells.withUnsafeMutableBufferPointer { body(&$0) }
  }

  public subscript(x: Int, y: Int) -> Cell {
    @inlinable get {
      guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
      return cells[y * size.width + x]
    }
    set {
      guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
      cells[y * size.width + x] = newValue
    }
  }

  /// Replaces the cell at (x, y), keeping wide characters whole: a half of a wide
  /// character that gets overwritten turns its other half into a blank.
  private mutating func place(_ cell: Cell, x: Int, y: Int) {
    guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
    let width = size.width
    cells.withUnsafeMutableBufferPointer {
      Canvas.place(cell, at: y * width + x, x: x, width: width, in: $0)
    }
  }

  /// `place` on the storage, (x, y) known to be inside (`i` its index): the one loop body
  /// every write shares.
  @inline(__always)
  private static func place(
    _ cell: Cell, at i: Int, x: Int, width: Int, in buffer: UnsafeMutableBufferPointer<Cell>
  ) {
    let old = buffer[i].width
    if old == 0, x > 0 { blankHalf(&buffer[i - 1]) }
    if old == 2, x + 1 < width { blankHalf(&buffer[i + 1]) }
    buffer[i] = cell
  }

  /// A half of a wide character whose other half went: a blank in the same style, as a write
  /// over the other half leaves it.
  @inline(__always)
  static func blankHalf(_ cell: inout Cell) {
    cell.packedGlyph = .space
    cell.width = 1
  }

  /// `put` for text whose every scalar is one narrow character (`loneNarrowCount`), from
  /// its UTF-8: no grapheme breaking, no width look-up, each glyph packed straight from its
  /// bytes, one pass over the row.
  private mutating func putNarrow(
    _ bytes: UnsafeBufferPointer<UInt8>, x: Int, y: Int, style: Style, area: Rect
  ) -> Int {
    let width = size.width
    let minX = area.x
    let maxX = area.maxX
    var cx = x
    cells.withUnsafeMutableBufferPointer { buffer in
      let row = y * width
      let count = bytes.count
      var i = 0
      while i < count {
        if cx >= maxX { break }
        let b0 = bytes[i]
        let glyph: CellGlyph
        if b0 < 0x80 {
          glyph = CellGlyph(asciiByte: b0)
          i += 1
        } else if b0 < 0xE0 {
          let bits = UInt64(b0) | UInt64(bytes[i + 1]) << 8
          // The no-break space (C2 A0) is drawn as a plain one.
          glyph = bits == 0xA0C2 ? .space : CellGlyph(bits: bits)
          i += 2
        } else {
          glyph = CellGlyph(
            bits: UInt64(b0) | UInt64(bytes[i + 1]) << 8 | UInt64(bytes[i + 2]) << 16)
          i += 3
        }
        if cx >= minX {
          Canvas.place(Cell(glyph, style: style), at: row + cx, x: cx, width: width, in: buffer)
        }
        cx += 1
      }
    }
    return cx
  }

  /// Writes `text` from (x, y) on one line, clipped to `clip` (the whole canvas by default).
  /// Control characters are dropped. Returns the column after the last written cell.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil
  ) -> Int {
    let area = (clip ?? bounds).intersection(bounds)
    // Text of lone-narrow scalars (nearly all): measured and drawn from its UTF-8.
    let fast = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
      guard let n = String.loneNarrowCount(utf8: bytes) else { return nil }
      guard y >= area.y, y < area.maxY else { return x + n }
      return putNarrow(bytes, x: x, y: y, style: style, area: area)
    }
    if let fast, let end = fast { return end }
    return putCharacters(text, x: x, y: y, style: style, area: area)
  }

  /// `put` character by character (grapheme breaking, width look-up): the general path.
  mutating func putCharacters(_ text: String, x: Int, y: Int, style: Style, area: Rect) -> Int {
    guard y >= area.y, y < area.maxY else { return x + text.displayWidth }
    var cx = x
    for ch in text {
      let ascii = ch.asciiByte != nil
      let w = CharWidth.of(ch)
      if w == 0 { continue }
      if cx >= area.maxX { break }
      if cx >= area.x {
        if w == 2 {
          if cx + 1 < area.maxX {
            place(Cell(ch, style: style, width: 2), x: cx, y: y)
            place(Cell(" ", style: style, width: 0), x: cx + 1, y: y)
          } else {
            place(Cell(" ", style: style), x: cx, y: y)
          }
        } else {
          // (An ASCII character is never the no-break space: skip the Unicode comparison.)
          place(Cell(!ascii && ch == .noBreakSpace ? " " : ch, style: style), x: cx, y: y)
        }
      } else if w == 2 && cx + 1 == area.x {
        place(Cell(" ", style: style), x: area.x, y: y)
      }
      cx += w
    }
    return cx
  }

  /// Writes a single glyph at (x, y) if it lies inside `clip`.
  public mutating func put(_ glyph: Character, x: Int, y: Int, style: Style, clip: Rect? = nil) {
    if let only = glyph.loneNarrowScalar {
      let area = (clip ?? bounds).intersection(bounds)
      guard area.contains(x: x, y: y) else { return }
      place(Cell(only == 0xA0 ? .space : CellGlyph(bmpScalar: only), style: style), x: x, y: y)
      return
    }
    put(String(glyph), x: x, y: y, style: style, clip: clip)
  }

  /// `put(glyph, x:, y:, style:)` (no clip) for a glyph known to be one lone narrow scalar
  /// `scalar` (its `loneNarrowScalar`): no look-up of the character, no rect intersection.
  @inline(__always)
  mutating func put(loneNarrow scalar: UInt32, x: Int, y: Int, style: Style) {
    guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
    let cell = Cell(scalar == 0xA0 ? .space : CellGlyph(bmpScalar: scalar), style: style)
    let width = size.width
    cells.withUnsafeMutableBufferPointer {
      Canvas.place(cell, at: y * width + x, x: x, width: width, in: $0)
    }
  }

  /// Writes `count` copies of `glyph` down a column from (x, y), with no clip: the same as
  /// `put(glyph, x: x, y: y + i, style: style)` for each `i` below `count`, the glyph looked
  /// up once.
  public mutating func put(_ glyph: Character, down count: Int, x: Int, y: Int, style: Style) {
    guard count > 0 else { return }
    guard let only = glyph.loneNarrowScalar else {
      for i in 0..<count { put(glyph, x: x, y: y + i, style: style) }
      return
    }
    guard x >= 0, x < size.width else { return }
    let top = max(y, 0)
    let bottom = min(y + count, size.height)
    guard top < bottom else { return }
    let cell = Cell(only == 0xA0 ? .space : CellGlyph(bmpScalar: only), style: style)
    let width = size.width
    cells.withUnsafeMutableBufferPointer { buffer in
      for yy in top..<bottom {
        Canvas.place(cell, at: yy * width + x, x: x, width: width, in: buffer)
      }
    }
  }

  /// Writes `count` copies of `glyph` from (x, y) on one line, clipped to `clip`: the same as
  /// `put(String(repeating: glyph, count: count), ...)` without building the string when
  /// the glyph is one narrow scalar (a rule, a track). Returns the column after the last
  /// written cell.
  @discardableResult
  public mutating func put(
    _ glyph: Character, repeating count: Int, x: Int, y: Int, style: Style = .plain,
    clip: Rect? = nil
  ) -> Int {
    guard let only = glyph.loneNarrowScalar, count >= 0 else {
      return put(String(repeating: glyph, count: count), x: x, y: y, style: style, clip: clip)
    }
    let area = (clip ?? bounds).intersection(bounds)
    guard y >= area.y, y < area.maxY else { return x + count }
    let cell = Cell(only == 0xA0 ? .space : CellGlyph(bmpScalar: only), style: style)
    let width = size.width
    let minX = area.x
    let maxX = area.maxX
    var cx = x
    let end = x + count
    cells.withUnsafeMutableBufferPointer { buffer in
      let row = y * width
      while cx < end {
        if cx >= maxX { break }
        if cx >= minX { Canvas.place(cell, at: row + cx, x: cx, width: width, in: buffer) }
        cx += 1
      }
    }
    return cx
  }

  /// Fills a rect with one glyph and style.
  public mutating func fill(_ rect: Rect, glyph: Character = " ", style: Style = .plain) {
    let r = rect.intersection(bounds)
    guard !r.isEmpty else { return }
    let width = size.width
    let cell = Cell(glyph, style: style)
    cells.withUnsafeMutableBufferPointer { buffer in
      for yy in r.y..<r.maxY {
        for xx in r.x..<r.maxX {
          Canvas.place(cell, at: yy * width + xx, x: xx, width: width, in: buffer)
        }
      }
    }
  }

  /// Changes the style of every cell in a rect, keeping the glyphs.
  public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
    let r = rect.intersection(bounds)
    guard !r.isEmpty else { return }
    for yy in r.y..<r.maxY {
      for xx in r.x..<r.maxX {
        var c = self[xx, yy]
        c.style = transform(c.style)
        self[xx, yy] = c
      }
    }
  }

  /// The text of row `y`, wide characters once, trailing spaces kept.
  public func line(_ y: Int) -> String {
    guard y >= 0, y < size.height else { return "" }
    var s = ""
    for x in 0..<size.width {
      let c = self[x, y]
      if c.width == 0 { continue }
      s.append(c.glyph)
    }
    return s
  }

  /// All rows as text, trailing spaces trimmed: what a person would read.
  public var text: String {
    (0..<size.height).map { line($0).trimmingTrailingSpaces() }.joined(separator: "\n")
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var s = Substring(self)
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}

extension Character {
  /// Joins two words that wrapping must keep on one line ("103 GB"); the canvas draws it as a
  /// plain space, so it never reaches the terminal.
  public static let noBreakSpace: Character = "\u{00A0}"
}
