import TestSupport
import Testing

@testable import TerminalUI

/// A patch takes a rect's cells and puts them back as if they had been drawn there, and never
/// leaves half a wide character behind.
struct CanvasPatchTests {
  /// Every lead cell (width 2) is followed by its continuation (width 0) and every
  /// continuation follows a lead, on every row.
  static func wideCharactersWhole(_ c: Canvas) -> Bool {
    for y in 0..<c.size.height {
      for x in 0..<c.size.width {
        let w = c[x, y].width
        if w == 2, x + 1 >= c.size.width || c[x + 1, y].width != 0 { return false }
        if w == 0, x == 0 || c[x - 1, y].width != 2 { return false }
      }
    }
    return true
  }

  /// Two random canvases of one random size of at most `width` by `height`.
  static func randomPair(
    width: Int, height: Int, using random: inout SeededRandom
  ) -> (Canvas, Canvas) {
    let size = Size(
      width: Int.random(in: 1...width, using: &random),
      height: Int.random(in: 1...height, using: &random))
    return (randomCanvas(size, using: &random), randomCanvas(size, using: &random))
  }

  static func randomRect(in size: Size, using random: inout SeededRandom) -> Rect {
    Rect(
      x: Int.random(in: -3...size.width, using: &random),
      y: Int.random(in: -3...size.height, using: &random),
      width: Int.random(in: 0...size.width + 3, using: &random),
      height: Int.random(in: 0...size.height + 3, using: &random))
  }

  /// Inside the rect the cells are the patch's, outside it the canvas's, except for the
  /// halves of wide characters the rect's edges cut (blanks in their own style).
  @Test func aPatchPutsItsCellsBackAndKeepsWideCharactersWhole() {
    var random = SeededRandom(seed: 61)
    for round in 0..<1500 {
      let (source, target) = Self.randomPair(width: 14, height: 5, using: &random)
      let size = source.size
      let patch = CanvasPatch(of: Self.randomRect(in: size, using: &random), in: source)
      #expect(patch.rect == patch.rect.intersection(source.bounds), "round \(round)")
      var result = target
      result.apply(patch)
      #expect(Self.wideCharactersWhole(result), "round \(round)")
      let r = patch.rect
      for y in 0..<size.height {
        for x in 0..<size.width {
          let got = result[x, y]
          let inside = r.contains(Point(x: x, y: y))
          let expected = inside ? source[x, y] : target[x, y]
          if got == expected { continue }
          // Only a cut half may differ: a blank with the style it had.
          #expect(got.glyph == " " && got.width == 1, "round \(round) at \(x),\(y)")
          #expect(got.style == expected.style, "round \(round) at \(x),\(y)")
          let edge = inside ? (x == r.x || x == r.maxX - 1) : (x == r.x - 1 || x == r.maxX)
          #expect(edge && (expected.width == 0 || expected.width == 2), "round \(round)")
        }
      }
    }
  }

  /// A patch of a whole canvas put on another canvas of its size makes that canvas the first.
  @Test func aWholeCanvasPatchIsThatCanvas() {
    var random = SeededRandom(seed: 62)
    for _ in 0..<300 {
      let (source, other) = Self.randomPair(width: 20, height: 6, using: &random)
      var target = other
      target.apply(CanvasPatch(of: source.bounds, in: source))
      #expect(target == source)
    }
  }

  /// The cells drawn on a canvas of the rect's size, put at the rect, are those cells there.
  @Test func cellsDrawnElsewhereGoWhereTheyAreSent() {
    var small = Canvas(size: Size(width: 4, height: 2))
    small.put("ab中", x: 0, y: 0, style: Style(fg: .index(4)))
    small.put("xy", x: 1, y: 1)
    var big = Canvas(size: Size(width: 10, height: 4))
    big.fill(big.bounds, glyph: "·")
    big.apply(CanvasPatch(small, x: 5, y: 1))
    #expect(big.line(0) == "··········")
    #expect(big.line(1) == "·····ab中·")
    #expect(big.line(2) == "····· xy ·")  // the patch's blanks too: it is the whole rect
    #expect(big[7, 1].style == Style(fg: .index(4)))
    #expect(big[7, 1].width == 2 && big[8, 1].width == 0)
  }

  /// A drawing that goes by its rect alone, drawn as a patch at a rect and put there, is the
  /// drawing made there, on a canvas where the rect is blank (as every frame starts).
  @Test func aDrawingMadeAsAPatchIsTheDrawingMadeInPlace() {
    let rect = Rect(x: 7, y: 2, width: 16, height: 5)
    func draw(_ canvas: inout Canvas, _ area: Rect) {
      let inner = Panel("Trace · 中文").draw(into: &canvas, area: area, context: unicodeContext)
      canvas.put("L = E + A/N^α", x: inner.x, y: inner.y, style: Style(fg: .index(31)))
      canvas.put("🙂 wide at the edge", x: inner.maxX - 1, y: inner.y + 1, clip: inner)
    }
    var direct = Canvas(size: Size(width: 30, height: 9))
    direct.fill(direct.bounds, glyph: "·")
    direct.fill(rect)
    var patched = direct
    draw(&direct, rect)
    patched.apply(CanvasPatch(drawing: rect, draw))
    #expect(patched == direct)
  }

  /// A wide character the rect's edge cuts in the canvas loses its other half too; one the
  /// patch brings half of arrives as a blank.
  @Test func wideCharactersCutByTheEdgesBecomeBlanks() {
    var target = Canvas(size: Size(width: 8, height: 1))
    target.put("中", x: 1, y: 0, style: Style(fg: .index(1)))  // cells 1-2: the rect starts at 2
    target.put("文", x: 4, y: 0, style: Style(fg: .index(2)))  // cells 4-5: the rect ends at 4
    var source = Canvas(size: Size(width: 8, height: 1))
    source.put("ab", x: 2, y: 0)
    source.put("字", x: 4, y: 0)  // cells 4-5: the patch holds only its first half
    target.apply(CanvasPatch(of: Rect(x: 2, y: 0, width: 3, height: 1), in: source))
    #expect(target.line(0) == "  ab    ")
    #expect(target[1, 0].style == Style(fg: .index(1)))  // a cut half keeps its style
    #expect(target[5, 0].style == Style(fg: .index(2)))
    #expect(target[4, 0].width == 1)
    #expect(Self.wideCharactersWhole(target))
  }
}
