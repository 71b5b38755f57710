// Which pen each blank cell is drawn in. A blank looks the same in any pen without a
// background, reverse or underline, so the backend is free to pick the pen that costs the
// fewest bytes on the wire: ncurses sends the cells that changed since the last frame, left
// to right, switching pens as it goes (a colour switch is about 11 bytes, an attribute switch
// about 20), and it jumps over unchanged cells or writes through a few of them.
// Pure, so it is tested without a terminal.

/// What a frame left in each cell: text, an erased blank, or a blank drawn in a pen.
struct DrawnFrame<Pen: Hashable> {
  enum Drawn: Hashable {
    case glyph, erased
    case blank(Pen)
    /// The pen a blank was drawn in (nil when erased or text).
    var pen: Pen? {
      if case .blank(let p) = self { p } else { nil }
    }
  }
  let width: Int
  let height: Int
  private var cells: [Drawn]
  init(width: Int, height: Int) {
    self.width = width
    self.height = height
    cells = Array(repeating: .glyph, count: width * height)
  }
  subscript(x: Int, y: Int) -> Drawn {
    get { cells[y * width + x] }
    set { cells[y * width + x] = newValue }
  }
  /// Columns `xs` of row `y`, without copying.
  func row(_ y: Int, _ xs: Range<Int>) -> ArraySlice<Drawn> {
    cells[(y * width + xs.lowerBound)..<(y * width + xs.upperBound)]
  }
}

/// A run of blanks on one row, between two cells (or a row's end).
struct BlankRun<Pen: Hashable> {
  /// The pens of the cells either side (nil at the row's ends, or for an erased blank).
  var left: Pen?
  var right: Pen?
  var length: Int
  /// Whether the cells either side differ from the last frame (true with no last frame).
  var leftChanged: Bool
  var rightChanged: Bool

  /// Gaps of up to this many blanks between two differently styled cells take a side's pen.
  static var shortGap: Int { 3 }
  /// Cells that were text and are blank now are sent whatever pen they take: up to this many
  /// take a neighbour's pen rather than a switch to the default and back, which costs more
  /// than the spaces.
  static var newlyBlank: Int { 12 }
  /// Unchanged cells up to this many between two that are sent, ncurses writes through.
  static var writtenThrough: Int { 6 }

  /// What a run's blanks are drawn in.
  enum Pens: Equatable {
    /// Every blank in one pen (nil: left erased).
    case all(Pen?)
    /// Every blank keeps what it had in the last frame: unchanged, nothing is sent.
    case keep
    /// One pen for each blank.
    case each([Pen?])
  }

  /// The pens for the run, given what the last frame left in each of its cells (nil with no
  /// last frame).
  func pens<History: Collection<DrawnFrame<Pen>.Drawn>>(history: History?) -> Pens
  where History.Index == Int {
    // Between two cells that are sent (or on a first frame), a short gap or one between two
    // cells of one pen is written through in the left pen: no switching around a few spaces.
    if leftChanged && rightChanged, let left, right != nil,
      length <= Self.shortGap || right == left
    {
      return .all(left)
    }
    // First frame: longer gaps stay erased.
    guard let history else { return .all(nil) }
    // Blanks that were blank then too keep what they had: unchanged, nothing is sent.
    guard history.contains(.glyph) else { return .keep }
    // Blanks that were text are sent anyway. Many are erased in one go, with the whole run so
    // no stray pens are left between them; a few take the pen ncurses is in around them (the
    // left one's when it is sent, else the right one's), and so do the unchanged blanks
    // ncurses writes through rather than jump over, between them and a changed neighbour.
    // With neither neighbour sent, ncurses jumps in from elsewhere: a pen switch and the
    // spaces cost more than a reset and one erase sequence once there are a few of them.
    let start = history.startIndex
    let newly = history.indices.filter { history[$0] == .glyph }.map { $0 - start }
    let limit = leftChanged || rightChanged ? Self.newlyBlank : Self.shortGap
    guard newly.count <= limit,
      let near = leftChanged ? (left ?? right) : rightChanged ? (right ?? left) : (left ?? right)
    else { return .all(nil) }
    var pens = history.map(\.pen)
    for i in newly { pens[i] = near }
    let sent = (leftChanged ? [-1] : []) + newly + (rightChanged ? [length] : [])
    for (a, b) in zip(sent, sent.dropFirst()) where b - a - 1 <= Self.writtenThrough {
      for i in (a + 1)..<b { pens[i] = near }
    }
    return .each(pens)
  }
}
