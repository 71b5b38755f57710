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
