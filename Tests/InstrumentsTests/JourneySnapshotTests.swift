import JourneyCore
import SnapshotSupport
import TerminalUI
import Testing

@testable import Instruments

/// The Token Journey drawn at 80x24 and 120x40. Re-record with SNAPSHOT_RECORD=1 and read
/// every changed file.
struct JourneySnapshotTests {
  static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

  static func name(_ what: String, _ size: Size) -> String { "journey-\(what)-\(size)" }

  @Test(arguments: sizes) func initial(size: Size) {
    let d = JourneyDriver()
    assertSnapshot(d.render(size), named: Self.name("initial", size))
  }

  @Test(arguments: sizes) func midTokenAtTheLogitsStage(size: Size) {
    var d = JourneyDriver(prompt: "the robot")
    d.next(until: .logits)
    assertSnapshot(d.render(size), named: Self.name("logits", size))
  }

  @Test(arguments: sizes) func afterAutoToAPeriod(size: Size) {
    var d = JourneyDriver()
    d.key(.char("a"))
    d.runUntilIdle()
    #expect(d.machine.endsSentence)
    assertSnapshot(d.render(size), named: Self.name("auto", size))
  }

  @Test(arguments: sizes) func coldTemperature(size: Size) {
    var d = JourneyDriver()
    d.next(until: .logits)  // the bars show from the logits stage, and follow τ there
    for _ in 0..<9 { d.key(.char("[")) }
    #expect(d.state.temperatureText == "0.1")
    assertSnapshot(d.render(size), named: Self.name("tau-0.1", size))
  }

  @Test(arguments: sizes) func hotTemperature(size: Size) {
    var d = JourneyDriver()
    d.next(until: .logits)
    for _ in 0..<15 { d.key(.right) }
    #expect(d.state.temperatureText == "2.5")
    assertSnapshot(d.render(size), named: Self.name("tau-2.5", size))
  }

  @Test(arguments: sizes) func monochromeAfterTwoSteps(size: Size) {
    var d = JourneyDriver()
    for _ in 0..<2 {
      d.key(.char(" "))
      d.runUntilIdle()
    }
    d.next(until: .sample)
    assertSnapshot(d.render(size, theme: .monochrome), named: Self.name("mono", size))
  }

  @Test(arguments: sizes) func tinyGPTAtTheAttentionStage(size: Size) {
    var d = JourneyDriver(model: "tiny-gpt", prompt: JourneyDriver.gptPrompt)
    d.next(until: .attention(layer: 1))
    assertSnapshot(d.render(size), named: Self.name("gpt-attention", size))
  }

  @Test func asciiDrawsOnlyASCII() {
    var d = JourneyDriver(model: "tiny-gpt", prompt: JourneyDriver.gptPrompt)
    let ascii = Capabilities(colors: .palette256, unicode: false)
    for stage in d.machine.stages {
      d.next(until: stage)
      let text = d.render(capabilities: ascii).text
      #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(stage.label): \(text)")
    }
  }

  @Test(arguments: [(80, 24), (81, 25), (100, 30), (200, 50), (250, 70), (91, 61)])
  func oddSizesDrawEverything(width: Int, height: Int) {
    var d = JourneyDriver(model: "tiny-gpt")
    d.next(until: .sample)
    let text = d.render(Size(width: width, height: height)).text
    for part in ["Context", "Next token", "Stages", "[ STEP ]", "[ AUTO ]", "temperature"] {
      #expect(text.contains(part) || (part == "Next token" && text.contains("Drew")), "\(part)")
    }
  }
}
