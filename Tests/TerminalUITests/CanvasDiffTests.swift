import TestSupport
import Testing

@testable import TerminalUI

/// Random canvases drawn the way views draw: text (narrow, wide, combining) and fills in
/// random styles, over each other.
func randomCanvas(_ size: Size, using random: inout SeededRandom) -> Canvas {
  let glyphs: [Character] = ["a", "Z", " ", " ", "─", "●", "中", "🙂", "e\u{301}", "│", "█"]
  let colors: [Color] = [.default, .index(1), .index(4), .index(31), .index(235), .index(250)]
  func style() -> Style {
    Style(
      fg: colors.randomElement(using: &random)!, bg: colors.randomElement(using: &random)!,
      attrs: Attributes(rawValue: UInt8.random(in: 0..<32, using: &random)))
  }
  var canvas = Canvas(size: size)
  for _ in 0..<Int.random(in: 0...12, using: &random) {
    let x = Int.random(in: -2..<size.width, using: &random)
    let y = Int.random(in: 0..<size.height, using: &random)
    if Bool.random(using: &random) {
      let text = String(
        (0..<Int.random(in: 1...10, using: &random)).map { _ in
          glyphs.randomElement(using: &random)!
        })
      canvas.put(text, x: x, y: y, style: style())
    } else {
      let rect = Rect(
        x: x, y: y, width: Int.random(in: 1...8, using: &random),
        height: Int.random(in: 1...3, using: &random))
      canvas.fill(rect, glyph: Bool.random(using: &random) ? " " : "·", style: style())
    }
  }
  return canvas
}

struct CanvasDiffTests {
  @Test func applyingTheDiffOfTwoCanvasesToTheFirstGivesTheSecond() {
    var random = SeededRandom(seed: 14)
    for _ in 0..<2000 {
      let size = Size(
        width: Int.random(in: 1...12, using: &random), height: Int.random(in: 1...4, using: &random)
      )
      let a = randomCanvas(size, using: &random)
      let b = randomCanvas(size, using: &random)
      var screen = a
      screen.apply(Canvas.diff(a, b))
      #expect(screen.looksSame(as: b), "a:\n\(a.snapshot())\nb:\n\(b.snapshot())")
    }
  }

  @Test func aRepaintOnAnErasedScreenGivesTheCanvas() {
    var random = SeededRandom(seed: 41)
    for _ in 0..<500 {
      let b = randomCanvas(Size(width: 10, height: 3), using: &random)
      var updates: [CellUpdate] = []
      Canvas.repaint(b, into: &updates)
      var screen = Canvas(size: b.size)
      screen.apply(updates)
      #expect(screen.looksSame(as: b))
      // Different sizes: the diff is the repaint.
      #expect(Canvas.diff(Canvas(size: Size(width: 3, height: 3)), b) == updates)
    }
  }

  @Test func theDiffListsOnlyCellsThatLookDifferent() {
    var random = SeededRandom(seed: 7)
    for _ in 0..<500 {
      let a = randomCanvas(Size(width: 9, height: 3), using: &random)
      let b = randomCanvas(Size(width: 9, height: 3), using: &random)
      for u in Canvas.diff(a, b) {
        #expect(!b[u.x, u.y].looksSame(as: a[u.x, u.y]))
        #expect(b[u.x, u.y].width != 0)
      }
      #expect(Canvas.diff(b, b).isEmpty)
    }
  }

  @Test func aBlankThatShowsNoForegroundLooksTheSameInAnyForeground() {
    var a = Canvas(size: Size(width: 6, height: 1))
    var b = a
    a.fill(Rect(x: 0, y: 0, width: 6, height: 1), style: Style(fg: .index(1), attrs: .bold))
    b.fill(Rect(x: 0, y: 0, width: 6, height: 1), style: Style(fg: .index(2), attrs: .italic))
    #expect(Canvas.diff(a, b).isEmpty)
    // A background, reverse video or an underline shows: those are sent.
    b.fill(Rect(x: 0, y: 0, width: 1, height: 1), style: Style(bg: .index(4)))
    b.fill(Rect(x: 1, y: 0, width: 1, height: 1), style: Style(fg: .index(2), attrs: .reverse))
    b.fill(Rect(x: 2, y: 0, width: 1, height: 1), style: Style(attrs: .underline))
    #expect(Canvas.diff(a, b).map(\.x) == [0, 1, 2])
    // Two blanks on one background, foregrounds apart: the same.
    var c = Canvas(size: Size(width: 1, height: 1))
    var d = c
    c.fill(c.bounds, style: Style(fg: .index(1), bg: .index(4)))
    d.fill(d.bounds, style: Style(fg: .index(3), bg: .index(4)))
    #expect(Canvas.diff(c, d).isEmpty)
  }

  @Test func aWideGlyphIsSentOnceAndWhatItCoversIsSentWhenItGoes() {
    var a = Canvas(size: Size(width: 6, height: 1))
    a.put("ab中d", x: 0, y: 0)
    var b = Canvas(size: Size(width: 6, height: 1))
    b.put("ab中d", x: 0, y: 0)
    #expect(Canvas.diff(a, b).isEmpty)
    // Moved one cell right: the lead is sent, its continuation never.
    var c = Canvas(size: Size(width: 6, height: 1))
    c.put("abx中d", x: 0, y: 0)
    #expect(Canvas.diff(a, c).map(\.x) == [2, 3, 5])
    #expect(Canvas.diff(a, c).first { $0.x == 3 }?.cell.width == 2)
    // Replaced by narrow text: both halves are sent.
    var d = Canvas(size: Size(width: 6, height: 1))
    d.put("abxyd", x: 0, y: 0)
    #expect(Canvas.diff(a, d).map(\.x) == [2, 3])
    // The same wide glyph in another style: its lead only.
    var e = Canvas(size: Size(width: 6, height: 1))
    e.put("ab", x: 0, y: 0)
    e.put("中", x: 2, y: 0, style: Style(fg: .index(1)))
    e.put("d", x: 4, y: 0)
    #expect(Canvas.diff(a, e).map(\.x) == [2])
  }
}

