import SnapshotSupport
import TerminalUI
import Testing

@testable import Instruments

struct LifecycleSnapshotTests {
  func app(_ width: Int, _ height: Int, theme: Theme = .dark, unicode: Bool = true) -> AppState {
    AppState(
      screen: .lifecycle, size: Size(width: width, height: height), theme: theme,
      capabilities: Capabilities(colors: .palette256, unicode: unicode))
  }

  @Test func defaultAt80x24() { assertSnapshot(App.view(app(80, 24)), named: "lifecycle-80x24") }

  @Test func defaultAt120x40() {
    assertSnapshot(App.view(app(120, 40)), named: "lifecycle-120x40")
  }

  @Test func explanationOverlayAt80x24() {
    var s = app(80, 24)
    for key in [Key.down, .right, .right, .enter] { _ = App.update(&s, .key(key)) }
    assertSnapshot(App.view(s), named: "lifecycle-serve-explained-80x24")
  }

  @Test func asciiMonochromeAt80x24() {
    let canvas = App.view(app(80, 24, theme: .monochrome, unicode: false))
    #expect(canvas.text.unicodeScalars.allSatisfy { $0.isASCII })
    assertSnapshot(canvas, named: "lifecycle-ascii-80x24")
  }
}
