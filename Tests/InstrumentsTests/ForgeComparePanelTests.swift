import ForgeCore
import SnapshotSupport
import TerminalUI
import Testing

@testable import Instruments

struct ForgeComparePanelTests {
  typealias F = ForgePlotFixture

  @Test(arguments: ["gpt3", "deepseek-v3"])
  func snapshots(model: String) {
    for (w, h) in [(40, 10), (60, 20)] {
      assertSnapshot(
        F.compare(w, h, model: model), named: "forge-plot-compare-\(model)-unicode-\(w)x\(h)")
      assertSnapshot(
        F.compare(w, h, model: model, context: F.ascii),
        named: "forge-plot-compare-\(model)-ascii-\(w)x\(h)")
    }
  }

  @Test func nothingPickedSaysHowToPick() {
    let text = F.compare(40, 10, model: nil).text
    #expect(text.contains("No real model picked"))
  }
}
