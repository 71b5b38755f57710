/// One terminal cell: a character and its style. A wide character occupies its cell and
/// the next one; the next one is a continuation cell (`width == 0`) that draws nothing.
public struct Cell: Hashable, Sendable {
  public var glyph: Character
  public var style: Style
  /// 1 for ordinary cells, 2 for the lead cell of a wide character, 0 for its continuation.
  public var width: UInt8

  public init(_ glyph: Character = " ", style: Style = .plain, width: UInt8 = 1) {
    self.glyph = glyph
    self.style = style
    self.width = width
  }

  public static let blank = Cell()
}

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
      cells.withUnsafeMutableBufferPointer { buffer in
        for i in buffer.indices { buffer[i] = .blank }
      }
    } else {
      self = Canvas(size: size)
    }
  }

  public var bounds: Rect { Rect(size: size) }

  public subscript(x: Int, y: Int) -> Cell {
    get {
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
    let old = self[x, y]
    if old.width == 0, x > 0 {
      var lead = self[x - 1, y]
      lead.glyph = " "
      lead.width = 1
      self[x - 1, y] = lead
    }
    if old.width == 2 {
      var cont = self[x + 1, y]
      cont.glyph = " "
      cont.width = 1
      self[x + 1, y] = cont
    }
    self[x, y] = cell
  }

  /// Writes `text` from (x, y) on one line, clipped to `clip` (the whole canvas by default).
  /// Control characters are dropped. Returns the column after the last written cell.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil
  ) -> Int {
    let area = (clip ?? bounds).intersection(bounds)
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
    put(String(glyph), x: x, y: y, style: style, clip: clip)
  }

  /// Fills a rect with one glyph and style.
  public mutating func fill(_ rect: Rect, glyph: Character = " ", style: Style = .plain) {
    let r = rect.intersection(bounds)
    guard !r.isEmpty else { return }
    for yy in r.y..<r.maxY {
      for xx in r.x..<r.maxX { place(Cell(glyph, style: style), x: xx, y: yy) }
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
