import ForgeCore
import TerminalUI
import Testing

@testable import Instruments

/// Handles `key` and says whether the plot used it.
private func press(_ s: inout ForgePlotState, _ key: Key) -> Bool { s.handle(key) }

struct ForgePlotStateTests {
  @Test func vSwitchesBetweenTheTwoViews() {
    var s = ForgePlotState()
    #expect(s.mode == .isoFLOP)
    #expect(press(&s, .char("v")))
    #expect(s.mode == .frontier)
    #expect(press(&s, .char("v")))
    #expect(s.mode == .isoFLOP)
  }

  @Test func bracketsStepThroughEveryModelAndBackToNone() {
    var s = ForgePlotState()
    var seen: [String] = []
    for _ in Gallery.models.indices {
      #expect(press(&s, .char("]")))
      seen.append(s.selectedModel!.id)
    }
    #expect(seen == Gallery.models.map(\.id))
    #expect(press(&s, .char("]")))
    #expect(s.selected == nil)
    #expect(press(&s, .char("[")))
    #expect(s.selectedModel == Gallery.models.last)
    #expect(press(&s, .char(",")))
    #expect(s.selectedModel == Gallery.models[Gallery.models.count - 2])
    #expect(press(&s, .char(".")))
    #expect(s.selectedModel == Gallery.models.last)
  }

  @Test func cOpensWithTheFirstModelAndClosesAgain() {
    var s = ForgePlotState()
    #expect(press(&s, .char("c")))
    #expect(s.compareOpen)
    #expect(s.selectedModel == Gallery.models.first)
    #expect(press(&s, .char("c")))
    #expect(!s.compareOpen)
    #expect(s.selectedModel == Gallery.models.first)
  }

  @Test func cKeepsAPickedModel() {
    var s = ForgePlotState(selected: 3)
    #expect(press(&s, .char("c")))
    #expect(s.selected == 3)
  }

  @Test func escapeClosesCompareOnlyWhenOpen() {
    var s = ForgePlotState()
    #expect(!press(&s, .escape))
    s.compareOpen = true
    #expect(press(&s, .escape))
    #expect(!s.compareOpen)
  }

  @Test func otherKeysAreLeftForTheScreen() {
    var s = ForgePlotState()
    for key in [Key.left, .right, .up, .down, .enter, .char("1"), .char("a"), .char("g")] {
      #expect(!press(&s, key))
    }
    #expect(s == ForgePlotState())
  }

  @Test func anOutOfRangePickIsNoPick() {
    #expect(ForgePlotState(selected: Gallery.models.count).selected == nil)
    #expect(ForgePlotState(selected: -1).selected == nil)
  }

  @Test func hintsNameTheOtherViewAndCompareAction() {
    var s = ForgePlotState()
    #expect(s.keys.contains(KeyHelp("v", "frontier view")))
    _ = s.handle(.char("v"))
    _ = s.handle(.char("c"))
    #expect(s.keys.contains(KeyHelp("v", "IsoFLOP view")))
    #expect(s.keys.contains(KeyHelp("c", "close compare")))
  }
}
