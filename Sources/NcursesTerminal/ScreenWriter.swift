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
  private var foregrounds: [Int32: [UInt8]] = [:]
  private var backgrounds: [Int32: [UInt8]] = [:]

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
    var pen = Style.plain
    if erase {
      out += codes.reset
      out += codes.clear
    }
    let cols = size.width
    let rows = size.height
    // The cursor as (x, y), x = -1 where unknown.
    var cx = erase ? 0 : -1
    var cy = 0
    for u in updates where u.x < cols && u.y < rows {
      let width = Int(u.cell.width)
      if width == 0 { continue }
      let style = u.cell.style
      var ascii = u.cell.packedGlyph.asciiByte
      let tooWide = width == 2 && u.x + 1 >= cols
      if tooWide { ascii = 0x20 }
      if codes.lastCellScrolls && u.y == rows - 1 && u.x + (tooWide ? 1 : width) >= cols {
        continue
      }
      if cy == u.y, cx >= 0, cx < u.x {
        // A short gap of unchanged cells that look like blanks in the current pen is written
        // over with spaces: cheaper than a cursor move, and no pen switch around it.
        if u.x - cx <= Self.bridgeLimit,
          (cx..<u.x).allSatisfy({ Self.isBlank(canvas[$0, u.y], drawnIn: pen) })
        {
          out.append(contentsOf: repeatElement(0x20, count: u.x - cx))
          cx = u.x
        }
      }
      if cx != u.x || cy != u.y { moveCursor(to: u.x, u.y, from: cy == u.y ? cx : -1, into: &out) }
      if style != pen
        && !(ascii == 0x20 && (width == 1 || tooWide) && style.blanksLookSame(as: pen))
      {
        switchPen(from: pen, to: style, into: &out)
        pen = style
      }
      if let ascii {
        // A control character would move the cursor or worse: it is never sent.
        out.append(ascii >= 0x20 && ascii < 0x7F ? ascii : UInt8(ascii: "?"))
      } else if codes.utf8 {
        u.cell.packedGlyph.appendUTF8(to: &out)
      } else {
        out.append(UInt8(ascii: "?"))
      }
      // After a wide character the terminal's idea of its width decides where the cursor is:
      // the next cell gets an explicit move. At the right edge the cursor waits to wrap.
      let next = u.x + (tooWide ? 1 : width)
      if width == 2 && !tooWide || next >= cols {
        cx = -1
      } else {
        cx = next
        cy = u.y
      }
    }
    if pen != .plain { out += codes.reset }
  }

  /// From the pen in use to `style`'s: only the attributes and colours that change, or
  /// everything off and then `style`'s pen where something must be turned off (an attribute,
  /// or a colour back to the terminal's default).
  private mutating func switchPen(from pen: Style, to style: Style, into out: inout [UInt8]) {
    let (penFg, penBg) = colors(pen)
    let (fg, bg) = colors(style)
    if !pen.attrs.isSubset(of: style.attrs) || (penFg >= 0 && fg < 0) || (penBg >= 0 && bg < 0) {
      out += codes.reset
      out += sgr(style)
      return
    }
    let added = style.attrs.subtracting(pen.attrs)
    if !added.isEmpty {
      for (a, on) in codes.attributes where added.contains(a) { out += on }
    }
    if fg != penFg { out += foreground(fg) }
    if bg != penBg { out += background(bg) }
  }

  /// `style`'s whole pen, from the plain one.
  private mutating func sgr(_ style: Style) -> [UInt8] {
    if let known = pens[style] { return known }
    var bytes: [UInt8] = []
    for (a, on) in codes.attributes where style.attrs.contains(a) { bytes += on }
    let (fg, bg) = colors(style)
    if fg >= 0 { bytes += foreground(fg) }
    if bg >= 0 { bytes += background(bg) }
    pens[style] = bytes
    return bytes
  }

  private mutating func foreground(_ n: Int32) -> [UInt8] {
    if let known = foregrounds[n] { return known }
    let bytes = codes.foreground(n)
    foregrounds[n] = bytes
    return bytes
  }

  private mutating func background(_ n: Int32) -> [UInt8] {
    if let known = backgrounds[n] { return known }
    let bytes = codes.background(n)
    backgrounds[n] = bytes
    return bytes
  }

  /// To (x, y); `from` is the cursor's column when it is known to be on row y.
  private func moveCursor(to x: Int, _ y: Int, from: Int, into out: inout [UInt8]) {
    switch codes.move {
    case .ansi where from >= 0 && from < x:
      // Forward on the same row (`ESC [ n C`): shorter than the full address.
      out.append(0x1B)
      out.append(UInt8(ascii: "["))
      if x - from > 1 { Self.appendDecimal(x - from, into: &out) }
      out.append(UInt8(ascii: "C"))
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

  /// Gaps of up to this many unchanged cells between two sent ones are written over.
  static let bridgeLimit = 6

  /// A cell the screen shows that looks the same as a space drawn in `pen`.
  @inline(__always) static func isBlank(_ cell: Cell, drawnIn pen: Style) -> Bool {
    cell.width == 1 && cell.packedGlyph == .space && cell.style.blanksLookSame(as: pen)
  }

}
