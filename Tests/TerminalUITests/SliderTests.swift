import SnapshotSupport
import Testing

@testable import TerminalUI

struct SliderTests {
  let compute = Slider("compute", stops: 11, value: 5, valueText: "10^25.0 FLOPs")

  @Test func drawsLabelTrackKnobAndValue() {
    let c = render(compute, width: 40, height: 1)
    // Track: 40 - marker 2 - label 7 - value 13 - gaps 4 = 14 columns; stop 5 of 0...10
    // sits at round(5 * 13 / 10) = 7.
    #expect(rows(c) == ["  compute  ───────●──────  10^25.0 FLOPs"])
  }

  @Test func asciiTrack() {
    let c = render(compute, width: 40, height: 1, context: asciiContext)
    #expect(rows(c) == ["  compute  -------O------  10^25.0 FLOPs"])
  }

  @Test func trackRectAndEnds() {
    let area = Rect(x: 0, y: 3, width: 40, height: 1)
    #expect(compute.trackRect(in: area) == Rect(x: 11, y: 3, width: 14, height: 1))
    var s = compute
    s.value = 0
    #expect(render(s, width: 40, height: 1).line(0).contains("  ●─────────────  "))
    s.value = 10
    #expect(render(s, width: 40, height: 1).line(0).contains("  ─────────────●  "))
  }

  @Test func clickingAKnobPositionGivesItsStop() {
    let area = Rect(x: 0, y: 0, width: 60, height: 1)
    for stops in [1, 2, 7, 11, 40] {
      var s = Slider("x", stops: stops, value: 0, valueText: "v")
      let track = s.trackRect(in: area)
      for v in 0..<stops {
        s.value = v
        #expect(s.stop(atColumn: track.x + s.knobOffset(trackWidth: track.width), in: area) == v)
      }
    }
  }

  @Test func dragPastEndsGivesEndStopsAndNoTrackGivesNil() {
    let area = Rect(x: 0, y: 0, width: 40, height: 1)
    #expect(compute.stop(atColumn: -5, in: area) == 0)
    #expect(compute.stop(atColumn: 500, in: area) == 10)
    #expect(compute.stop(atColumn: 3, in: Rect(x: 0, y: 0, width: 3, height: 1)) == nil)
  }

  @Test func narrowAreasShrinkLabelThenValueToKeepTheTrack() {
    let track = compute.trackRect(in: Rect(x: 0, y: 0, width: 24, height: 1))
    #expect(track.width == Slider.minimumTrack)
    let c = render(compute, width: 24, height: 1)
    #expect(rows(c) == ["  c…  ──●──  10^25.0 FL…"])
  }

  @Test func labelAndValueWidthsLineUpAColumn() {
    let a = Slider("a", stops: 3, value: 1, valueText: "x", labelWidth: 8, valueWidth: 6)
    let b = Slider("longer", stops: 3, value: 1, valueText: "xxxxx", labelWidth: 8, valueWidth: 6)
    let area = Rect(x: 0, y: 0, width: 40, height: 1)
    #expect(a.trackRect(in: area) == b.trackRect(in: area))
  }

  @Test func focusAndDraggingStyles() {
    var s = compute
    s.focused = true
    let focused = render(s, width: 40, height: 1)
    #expect(focused[0, 0].glyph == "▶")
    #expect(focused[2, 0].style == Theme.dark.focus)
    #expect(focused[18, 0].style == Theme.dark.focus)
    s.dragging = true
    #expect(render(s, width: 40, height: 1)[18, 0].style == Theme.dark.selection)
    #expect(render(compute, width: 40, height: 1)[18, 0].style == Theme.dark.accent)
  }

  @Test func tinyAreasAreSafe() {
    for w in 0...8 {
      let c = render(compute, width: w, height: w == 0 ? 0 : 1)
      #expect(c.line(0).displayWidth == w)
    }
  }

  @Test func snapshots() {
    var s = compute
    for (ctx, set) in [(unicodeContext, "unicode"), (asciiContext, "ascii")] {
      s.focused = false
      s.dragging = false
      assertSnapshot(render(s, width: 50, height: 1, context: ctx), named: "slider-\(set)-50")
      s.focused = true
      assertSnapshot(
        render(s, width: 30, height: 1, context: ctx), named: "slider-\(set)-focused-30")
      s.dragging = true
      assertSnapshot(
        render(s, width: 50, height: 1, context: ctx), named: "slider-\(set)-dragging-50")
      assertSnapshot(render(s, width: 6, height: 1, context: ctx), named: "slider-\(set)-6")
    }
    s.dragging = false
    assertSnapshot(
      render(s, width: 40, height: 1, context: plainContext),
      named: "slider-monochrome-ascii-focused-40")
  }
}
