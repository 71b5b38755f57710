import TerminalUI
import Testing

@testable import Instruments

struct ShellViewTests {
  @Test(arguments: ScreenID.allCases)
  func sameStateGivesTheSameCanvas(screen: ScreenID) {
    var s = AppState(screen: screen, size: Size(width: 80, height: 24))
    #expect(App.view(s) == App.view(s))
    s.showHelp = true
    #expect(App.view(s) == App.view(s))
  }

  @Test func everyTabTitleIsOnTheTopRowAt80Columns() {
    let top = App.view(AppState(size: Size(width: 80, height: 24))).line(0)
    for screen in ScreenID.allCases { #expect(top.contains(screen.shortTitle)) }
  }

  @Test func monochromeUsesNoColours() {
    for screen in ScreenID.allCases {
      var s = AppState(screen: screen, size: Size(width: 80, height: 24), theme: .monochrome)
      s.showHelp = true
      let canvas = App.view(s)
      #expect(canvas.cells.allSatisfy { $0.style.fg == .default && $0.style.bg == .default })
    }
  }

  @Test func noColourTerminalGetsTheMonochromeTheme() {
    let caps = Capabilities(colors: .none, unicode: true)
    let s = AppState(size: Size(width: 80, height: 24), theme: .dark, capabilities: caps)
    #expect(s.renderContext.theme == .monochrome)
  }

  @Test func asciiTerminalDrawsOnlyASCII() {
    let caps = Capabilities(colors: .palette256, unicode: false)
    for screen in ScreenID.allCases {
      var s = AppState(screen: screen, size: Size(width: 80, height: 24), capabilities: caps)
      s.showHelp = true
      let text = App.view(s).text
      #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(screen): \(text)")
    }
  }

  /// A start-up notice (the theme does not suit the background) takes the hint bar's row,
  /// whole at 80 columns and with a background of its own, until the first key.
  @Test func aNoticeTakesTheHintBarUntilAKey() throws {
    let notice = try #require(Theme.light.backgroundNotice(nil))
    var s = AppState(size: Size(width: 80, height: 24), theme: .light)
    s.notice = notice
    let c = App.view(s)
    let last = String((0..<80).map { c[$0, 23].glyph })
    #expect(last.contains(notice), "\(last)")
    #expect(!last.contains("q quit"))
    #expect(c[2, 23].style.bg != .default, "legible on either background")
    var effects: [Effect] = []
    _ = App.update(&s, .key(.function(1)), effects: &effects)
    #expect(s.notice == nil)
    let after = App.view(s)
    #expect(String((0..<80).map { after[$0, 23].glyph }).contains("q quit"))
  }

  @Test func tooSmallSaysHaveAndNeed() {
    let text = App.view(AppState(size: Size(width: 40, height: 10))).text
    #expect(text.contains("too small"))
    #expect(text.contains("40x10"))
    #expect(text.contains("\(ShellLayout.minimum)"))
  }

  @Test(arguments: [(0, 0), (1, 1), (10, 3), (79, 24), (80, 23), (3, 40)])
  func tinySizesDrawWithoutTrouble(width: Int, height: Int) {
    let size = Size(width: width, height: height)
    var s = AppState(size: size)
    s.showHelp = true
    let canvas = App.view(s)
    #expect(canvas.size == size)
  }

  @Test func exactlyTheMinimumDrawsTheScreen() {
    let text = App.view(AppState(size: ShellLayout.minimum)).text
    #expect(!text.contains("too small"))
  }

  @Test func helpListsTheShellKeys() {
    var s = AppState(size: Size(width: 80, height: 24))
    s.showHelp = true
    let text = App.view(s).text
    for key in App.shellKeymap(s).help { #expect(text.contains(key.action), "\(key.action)") }
  }
}
