import SnapshotSupport
import TerminalUI
import Testing

@testable import Instruments

/// The shell as a person sees it, at the two sizes the lecture notes use. Re-record with
/// SNAPSHOT_RECORD=1 swift test, and read every diff before committing it.
struct ShellSnapshotTests {
  static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

  @Test(arguments: sizes)
  func firstScreen(size: Size) {
    assertSnapshot(App.view(AppState(size: size)), named: "shell-first-\(size)")
  }

  @Test(arguments: sizes)
  func helpOverlay(size: Size) {
    var s = AppState(size: size)
    s.showHelp = true
    assertSnapshot(App.view(s), named: "shell-help-\(size)")
  }

  @Test(arguments: sizes)
  func monochrome(size: Size) {
    let s = AppState(
      screen: .journey, size: size, theme: .dark,
      capabilities: Capabilities(colors: .none, unicode: true)
    ).started()
    assertSnapshot(App.view(s), named: "shell-monochrome-\(size)")
  }

  @Test func tooSmall() {
    assertSnapshot(App.view(AppState(size: Size(width: 40, height: 10))), named: "shell-too-small")
  }

  @Test func asciiGlyphs() {
    let s = AppState(
      screen: .lifecycle, size: Size(width: 80, height: 24),
      capabilities: Capabilities(colors: .basic, unicode: false))
    assertSnapshot(App.view(s), named: "shell-ascii-basic-80x24")
  }
}
