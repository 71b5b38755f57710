import TerminalUI
import TestSupport
import Testing

@testable import NcursesTerminal

/// A model of an xterm-like screen that understands exactly the bytes the test codes use
/// (cursor moves, clear, SGR, UTF-8 text with auto-margins and the xenl pending wrap) and
/// fails on anything else, so the writer's bytes can be replayed and the screen compared
/// with the canvas.
struct ModelScreen {
  struct Pen: Equatable {
    var fg: Int32 = -1
    var bg: Int32 = -1
    var attrs: Attributes = []
  }
  struct Shown: Equatable {
    var glyph: String = " "
    var width = 1
    var pen = Pen()
  }
  let width: Int
  let height: Int
  var cells: [Shown]
  var x = 0
  var y = 0
  var pen = Pen()
  var problems: [String] = []

  init(width: Int, height: Int) {
    self.width = width
    self.height = height
    cells = Array(repeating: Shown(), count: width * height)
  }

  subscript(x: Int, y: Int) -> Shown { cells[y * width + x] }

  mutating func play(_ bytes: [UInt8]) {
    var i = 0
    var text: [UInt8] = []
    func flushText(_ s: inout ModelScreen) {
      guard !text.isEmpty else { return }
      for ch in String(decoding: text, as: UTF8.self) { s.print(ch) }
      text.removeAll()
    }
    while i < bytes.count {
      if bytes[i] != 0x1B {
        if bytes[i] < 0x20 { problems.append("control byte \(bytes[i])") }
        text.append(bytes[i])
        i += 1
        continue
      }
      flushText(&self)
      guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") else {
        problems.append("ESC not followed by [")
        return
      }
      var j = i + 2
      while j < bytes.count, !(0x40...0x7E).contains(bytes[j]) { j += 1 }
      guard j < bytes.count else {
        problems.append("unfinished sequence")
        return
      }
      let params = String(decoding: bytes[(i + 2)..<j], as: UTF8.self)
        .split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
      switch bytes[j] {
      case UInt8(ascii: "C"):
        x += max(1, params.first ?? 1)
        if x >= width { problems.append("moved past the right edge") }
      case UInt8(ascii: "H"):
        y = max(1, params.first ?? 1) - 1
        x = max(1, params.count > 1 ? params[1] : 1) - 1
      case UInt8(ascii: "J") where params == [2]:
        cells = Array(
          repeating: Shown(glyph: " ", width: 1, pen: Pen(bg: pen.bg)), count: cells.count)
      case UInt8(ascii: "m"): sgr(params)
      default: problems.append("unknown sequence \(params) \(bytes[j])")
      }
      i = j + 1
    }
    flushText(&self)
  }

  private mutating func sgr(_ params: [Int]) {
    var k = 0
    while k < params.count {
      switch params[k] {
      case 0: pen = Pen()
      case 1: pen.attrs.insert(.bold)
      case 2: pen.attrs.insert(.dim)
      case 3: pen.attrs.insert(.italic)
      case 4: pen.attrs.insert(.underline)
      case 7: pen.attrs.insert(.reverse)
      case 38 where k + 2 < params.count:
        pen.fg = Int32(params[k + 2])
        k += 2
      case 48 where k + 2 < params.count:
        pen.bg = Int32(params[k + 2])
        k += 2
      default: problems.append("unknown SGR \(params[k])")
      }
      k += 1
    }
  }

  private mutating func print(_ ch: Character) {
    let w = CharWidth.of(ch)
    if x >= width || x + w > width {
      // The pending wrap (xenl): the next character goes to the next row's start.
      x = 0
      y += 1
    }
    guard y < height else {
      problems.append("the screen scrolled")
      y = height - 1
      return
    }
    cells[y * width + x] = Shown(glyph: String(ch), width: w, pen: pen)
    if w == 2 { cells[y * width + x + 1] = Shown(glyph: "", width: 0, pen: pen) }
    x += w
  }
}

struct ScreenWriterTests {
  static let codes = ScreenCodes(
    move: .ansi, clear: Array("\u{1B}[H\u{1B}[2J".utf8), reset: Array("\u{1B}[m".utf8),
    attributes: [
      (.bold, Array("\u{1B}[1m".utf8)), (.dim, Array("\u{1B}[2m".utf8)),
      (.underline, Array("\u{1B}[4m".utf8)), (.reverse, Array("\u{1B}[7m".utf8)),
      (.italic, Array("\u{1B}[3m".utf8)),
    ],
    foreground: { Array("\u{1B}[38;5;\($0)m".utf8) },
    background: { Array("\u{1B}[48;5;\($0)m".utf8) },
    lastCellScrolls: false, utf8: true)

  static func number(_ c: Color) -> Int32 {
    if case .index(let i) = c { return Int32(i) }
    return -1
  }

  /// The bytes that draw every cell of `canvas` (on an erased screen with `erase`).
  static func repainted(_ canvas: Canvas, by writer: inout ScreenWriter, erase: Bool) -> [UInt8] {
    var updates: [CellUpdate] = []
    Canvas.repaint(canvas, into: &updates)
    var bytes: [UInt8] = []
    writer.encode(updates, of: canvas, size: canvas.size, erase: erase, into: &bytes)
    return bytes
  }

