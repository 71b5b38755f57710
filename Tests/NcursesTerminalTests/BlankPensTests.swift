import Testing

@testable import NcursesTerminal

/// Which pen blanks are drawn in: whatever keeps ncurses from switching pens or resending
/// cells, since a blank looks the same in any pen without a background.
struct BlankPensTests {
  typealias Run = BlankRun<String>
  typealias Drawn = DrawnFrame<String>.Drawn
  /// No last frame (the first frame, or the first after a resize).
  let none: [Drawn]? = nil

  func run(
    _ left: String?, _ right: String?, length: Int, leftChanged: Bool = true,
    rightChanged: Bool = true
  ) -> Run {
    Run(
      left: left, right: right, length: length, leftChanged: leftChanged,
      rightChanged: rightChanged)
  }

  @Test func firstFrameShortGapTakesTheLeftPenAndLongGapsStayErased() {
    #expect(run("a", "b", length: 3).pens(history: none) == .all("a"))
    #expect(run("a", "b", length: 4).pens(history: none) == .all(nil))
    // Between two cells of one pen, however long.
    #expect(run("a", "a", length: 6).pens(history: none) == .all("a"))
    // At the row's end, or after an erased blank, there is nothing to carry over.
    #expect(run("a", nil, length: 2).pens(history: none) == .all(nil))
    #expect(run(nil, "b", length: 2).pens(history: none) == .all(nil))
  }

  @Test func blanksThatWereBlankKeepWhatTheyHadSoNothingIsSent() {
    let history: [Drawn] = [.erased, .blank("x"), .erased, .erased, .blank("y")]
    let r = run("a", "b", length: 5, leftChanged: false, rightChanged: true)
    #expect(r.pens(history: history) == .keep)
  }

  @Test func aShortGapBetweenTwoSentCellsIsWrittenThroughInTheLeftPen() {
    // Even when the gap held other pens: ncurses sends the cells around it anyway.
    let history: [Drawn] = [.blank("x"), .erased]
    #expect(run("a", "b", length: 2).pens(history: history) == .all("a"))
  }

  @Test func aFewNewlyBlankCellsTakeThePenNcursesIsIn() {
    // The text on the left changed: its pen is current when ncurses reaches the gap.
    let history: [Drawn] = [.blank("x"), .glyph, .erased, .erased, .erased, .erased, .erased]
    let afterLeft = run("a", "b", length: 7, leftChanged: true, rightChanged: false)
    // The unchanged blank between the changed text and the newly blank cell goes with them;
    // the blanks after it are left alone.
    #expect(afterLeft.pens(history: history) == .each(["a", "a", nil, nil, nil, nil, nil]))
    // Only the right side changed: ncurses jumps in and carries on into it.
    let beforeRight = run("a", "b", length: 3, leftChanged: false, rightChanged: true)
    #expect(beforeRight.pens(history: [.erased, .glyph, .erased]) == .each([nil, "b", "b"]))
  }

  @Test func isolatedNewlyBlankCellsAreErasedUnlessVeryFew() {
    // Neither neighbour is sent: ncurses jumps in, so a pen switch plus spaces only beats a
    // reset and one erase sequence for a very few.
    let r4 = run("a", "b", length: 4, leftChanged: false, rightChanged: false)
    #expect(r4.pens(history: Array(repeating: Drawn.glyph, count: 4)) == .all(nil))
    let r3 = run("a", "b", length: 3, leftChanged: false, rightChanged: false)
    #expect(r3.pens(history: Array(repeating: Drawn.glyph, count: 3)) == .each(["a", "a", "a"]))
  }

  @Test func aRunInTheMiddleOfARowReadsItsOwnCells() {
    var frame = DrawnFrame<String>(width: 6, height: 2)
    for x in 0..<6 { frame[x, 1] = .erased }
    frame[3, 1] = .glyph
    let r = run("a", "b", length: 3, leftChanged: true, rightChanged: false)
    #expect(r.pens(history: frame.row(1, 2..<5)) == .each(["a", "a", nil]))
  }

  @Test func manyNewlyBlankCellsAreErasedWithTheWholeRun() {
    // A paragraph gone: clearing in one go beats sending spaces, and no stray pens stay
    // between the words' old spaces.
    var history = Array(repeating: Drawn.glyph, count: 20)
    history[5] = .blank("a")
    history[11] = .blank("a")
    let r = run("a", "b", length: 20, leftChanged: false, rightChanged: false)
    #expect(r.pens(history: history) == .all(nil))
  }

  @Test func theFrameRemembersWhatEachCellHeld() {
    var frame = DrawnFrame<String>(width: 3, height: 2)
    #expect(frame[2, 1] == .glyph)
    frame[2, 1] = .blank("p")
    frame[0, 1] = .erased
    #expect(frame[2, 1].pen == "p")
    #expect(frame[0, 1].pen == nil)
    #expect(frame[1, 1] == .glyph)
  }
}
