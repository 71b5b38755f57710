import ForgeCore
import SnapshotSupport
import TerminalUI
import Testing

@testable import Instruments

/// The Forge screen as a room sees it, at 80x24 and 120x40. Re-record with
/// SNAPSHOT_RECORD=1 swift test --filter ForgeSnapshotTests, and read every file.
struct ForgeSnapshotTests {
  static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

  static func app(_ size: Size, keys: [Key] = [], theme: Theme = .dark, unicode: Bool = true)
    -> AppState
  {
    var s = AppState(
      screen: .forge, size: size, theme: theme,
      capabilities: Capabilities(colors: .palette256, unicode: unicode))
    for k in keys { _ = App.update(&s, .key(k)) }
    return s
  }

  @Test(arguments: sizes)
  func seedDefault(size: Size) {
    assertSnapshot(App.view(Self.app(size)), named: "forge-default-\(size)")
  }

  @Test(arguments: sizes, Preset.allCases.filter { $0 != .seedDefault })
  func preset(size: Size, preset: Preset) {
    let s = Self.app(size, keys: [.char(Character("\(preset.rawValue)"))])
    assertSnapshot(App.view(s), named: "forge-preset-\(preset.name)-\(size)")
  }

  @Test(arguments: sizes)
  func oneStopRightMarksWhatChanged(size: Size) {
    let s = Self.app(size, keys: [.down, .down, .down, .right])
    assertSnapshot(App.view(s), named: "forge-changed-\(size)")
  }

  @Test(arguments: sizes)
  func openTrace(size: Size) {
    let s = Self.app(size, keys: [.char("t")] + Array(repeating: .down, count: 9) + [.enter])
    assertSnapshot(App.view(s), named: "forge-trace-\(size)")
  }

  @Test(arguments: sizes)
  func cursorInTheDossier(size: Size) {
    let s = Self.app(size, keys: [.char("t")] + Array(repeating: .down, count: 9))
    assertSnapshot(App.view(s), named: "forge-cursor-\(size)")
  }

  @Test(arguments: sizes)
  func advancedSettings(size: Size) {
    let s = Self.app(size, keys: [.char("a"), .right])
    assertSnapshot(App.view(s), named: "forge-advanced-\(size)")
  }

  @Test(arguments: sizes)
  func monochromeFailingDesign(size: Size) {
    let s = Self.app(size, keys: [.char("4")], theme: .monochrome)
    let canvas = App.view(s)
    #expect(canvas.cells.allSatisfy { $0.style.fg == .default && $0.style.bg == .default })
    assertSnapshot(canvas, named: "forge-monochrome-\(size)")
  }

  @Test func highContrastFailingDesign() {
    let s = Self.app(Size(width: 80, height: 24), keys: [.char("4")], theme: .highContrast)
    assertSnapshot(App.view(s), named: "forge-high-contrast-80x24")
  }

  @Test(arguments: sizes)
  func asciiFrontier(size: Size) {
    let s = Self.app(size, keys: [.char("3"), .right], unicode: false)
    let canvas = App.view(s)
    #expect(canvas.text.unicodeScalars.allSatisfy { $0.isASCII })
    assertSnapshot(canvas, named: "forge-ascii-\(size)")
  }

  @Test func compactPlotAt80x24() {
    let s = Self.app(Size(width: 80, height: 24), keys: [.char("g")])
    assertSnapshot(App.view(s), named: "forge-plot-toggle-80x24")
  }

  @Test(arguments: [Size(width: 200, height: 50)])
  func roomy(size: Size) {
    let s = Self.app(
      size, keys: [.char("4"), .char("t"), .end] + Array(repeating: .down, count: 4))
    assertSnapshot(App.view(s), named: "forge-roomy-\(size)")
  }

  @Test func tallScreensListEveryFiguresArithmeticUnderTheTrace() {
    let tall = App.view(Self.app(Size(width: 250, height: 70))).text
    #expect(tall.contains("Every figure, as arithmetic:"))
    let dossier = Dossier(.seedDefault)
    for figure in dossier.figures {
      #expect(tall.contains("\(figure.label) = \(figure.trace.result)"), "\(figure.id)")
    }
    #expect(tall.contains("▶ Predicted loss = 1.917"), "the selected figure is marked")
    #expect(tall.contains("    users = floor("), "formulas on lines of their own when tall")
    let medium = App.view(Self.app(Size(width: 200, height: 50))).text
    #expect(medium.contains("Every figure, as arithmetic:"))
    // Less tall: a formula follows its result where the line holds both, else it goes under.
    #expect(medium.contains("Tokens / param = 68   D/N"), "short formulas after the result")
    #expect(medium.contains("    users = floor((0.9·memory·GPUs − weights)/KV)"), "long ones whole")
    #expect(!medium.contains("…"))
    #expect(!App.view(Self.app(Size(width: 120, height: 40))).text.contains("Every figure"))
  }
}