  static func writer(_ codes: ScreenCodes = codes) -> ScreenWriter {
    ScreenWriter(codes: codes, colors: { (number($0.fg), number($0.bg)) })
  }

  /// Whether the model screen shows what the canvas holds (blanks that show no foreground
  /// compared by background only, as `looksSame` does).
  static func mismatches(_ screen: ModelScreen, _ canvas: Canvas, skipping skip: (Int, Int)? = nil)
    -> [String]
  {
    var out: [String] = []
    for y in 0..<canvas.size.height {
      for x in 0..<canvas.size.width where skip.map({ $0 != (x, y) }) ?? true {
        let cell = canvas[x, y]
        let shown = screen[x, y]
        let pen = ModelScreen.Pen(
          fg: number(cell.style.fg), bg: number(cell.style.bg), attrs: cell.style.attrs)
        if cell.width == 0 {
          if shown.width != 0 { out.append("(\(x),\(y)) should continue a wide character") }
          continue
        }
        let blank = cell.glyph == " " && !cell.style.blankShowsForeground
        let sameLook =
          blank
          ? shown.glyph == " " && shown.pen.bg == pen.bg
            && shown.pen.attrs.isDisjoint(with: [.reverse, .underline])
          : shown.glyph == String(cell.glyph) && shown.pen == pen
        if !sameLook || shown.width != Int(cell.width) {
          out.append("(\(x),\(y)) shows \(shown) for \(cell)")
        }
      }
    }
    return out
  }

  static func randomCanvas(_ size: Size, using random: inout SeededRandom) -> Canvas {
    let glyphs: [Character] = ["a", "7", " ", " ", " ", "─", "▎", "中", "🙂", "e\u{301}", "·"]
    let colors: [Color] = [.default, .default, .index(1), .index(31), .index(235)]
    var canvas = Canvas(size: size)
    for _ in 0..<Int.random(in: 0...10, using: &random) {
      let style = Style(
        fg: colors.randomElement(using: &random)!, bg: colors.randomElement(using: &random)!,
        attrs: Attributes(rawValue: UInt8.random(in: 0..<32, using: &random)))
      let x = Int.random(in: -1..<size.width, using: &random)
      let y = Int.random(in: 0..<size.height, using: &random)
      if Bool.random(using: &random) {
        let text = String(
          (0..<Int.random(in: 1...9, using: &random)).map { _ in
            glyphs.randomElement(using: &random)!
          })
        canvas.put(text, x: x, y: y, style: style)
      } else {
        let rect = Rect(
          x: x, y: y, width: Int.random(in: 1...7, using: &random),
          height: Int.random(in: 1...3, using: &random))
        canvas.fill(rect, style: style)
      }
    }
    return canvas
  }

  @Test func replayedFramesShowTheCanvasCellForCell() {
    var random = SeededRandom(seed: 2026)
    var bytes: [UInt8] = []
    for round in 0..<1500 {
      let size = Size(
        width: Int.random(in: 1...14, using: &random), height: Int.random(in: 1...5, using: &random)
      )
      var writer = Self.writer()
      var screen = ModelScreen(width: size.width, height: size.height)
      var shown = Canvas(size: size)
      var updates: [CellUpdate] = []
      // A first, erased frame, then a few diffed ones, on one model terminal.
      for frame in 0..<4 {
        let next = Self.randomCanvas(size, using: &random)
        if frame == 0 {
          Canvas.repaint(next, into: &updates)
        } else {
          Canvas.diff(shown, next, into: &updates)
        }
        writer.encode(updates, of: next, size: size, erase: frame == 0, into: &bytes)
        screen.play(bytes)
        #expect(screen.problems.isEmpty, "round \(round) frame \(frame): \(screen.problems)")
        let wrong = Self.mismatches(screen, next)
        #expect(wrong.isEmpty, "round \(round) frame \(frame): \(wrong.prefix(3))")
        if !screen.problems.isEmpty || !wrong.isEmpty { return }
        // Every frame leaves the terminal's pen plain.
        #expect(screen.pen == ModelScreen.Pen())
        shown = next
      }
    }
  }

