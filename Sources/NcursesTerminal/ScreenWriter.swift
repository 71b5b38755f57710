import TerminalUI

/// The control strings a terminal is driven with, read from its terminfo entry once
/// (`TerminfoCodes.live()`), or written out by hand in tests.
struct ScreenCodes: Sendable {
  /// How the cursor is moved to a cell.
  enum Move: Sendable {
    /// `ESC [ row+1 ; col+1 H`, the form of every xterm-like `cup`, written without terminfo.
    case ansi
    /// Any other `cup`: expanded by the given function (row, column) each time.
    case expand(@Sendable (Int, Int) -> [UInt8])
  }
  var move: Move
  /// Clears the screen and homes the cursor (`clear`).
  var clear: [UInt8]
  /// Every attribute and colour off (`sgr0`).
  var reset: [UInt8]
  /// Attribute on-strings (`bold`, `dim`, `smul`, `rev`, `sitm`); empty where the terminal
  /// has none, so the attribute is not drawn (as ncurses does).
  var attributes: [(Attributes, [UInt8])]
  /// The foreground / background colour strings for a terminal colour number (`setaf`,
  /// `setab`); never asked for -1 (the default, which `reset` restores).
  var foreground: @Sendable (Int32) -> [UInt8]
  var background: @Sendable (Int32) -> [UInt8]
  /// Writing the bottom-right cell scrolls the screen (`am` without `xenl`): it is left out.
  var lastCellScrolls: Bool
  /// Glyphs go out as UTF-8; otherwise only ASCII, anything else as `?`.
  var utf8: Bool
}

/// Turns the cell updates of a frame into the bytes that draw them: a cursor move only where
/// the next cell is not where the last one left the cursor, a pen change only where the next
/// cell looks different in the current pen, and the pen reset at the end, so that every
/// frame starts from the terminal's plain pen. Pure (the terminal is not touched), so it is
/// tested by replaying its bytes on a model screen.
struct ScreenWriter {
  let codes: ScreenCodes
  /// The terminal colours (-1 default) a style is drawn in.
  let colors: (Style) -> (fg: Int32, bg: Int32)
  private var pens: [Style: [UInt8]] = [:]

  init(codes: ScreenCodes, colors: @escaping (Style) -> (fg: Int32, bg: Int32)) {
    self.codes = codes
    self.colors = colors
  }

  /// The bytes that make a screen of `size` showing what `updates` were diffed against show
  /// `canvas` (after clearing it first with `erase`). `out` is emptied first.
  mutating func encode(
    _ updates: [CellUpdate], of canvas: Canvas, size: Size, erase: Bool, into out: inout [UInt8]
  ) {
    out.removeAll(keepingCapacity: true)
    var cursor: (x: Int, y: Int)? = nil
    var pen = Style.plain
    if erase {
      out += codes.reset
      out += codes.clear
      cursor = (0, 0)
    }
    let cols = size.width
    let rows = size.height
    for u in WriteThrough.bridged(updates, in: canvas) where u.x < cols && u.y < rows {
      var cell = u.cell
      if cell.width == 0 { continue }
      if cell.width == 2 && u.x + 1 >= cols { cell = Cell(" ", style: cell.style) }
      if codes.lastCellScrolls && u.y == rows - 1 && u.x + Int(cell.width) >= cols { continue }
      if cursor.map({ $0 != (u.x, u.y) }) ?? true { moveCursor(to: u.x, u.y, into: &out) }
      if cell.style != pen && !(cell.isPlainBlank && Self.blank(in: cell.style, looksSameIn: pen)) {
        out += codes.reset
        out += sgr(cell.style)
        pen = cell.style
      }
      appendGlyph(cell.glyph, into: &out)
      // After a wide character the terminal's idea of its width decides where the cursor is:
      // the next cell gets an explicit move. At the right edge the cursor waits to wrap.
      let next = u.x + Int(cell.width)
      cursor = cell.width == 2 || next >= cols ? nil : (next, u.y)
    }
    if pen != .plain { out += codes.reset }
  }

  /// A blank drawn in `pen` looks like a blank in `style`: same background, and neither
  /// shows its foreground.
  static func blank(in style: Style, looksSameIn pen: Style) -> Bool {
    style.bg == pen.bg && !style.blankShowsForeground && !pen.blankShowsForeground
  }

  private mutating func sgr(_ style: Style) -> [UInt8] {
    if let known = pens[style] { return known }
    var bytes: [UInt8] = []
    for (a, on) in codes.attributes where style.attrs.contains(a) { bytes += on }
    let (fg, bg) = colors(style)
    if fg >= 0 { bytes += codes.foreground(fg) }
    if bg >= 0 { bytes += codes.background(bg) }
    pens[style] = bytes
    return bytes
  }

  private func moveCursor(to x: Int, _ y: Int, into out: inout [UInt8]) {
    switch codes.move {
    case .ansi:
      out.append(0x1B)
      out.append(UInt8(ascii: "["))
      Self.appendDecimal(y + 1, into: &out)
      out.append(UInt8(ascii: ";"))
      Self.appendDecimal(x + 1, into: &out)
      out.append(UInt8(ascii: "H"))
    case .expand(let f):
      out += f(y, x)
    }
  }

  static func appendDecimal(_ n: Int, into out: inout [UInt8]) {
    if n >= 10 { appendDecimal(n / 10, into: &out) }
    out.append(UInt8(ascii: "0") + UInt8(n % 10))
  }

  private func appendGlyph(_ glyph: Character, into out: inout [UInt8]) {
    if let a = glyph.asciiValue {
      // A control character would move the cursor or worse: it is never sent.
      out.append(a >= 0x20 && a < 0x7F ? a : UInt8(ascii: "?"))
    } else if codes.utf8 {
      out += glyph.utf8
    } else {
      out.append(UInt8(ascii: "?"))
    }
  }
}

extension Cell {
  fileprivate var isPlainBlank: Bool { width == 1 && glyph == " " }
}
