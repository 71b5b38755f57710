import ForgeCore
import TerminalUI
import Testing

@testable import Instruments

/// A click on a real model's point picks it; the view and the hit-test share one frame.
struct ForgePlotMouseTests {
  typealias F = ForgePlotFixture
  let area = Rect(x: 0, y: 0, width: 80, height: 22)

  /// The cells of the chart showing a real model's glyph.
  func modelCells(_ canvas: Canvas, state: ForgePlotState) -> [Point] {
    let chart = ForgePlotPanel.frame(
      area: area, design: .seedDefault, state: state, context: F.unicode)!.chartArea
    let glyphs: Set<Character> = [
      ForgePlotMark.model.glyph(.unicode), ForgePlotMark.selectedModel.glyph(.unicode),
    ]
    return (chart.y..<chart.maxY).flatMap { y in
      (chart.x..<chart.maxX).compactMap { x in
        glyphs.contains(canvas[x, y].glyph) ? Point(x: x, y: y) : nil
      }
    }
  }

  @Test(arguments: ForgePlotState.Mode.allCases)
  func clickingAPointPicksTheModelDrawnThere(mode: ForgePlotState.Mode) {
    let start = ForgePlotState(mode: mode)
    let cells = modelCells(F.slot(area.width, area.height, state: start), state: start)
    #expect(cells.count >= 5)
    for cell in cells {
      var state = start
      let used = ForgePlotSlot.handle(
        MouseEvent(.press, x: cell.x, y: cell.y), area: area, design: .seedDefault,
        state: &state, context: F.unicode)
      #expect(used)
      let after = F.slot(area.width, area.height, state: state)
      #expect(after[cell.x, cell.y].glyph == ForgePlotMark.selectedModel.glyph(.unicode))
    }
  }

  @Test func clicksAwayFromPointsAndDragsAreNotUsed() {
    var state = ForgePlotState(selected: 2)
    let empty = MouseEvent(.press, x: 70, y: 3)
    #expect(
      !ForgePlotSlot.handle(
        empty, area: area, design: .seedDefault, state: &state, context: F.unicode))
    let cell = modelCells(F.slot(area.width, area.height, state: state), state: state)[0]
    #expect(
      !ForgePlotSlot.handle(
        MouseEvent(.drag, x: cell.x, y: cell.y), area: area, design: .seedDefault,
        state: &state, context: F.unicode))
    #expect(state == ForgePlotState(selected: 2))
  }

  @Test func theComparisonIsNotClickable() {
    var state = ForgePlotState(selected: 0, compareOpen: true)
    // At 80 columns the comparison takes the whole slot.
    for y in 0..<area.height {
      for x in 0..<area.width {
        #expect(
          !ForgePlotSlot.handle(
            MouseEvent(.press, x: x, y: y), area: area, design: .seedDefault, state: &state,
            context: F.unicode))
      }
    }
  }
}
