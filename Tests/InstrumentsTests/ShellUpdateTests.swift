import TerminalUI
import Testing

@testable import Instruments

@MainActor
struct ShellUpdateTests {
  func state(_ screen: ScreenID = .forge, size: Size = Size(width: 80, height: 24)) -> AppState {
    AppState(screen: screen, size: size)
  }

  @Test func tabCyclesForwardThroughEveryScreenAndWraps() {
    var s = state()
    var seen: [ScreenID] = [s.screen]
    for _ in ScreenID.allCases {
      #expect(App.update(&s, .key(.tab)) == .running)
      seen.append(s.screen)
    }
    #expect(seen == ScreenID.allCases + [.forge])
  }

  @Test func shiftTabCyclesBackwards() {
    var s = state()
    _ = App.update(&s, .key(.backTab))
    #expect(s.screen == .reading)
    _ = App.update(&s, .key(.backTab))
    #expect(s.screen == .exercises)
  }

  @Test(arguments: Array(ScreenID.allCases.enumerated()))
  func functionKeysPickScreens(index: Int, screen: ScreenID) {
    var s = state(.reading)
    _ = App.update(&s, .key(.function(index + 1)))
    #expect(s.screen == screen)
  }

  @Test func functionKeysPastTheTabsDoNothing() {
    var s = state(.journey)
    _ = App.update(&s, .key(.function(ScreenID.allCases.count + 1)))
    #expect(s.screen == .journey)
  }

  @Test func clickOnEachTabOpensIt() {
    let base = state()
    let rects = ShellChrome.tabBar(base).hitRects(in: ShellLayout(size: base.size).tabBar)
    #expect(rects.count == ScreenID.allCases.count)
    for (rect, screen) in zip(rects, ScreenID.allCases).reversed() {
      var s = base
      _ = App.update(&s, .mouse(MouseEvent(.press, x: rect.x + rect.width / 2, y: rect.y)))
      #expect(s.screen == screen)
    }
  }

  @Test func clickOnTheLabelTextOfATabOpensIt() {
    // Found by where the label is drawn, not by the hit rects, so the two must agree.
    for screen in ScreenID.allCases {
      var s = state(screen == .forge ? .reading : .forge)
      let row = App.view(s).line(0)
      let column = try! #require(
        column(of: screen.title, in: row) ?? column(of: screen.shortTitle, in: row))
      _ = App.update(&s, .mouse(MouseEvent(.press, x: column, y: 0)))
      #expect(s.screen == screen)
    }
  }

  /// The first column where `needle` starts in a one-cell-per-character row.
  func column(of needle: String, in row: String) -> Int? {
    let hay = Array(row)
    let n = Array(needle)
    guard n.count <= hay.count else { return nil }
    return (0...(hay.count - n.count)).first { Array(hay[$0..<($0 + n.count)]) == n }
  }

  @Test func escapeNeverQuitsAndClosesHelp() {
    var s = state()
    #expect(App.update(&s, .key(.escape)) == .running)
    _ = App.update(&s, .key(.char("?")))
    #expect(s.showHelp)
    #expect(App.update(&s, .key(.escape)) == .running)
    #expect(!s.showHelp)
    #expect(App.update(&s, .key(.escape)) == .running)
  }

  @Test func questionMarkTogglesHelp() {
    var s = state()
    _ = App.update(&s, .key(.char("?")))
    #expect(s.showHelp)
    _ = App.update(&s, .key(.char("?")))
    #expect(!s.showHelp)
  }

  /// At the smallest size every screen's help shows each key and every word of what it
  /// does: long descriptions wrap under themselves instead of being cut.
  @Test(arguments: ScreenID.allCases)
  func helpAt80x24CutsNothing(screen: ScreenID) {
    let s = AppState(screen: screen, size: Size(width: 80, height: 24))
    let area = ShellLayout(size: s.size).body
    let help = ShellChrome.help(s, area: area, context: RenderContext())
    let text = help.lines.map(\.plain).joined(separator: "\n")
    #expect(!text.contains("…"), "\(screen)")
    #expect(help.lines.count <= area.height - 2, "\(screen): taller than the screen")
    #expect(help.lines.allSatisfy { $0.displayWidth <= area.width - 4 }, "\(screen)")
    let words: [String] = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map {
      String($0)
    }
    for key in App.keys(s) {
      for word in key.action.split(separator: " ").map(String.init) {
        #expect(words.contains(word), "\(screen): '\(word)' of '\(key.action)' missing")
      }
    }
  }

  @Test func switchingScreensClosesHelp() {
    var s = state()
    _ = App.update(&s, .key(.char("?")))
    _ = App.update(&s, .key(.tab))
    #expect(!s.showHelp)
    #expect(s.screen == .journey)
  }

  @Test func qAndCtrlCQuitWithStatusZero() {
    var s = state()
    #expect(App.update(&s, .key(.char("q"))) == .quit(.user))
    #expect(App.update(&s, .key(.ctrl("c"))) == .quit(.user))
    #expect(App.QuitReason.user.exitStatus == 0)
  }

  @Test func otherKeysDoNotQuit() {
    var s = state()
    let keys: [Key] = [
      .char("Q"), .char("x"), .ctrl("d"), .enter, .escape, .up, .shiftLeft, .function(10),
    ]
    for key in keys { #expect(App.update(&s, .key(key)) == .running) }
  }

  @Test func signalsQuitWithOneHundredTwentyEightPlusTheSignal() {
    var s = state()
    for (signal, status) in [(Int32(2), Int32(130)), (15, 143), (1, 129)] {
      let outcome = App.update(&s, .terminate(signal: signal))
      #expect(outcome == .quit(.signal(signal)))
      if case .quit(let reason) = outcome { #expect(reason.exitStatus == status) }
    }
  }

  @Test func resizeUpdatesTheSize() {
    var s = state()
    _ = App.update(&s, .resize(Size(width: 40, height: 10)))
    #expect(s.size == Size(width: 40, height: 10))
    #expect(!ShellLayout(size: s.size).fits)
  }

  @Test func tooSmallIgnoresClicksButStillQuitsAndSwitches() {
    var s = state(size: Size(width: 40, height: 10))
    _ = App.update(&s, .mouse(MouseEvent(.press, x: 20, y: 0)))
    #expect(s.screen == .forge)
    _ = App.update(&s, .key(.tab))
    #expect(s.screen == .journey)
    #expect(App.update(&s, .key(.char("q"))) == .quit(.user))
  }

  @Test func placeholderScreensDoNotAnimate() {
    for screen in ScreenID.allCases {
      #expect(App.nextDeadline(state(screen)) == nil)
    }
  }

  @Test func screenNamesParse() {
    #expect(ScreenID.named("JOURNEY") == .journey)
    #expect(ScreenID.named("token journey") == .journey)
    #expect(ScreenID.named("nope") == nil)
  }
}
