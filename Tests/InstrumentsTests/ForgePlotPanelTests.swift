import ForgeCore
import SnapshotSupport
import TerminalUI
import Testing

@testable import Instruments

struct ForgePlotPanelTests {
  typealias F = ForgePlotFixture

  @Test func isoFLOPSnapshots() {
    for (w, h) in [(40, 10), (60, 20)] {
      assertSnapshot(F.plot(w, h), named: "forge-plot-iso-unicode-\(w)x\(h)")
      assertSnapshot(F.plot(w, h, context: F.ascii), named: "forge-plot-iso-ascii-\(w)x\(h)")
    }
  }

  @Test func frontierSnapshots() {
    let state = ForgePlotState(mode: .frontier, selected: F.index("llama3.1-405b"))
    for (w, h) in [(40, 10), (60, 20)] {
      assertSnapshot(F.plot(w, h, state: state), named: "forge-plot-frontier-unicode-\(w)x\(h)")
      assertSnapshot(
        F.plot(w, h, state: state, context: F.ascii), named: "forge-plot-frontier-ascii-\(w)x\(h)")
    }
  }

  @Test func selectedDenseModelSnapshot() {
    let state = ForgePlotState(selected: F.index("gpt3"))
    assertSnapshot(F.plot(60, 20, state: state), named: "forge-plot-iso-gpt3-60x20")
  }
}
