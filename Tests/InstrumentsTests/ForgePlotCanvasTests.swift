import ForgeCore
import SnapshotSupport
import TerminalUI
import Testing

@testable import Instruments

/// The plot slot filling whole 80x24 and 120x40 canvases, and surviving every odd size.
struct ForgePlotCanvasTests {
  typealias F = ForgePlotFixture

  static let sizes = [(80, 24), (120, 40)]

  @Test func wholeCanvasSnapshots() {
    let gpt3 = F.index("gpt3")
    let states: [(String, ForgePlotState)] = [
      ("iso", ForgePlotState()),
      ("frontier", ForgePlotState(mode: .frontier, selected: F.index("llama3-8b"))),
      ("compare-gpt3", ForgePlotState(selected: gpt3, compareOpen: true)),
    ]
    for (w, h) in Self.sizes {
      for (name, state) in states {
        assertSnapshot(
          F.slot(w, h, state: state), named: "forge-plot-canvas-\(name)-unicode-\(w)x\(h)")
        assertSnapshot(
          F.slot(w, h, state: state, context: F.ascii),
          named: "forge-plot-canvas-\(name)-ascii-\(w)x\(h)")
      }
    }
  }

  /// The rects the Forge screen gives the slot: beside the sliders at 80x24 (after `g`),
  /// under the sliders at 120x40, the third column at 200x50.
  @Test func hostSlotSnapshots() {
    let compare = ForgePlotState(selected: F.index("llama3-70b"), compareOpen: true)
    let picked = ForgePlotState(selected: F.index("deepseek-v3"))
    for (w, h) in [(44, 22), (44, 17), (90, 48)] {
      assertSnapshot(F.slot(w, h, state: picked), named: "forge-plot-host-unicode-\(w)x\(h)")
      assertSnapshot(
        F.slot(w, h, state: compare, context: F.ascii),
        named: "forge-plot-host-compare-ascii-\(w)x\(h)")
    }
  }

  @Test func colourAndMoESnapshot() {
    let frontier = Preset.frontier2025.design
    let state = ForgePlotState(selected: F.index("deepseek-v3"), compareOpen: true)
    assertSnapshot(
      F.slot(120, 40, design: frontier, state: state, context: F.colour),
      named: "forge-plot-canvas-moe-dark-120x40")
  }

  /// Every view, pick and compare state.
  static var allStates: [ForgePlotState] {
    ForgePlotState.Mode.allCases.flatMap { mode in
      ([nil] + Gallery.models.indices.map { Optional($0) }).flatMap { pick in
        [false, true].map { ForgePlotState(mode: mode, selected: pick, compareOpen: $0) }
      }
    }
  }

  @Test(arguments: [
    (0, 0), (1, 1), (3, 2), (8, 4), (20, 6), (39, 9), (43, 12), (84, 16), (250, 70),
  ])
  func oddSizesDrawInsideTheCanvas(width: Int, height: Int) {
    for state in Self.allStates {
      for context in [F.unicode, F.ascii] {
        let canvas = F.slot(width, height, state: state, context: context)
        #expect(canvas.size == Size(width: width, height: height))
      }
    }
  }

  @Test func asciiDrawsOnlyASCII() {
    for preset in Preset.allCases {
      for state in Self.allStates {
        let text = F.slot(120, 40, design: preset.design, state: state, context: F.ascii).text
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(preset) \(state): \(text)")
      }
    }
  }

  @Test func monochromeUsesNoColour() {
    for state in Self.allStates {
      let canvas = F.slot(120, 40, design: Preset.frontier2025.design, state: state)
      #expect(canvas.cells.allSatisfy { $0.style.fg == .default && $0.style.bg == .default })
    }
  }

  @Test func compareSitsBesideThePlotWhenWideAndAloneWhenNarrow() {
    let state = ForgePlotState(selected: 0, compareOpen: true)
    let wide = ForgePlotSlot.layout(Rect(x: 0, y: 0, width: 120, height: 40), state: state)
    #expect(wide.plot.width > 0 && wide.compare.width > 0)
    #expect(wide.plot.maxX == wide.compare.x)
    let narrow = ForgePlotSlot.layout(Rect(x: 0, y: 0, width: 60, height: 20), state: state)
    #expect(narrow.plot.isEmpty && narrow.compare.width == 60)
    let closed = ForgePlotSlot.layout(Rect(x: 0, y: 0, width: 120, height: 40), state: .init())
    #expect(closed.plot.width == 120 && closed.compare.isEmpty)
  }
}
