#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One cell a terminal must write: what goes at (x, y). A wide character's update covers its
/// continuation cell too.
public struct CellUpdate: Hashable, Sendable, BitwiseCopyable {
  public var x: Int
  public var y: Int
  public var cell: Cell
  public init(x: Int, y: Int, cell: Cell) {
    self.x = x
    self.y = y
    self.cell = cell
  }
}

extension Style {
  /// Whether a blank in this style shows its foreground: only through reverse video (the
  /// foreground becomes the background) or an underline.
  public var blankShowsForeground: Bool { !attrs.isDisjoint(with: [.reverse, .underline]) }

  /// Whether a blank in this style looks the same as a blank in `other`: the same background,
  /// and neither shows its foreground.
  @inline(__always)
  public func blanksLookSame(as other: Style) -> Bool {
    bg == other.bg && !blankShowsForeground && !other.blankShowsForeground
  }
}

extension Cell {
  /// A plain space (not a wide character's continuation).
  @inline(__always) var isSpace: Bool { width == 1 && packedGlyph == .space }

  /// Whether the two cells look the same on a terminal: the same glyph (the same bytes: what
  /// the terminal is sent) and width in the same style, or two blanks on one background that
  /// show no foreground (then foreground, bold, dim and italic cannot be seen).
  @inline(__always)
  public func looksSame(as other: Cell) -> Bool {
    guard width == other.width else { return false }
    if sameStyle(as: other) { return packedGlyph == other.packedGlyph }
    return style.blanksLookSame(as: other.style) && isSpace && other.isSpace
  }
}

extension Canvas {
  /// The cells to write so a screen showing `previous` shows `current`, row by row, left to
  /// right (the ratatui `Buffer::diff` shape). Cells that look the same are left alone; a
  /// wide character's continuation is never listed (its lead's update draws both halves).
  /// Canvases of different sizes: every cell of `current` that does not look like an erased
  /// blank, as for a screen that was just erased.
  public static func diff(_ previous: Canvas, _ current: Canvas) -> [CellUpdate] {
    var updates: [CellUpdate] = []
    diff(previous, current, into: &updates)
    return updates
  }

  /// `diff` into a reused array (emptied first).
  public static func diff(_ previous: Canvas, _ current: Canvas, into updates: inout [CellUpdate]) {
    updates.removeAll(keepingCapacity: true)
    guard previous.size == current.size else {
      changes(from: nil, to: current, into: &updates)
      return
    }
    changes(from: previous, to: current, into: &updates)
  }

  /// Every cell of `canvas` a just-erased screen lacks.
  public static func repaint(_ canvas: Canvas, into updates: inout [CellUpdate]) {
    updates.removeAll(keepingCapacity: true)
    changes(from: nil, to: canvas, into: &updates)
  }

  private static func changes(
    from previous: Canvas?, to current: Canvas, into updates: inout [CellUpdate]
  ) {
    let width = current.size.width
    current.cells.withUnsafeBufferPointer { now in
      let blank = Cell.blank
      if let previous {
        previous.cells.withUnsafeBufferPointer { before in
          guard let a = now.baseAddress, let b = before.baseAddress else { return }
          let rowBytes = width * MemoryLayout<Cell>.stride
          var start = 0
          while start < now.count {
            // Most rows are the very same bytes as last frame: those look the same.
            if memcmp(a + start, b + start, rowBytes) != 0 {
              // A changed row is searched a few cells at a time, the same ones skipped whole.
              let end = start + width
              var chunk = start
              while chunk < end {
                let n = min(chunkCells, end - chunk)
                if memcmp(a + chunk, b + chunk, n * MemoryLayout<Cell>.stride) != 0 {
                  for i in chunk..<chunk + n where !sameBytes(a + i, b + i) {
                    let cell = now[i]
                    if cell.width != 0 && !cell.looksSame(as: before[i]) {
                      updates.append(CellUpdate(x: i - start, y: start / width, cell: cell))
                    }
                  }
                }
                chunk += n
              }
            }
            start += width
          }
        }
      } else {
        for i in now.indices {
          let cell = now[i]
          if cell.width != 0 && !cell.looksSame(as: blank) {
            updates.append(CellUpdate(x: i % width, y: i / width, cell: cell))
          }
        }
      }
    }
  }

  /// The cells of a changed row compared by one `memcmp` before they are looked at one by one.
  private static var chunkCells: Int { 8 }

  /// Whether two cells hold the same bytes (then they are the same cell; cells with different
  /// bytes may still look the same).
  @inline(__always)
  static func sameBytes(_ a: UnsafePointer<Cell>, _ b: UnsafePointer<Cell>) -> Bool {
    let x = UnsafeRawPointer(a)
    let y = UnsafeRawPointer(b)
    return x.load(as: UInt64.self) == y.load(as: UInt64.self)
      && x.load(fromByteOffset: 8, as: UInt64.self) == y.load(fromByteOffset: 8, as: UInt64.self)
  }

  /// Writes the updates as a terminal would: each cell in place, a wide character over its
  /// continuation too. (Applying `diff(a, b)` to `a` gives a canvas that looks like `b`.)
  public mutating func apply(_ updates: [CellUpdate]) {
    for u in updates {
      self[u.x, u.y] = u.cell
      if u.cell.width == 2 { self[u.x + 1, u.y] = Cell(" ", style: u.cell.style, width: 0) }
    }
  }

  /// Whether the two canvases look the same cell by cell (continuations by width alone).
  public func looksSame(as other: Canvas) -> Bool {
    guard size == other.size else { return false }
    return zip(cells, other.cells).allSatisfy { a, b in
      a.width == 0 ? b.width == 0 : a.looksSame(as: b)
    }
  }
}