  @Test func aFrameThatChangesNothingSendsNothingAndOneCellSendsAFewBytes() {
    var canvas = Canvas(size: Size(width: 40, height: 10))
    canvas.put("Weights 140 GB", x: 3, y: 4, style: Style(fg: .index(231), attrs: .bold))
    var writer = Self.writer()
    var bytes: [UInt8] = [1]
    writer.encode([], of: canvas, size: canvas.size, erase: false, into: &bytes)
    #expect(bytes.isEmpty)
    var next = canvas
    next.put("Weights 141 GB", x: 3, y: 4, style: Style(fg: .index(231), attrs: .bold))
    writer.encode(Canvas.diff(canvas, next), of: next, size: next.size, erase: false, into: &bytes)
    // Move to row 5 column 14, bold and white (nothing to turn off), "1", the pen reset.
    #expect(
      String(decoding: bytes, as: UTF8.self)
        == "\u{1B}[5;14H\u{1B}[1m\u{1B}[38;5;231m1\u{1B}[m")
  }

  @Test func aShortGapOfBlanksIsWrittenOverInTheSamePenAndALongOneIsJumped() {
    let bold = Style(fg: .index(231), attrs: .bold)
    var before = Canvas(size: Size(width: 30, height: 1))
    before.put("1  2", x: 0, y: 0, style: bold)
    before.put("3", x: 20, y: 0, style: bold)
    var after = before
    after.put("4  5", x: 0, y: 0, style: bold)
    after.put("6", x: 20, y: 0, style: bold)
    var writer = Self.writer()
    var bytes: [UInt8] = []
    writer.encode(
      Canvas.diff(before, after), of: after, size: after.size, erase: false, into: &bytes)
    // "4", the two unchanged blanks (plain, but they look the same in bold white), "5"; then
    // a jump over the long gap to "6" in the pen already set.
    #expect(
      String(decoding: bytes, as: UTF8.self)
        == "\u{1B}[1;1H\u{1B}[1m\u{1B}[38;5;231m4  5\u{1B}[16C6\u{1B}[m")
    // A blank that shows its pen (underlined) is never written over in another pen.
    after.put(" ", x: 1, y: 0, style: Style(attrs: .underline))
    before.put(" ", x: 1, y: 0, style: Style(attrs: .underline))
    writer.encode(
      Canvas.diff(before, after), of: after, size: after.size, erase: false, into: &bytes)
    var screen = ModelScreen(width: 30, height: 1)
    screen.play(Self.repainted(before, by: &writer, erase: true))
    screen.play(bytes)
    #expect(screen.problems.isEmpty)
    #expect(Self.mismatches(screen, after).isEmpty)
  }

  @Test func theBottomRightCellIsLeftOutWhereWritingItWouldScroll() {
    var codes = Self.codes
    codes.lastCellScrolls = true
    var writer = Self.writer(codes)
    var canvas = Canvas(size: Size(width: 4, height: 2))
    canvas.put("abcd", x: 0, y: 1, style: .plain)
    canvas.put("中", x: 2, y: 0, style: .plain)
    var screen = ModelScreen(width: 4, height: 2)
    screen.play(Self.repainted(canvas, by: &writer, erase: true))
    #expect(screen.problems.isEmpty)
    #expect(Self.mismatches(screen, canvas, skipping: (3, 1)).isEmpty)
    #expect(screen[3, 1].glyph == " ")
  }

  @Test func controlCharactersAndNonASCIIWithoutUTF8NeverReachTheTerminal() {
    var codes = Self.codes
    codes.utf8 = false
    var writer = Self.writer(codes)
    var canvas = Canvas(size: Size(width: 6, height: 1))
    canvas.put("a", x: 0, y: 0, style: .plain)
    canvas.put("\u{7}", x: 1, y: 0, style: .plain)
    canvas.put("é", x: 2, y: 0, style: .plain)
    let bytes = Self.repainted(canvas, by: &writer, erase: false)
    #expect(!bytes.contains(7))
    #expect(bytes.allSatisfy { $0 < 0x80 })
  }

  @Test func everyGlyphGoesOutAsItsExactBytesInlineOrLong() {
    // One byte, two, three, four, an 8-byte cluster (the most kept inline), a 9-byte one and
    // a 25-byte one (kept long), and a decomposed spelling (sent as spelled, not composed).
    let glyphs: [Character] = [
      "a", "é", "─", "🙂", "🇫🇷", "e\u{301}\u{302}\u{303}\u{304}", "👨‍👩‍👧‍👦", "e\u{301}",
    ]
    for g in glyphs {
      var canvas = Canvas(size: Size(width: 4, height: 1))
      canvas.put(g, x: 0, y: 0, style: .plain)
      var writer = Self.writer()
      let bytes = Self.repainted(canvas, by: &writer, erase: false)
      #expect(
        bytes == Array("\u{1B}[1;1H".utf8) + Array(g.utf8), "\(g.unicodeScalars.map(\.value))")
    }
  }
}

struct TerminfoPaddingTests {
  @Test func paddingDelaysAreLeftOutAndEverythingElseKept() {
    #expect(ScreenCodes.withoutPadding("\u{1B}[%i%p1%d;%p2%dH$<5>") == "\u{1B}[%i%p1%d;%p2%dH")
    #expect(ScreenCodes.withoutPadding("\u{1B}[m\u{0F}$<2>") == "\u{1B}[m\u{0F}")
    #expect(ScreenCodes.withoutPadding("$<2.5*/>\u{1B}[1m$<2>") == "\u{1B}[1m")
    #expect(ScreenCodes.withoutPadding("cost $<n> is text") == "cost $<n> is text")
    #expect(ScreenCodes.withoutPadding("\u{1B}[H") == "\u{1B}[H")
  }
}