/// A backend that records exactly what it is asked to write.
@MainActor
final class RecordingBackend: TerminalBackend {
  var size = Size(width: 8, height: 2)
  let capabilities = Capabilities.full
  var flushes: [(updates: [CellUpdate], erase: Bool)] = []
  var invalidations = 0
  func flush(_ updates: [CellUpdate], of canvas: Canvas, erase: Bool) {
    flushes.append((updates, erase))
  }
  func invalidate() { invalidations += 1 }
  func waitForEvents(timeout: Double?) -> [Event] { [] }
  func now() -> Double { 0 }
}

@MainActor
struct TerminalTests {
  @Test func theBackendGetsExactlyTheChangedCellsAndNothingForAnEqualFrame() {
    let backend = RecordingBackend()
    let terminal = Terminal(backend: backend)
    terminal.draw(size: backend.size) { $0.put("hello", x: 0, y: 0) }
    #expect(backend.flushes.count == 1 && backend.flushes[0].erase)
    #expect(backend.flushes[0].updates.map(\.cell.glyph) == ["h", "e", "l", "l", "o"])
    terminal.draw(size: backend.size) { $0.put("hello", x: 0, y: 0) }
    #expect(backend.flushes.count == 1, "an equal frame sends nothing")
    terminal.draw(size: backend.size) { $0.put("help", x: 0, y: 0) }
    #expect(backend.flushes.count == 2 && !backend.flushes[1].erase)
    #expect(
      backend.flushes[1].updates
        == [CellUpdate(x: 3, y: 0, cell: Cell("p")), CellUpdate(x: 4, y: 0, cell: Cell(" "))])
  }

  @Test func invalidateAndAResizeRepaintFromAnErasedScreen() {
    let backend = RecordingBackend()
    let terminal = Terminal(backend: backend)
    terminal.draw(size: backend.size) { $0.put("ab", x: 0, y: 1) }
    terminal.invalidate()
    #expect(backend.invalidations == 1)
    terminal.draw(size: backend.size) { $0.put("ab", x: 0, y: 1) }
    #expect(backend.flushes.count == 2 && backend.flushes[1].erase)
    #expect(backend.flushes[1].updates == backend.flushes[0].updates)
    // A new size: erased and repainted, even with nothing but blanks to draw.
    terminal.draw(size: Size(width: 4, height: 1)) { _ in }
    #expect(backend.flushes.count == 3 && backend.flushes[2].erase)
    #expect(backend.flushes[2].updates.isEmpty)
  }

  /// A canvas drawn ahead is sent with the cells worked out for it while the screen is still
  /// the one they were worked out against; after another frame, an invalidation or at
  /// another size it is diffed anew (the cells handed in are ignored).
  @Test func aFrameWorkedOutAheadSendsItsCellsOnlyWhileTheScreenIsTheSame() {
    let backend = RecordingBackend()
    let terminal = Terminal(backend: backend)
    terminal.draw(size: backend.size) { $0.put("ab", x: 0, y: 0) }
    var ahead = Canvas(size: backend.size)
    ahead.put("ax", x: 0, y: 0)
    let worked = Canvas.diff(terminal.previous, ahead)
    #expect(worked == [CellUpdate(x: 1, y: 0, cell: Cell("x"))])
    // Cells no diff would give, to tell which were sent.
    let marked = [CellUpdate(x: 5, y: 1, cell: Cell("M"))]
    let after = terminal.flushes
    terminal.take(ahead)
    #expect(terminal.current == ahead)
    #expect(terminal.diff(prepared: marked, after: after) == marked)
    terminal.flush(marked)
    #expect(backend.flushes.last?.updates == marked && backend.flushes.last?.erase == false)
    #expect(terminal.flushes == after + 1)
    // The screen moved on: the same cells are not taken again.
    terminal.take(ahead)
    #expect(terminal.diff(prepared: marked, after: after) == [])
    terminal.invalidate()
    terminal.take(ahead)
    #expect(
      terminal.diff(prepared: marked, after: terminal.flushes)
        == Canvas.diff(Canvas(size: backend.size), ahead))
    terminal.flush(terminal.diff(prepared: marked, after: terminal.flushes))
    #expect(backend.flushes.last?.erase == true)
    let small = Canvas(size: Size(width: 4, height: 1))
    terminal.take(small)
    #expect(terminal.diff(prepared: marked, after: terminal.flushes) == [])
  }

  @Test func theCanvasesAreReusedNotReallocated() {
    let backend = RecordingBackend()
    let terminal = Terminal(backend: backend)
    terminal.draw(size: backend.size) { $0.put("a", x: 0, y: 0) }
    terminal.draw(size: backend.size) { $0.put("b", x: 0, y: 0) }
    let storage = terminal.previous.cells.withUnsafeBufferPointer { $0.baseAddress }
    terminal.draw(size: backend.size) { $0.put("c", x: 0, y: 0) }
    terminal.draw(size: backend.size) { $0.put("d", x: 0, y: 0) }
    #expect(terminal.previous.cells.withUnsafeBufferPointer { $0.baseAddress } == storage)
  }
}
