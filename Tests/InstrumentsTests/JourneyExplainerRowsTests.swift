import JourneyCore
import TerminalUI
import Testing

@testable import Instruments

/// The explainer's line counts the Journey keeps between frames (`explainerRows`) are always
/// the ones worked out afresh, and the screen drawn with them is the screen drawn without
/// them: over random STEP, AUTO, stage, model, pace, sampling, seed and scroll keys and ticks, at three
/// sizes, with Unicode and ASCII glyphs.
struct JourneyExplainerRowsTests {
  static let keys: [Key] = [
    .char(" "), .char(" "), .char("n"), .char("n"), .char("a"), .char("m"), .char("+"),
    .char("-"), .char("r"), .up, .down, .char("l"), .char("h"), .char("]"), .char("k"),
    .char("p"), .char("S"),
  ]

  @Test(arguments: [
    (Size(width: 250, height: 70), Capabilities.full),
    (Size(width: 120, height: 40), Capabilities.full),
    (Size(width: 80, height: 24), Capabilities(colors: .basic, unicode: false)),
  ])
  func keptCountsAreTheWorkedOutOnes(size: Size, capabilities: Capabilities) {
    var s = AppState(screen: .journey, size: size, capabilities: capabilities).started()
    var seed: UInt64 = 0x5EED_0002
    var kept = 0
    for step in 0..<120 {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let pick = Int((seed >> 33) % UInt64(Self.keys.count + 3))
      if pick >= Self.keys.count, let deadline = App.nextDeadline(s) {
        _ = App.update(&s, .tick(now: deadline))
      } else {
        _ = App.update(&s, .key(Self.keys[pick % Self.keys.count]))
      }
      guard let machine = s.journey.engine?.machine else { continue }
      // Kept after every event and every result the runner fed back: for this machine, at
      // the right column's width the layout asks at.
      let width = JourneyLayout.textWidths(ShellLayout(s).body).right
      #expect(s.journey.explainerRows.entries.contains { $0.key.width == width }, "step \(step)")
      for entry in s.journey.explainerRows.entries {
        let measured = RenderContext(theme: .monochrome, glyphs: entry.key.glyphs)
        #expect(
          entry.key == s.journey.explainerKey(machine, width: entry.key.width, context: measured),
          "step \(step)")
        #expect(
          entry.lines
            == s.journey.explainerLinesWorkedOut(
              machine, width: entry.key.width, context: measured), "step \(step)")
        kept += 1
      }
      var bare = s
      bare.journey.explainerRows = JourneyExplainerRows()
      #expect(App.view(bare) == App.view(s), "step \(step)")
    }
    #expect(kept > 0)
  }
}
