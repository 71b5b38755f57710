import TerminalUI
import Testing

@testable import Instruments

/// Help entries never break inside a key (issue 17 item 7), and the hint bar never cuts a
/// word (item 1), on every screen in each of its modes: each entry's key label stands whole on
/// one row of the help overlay, a key and its pair (PgUp and PgDn, Home and End) are named by
/// the same entry, and a modifier is joined to its key ("Shift-Left", never "Shift, PgUp").
struct HelpLabelTests {
  static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

  /// Every screen, and the modes whose keys differ (the Forge's figures, trace, advanced box
  /// and comparison, the Journey's AUTO and prompt editor, the Lifecycle's explanation, the
  /// Exercises' answer field).
  static func states(_ size: Size) -> [(String, AppState)] {
    var out: [(String, AppState)] = []
    for screen in ScreenID.allCases {
      out.append(("\(screen)", AppState(screen: screen, size: size).started()))
    }
    var forge = AppState(screen: .forge, size: size)
    forge.forge.zone = .figures
    out.append(("forge figures", forge))
    forge.forge.popup = .trace
    out.append(("forge trace", forge))
    forge.forge.popup = .advanced
    out.append(("forge advanced", forge))
    forge = AppState(screen: .forge, size: size)
    forge.forge.plot.compareOpen = true
    forge.forge.plot.pick(0)
    out.append(("forge compare", forge))
    var journey = AppState(screen: .journey, size: size).started()
    _ = App.update(&journey, .key(.char("a")))
    out.append(("journey auto", journey))
    journey = AppState(screen: .journey, size: size).started()
    _ = App.update(&journey, .key(.char("e")))
    out.append(("journey editor", journey))
    var lifecycle = AppState(screen: .lifecycle, size: size)
    lifecycle.lifecycle.explaining = true
    out.append(("lifecycle explaining", lifecycle))
    var exercises = AppState(screen: .exercises, size: size)
    exercises.exercises.editing = true
    out.append(("exercises typing", exercises))
    return out
  }

  /// Keys that come in pairs: a help entry naming one names the other too.
  static let pairs = [("PgUp", "PgDn"), ("Home", "End"), ("Left", "Right"), ("Up", "Down")]
  static let modifiers = ["Shift", "Ctrl", "Alt"]

  /// The key names in a label: "Up/Down k j" gives Up, Down, k, j; "Shift-Left" gives
  /// Shift-Left (a joined modifier stays with its key).
  static func names(_ label: String) -> [String] {
    label.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "," }).map(String.init)
  }

  /// "Shift-Left/Right" names Left and Right (under Shift); "PgUp" names PgUp.
  static func bare(_ name: String) -> String {
    for m in modifiers where name.hasPrefix(m + "+") || name.hasPrefix(m + "-") {
      return String(name.dropFirst(m.count + 1))
    }
    return name
  }

  /// `label` is on `row` between blanks (or the row's ends), not cut and not run together.
  static func standsWhole(_ label: String, in row: String) -> Bool {
    let padded = " " + row + " "
    return padded.contains(" " + label + " ")
  }

  @Test(arguments: sizes)
  func everyKeyLabelIsWholeOnOneRow(size: Size) {
    for (name, app) in Self.states(size) {
      var s = app
      s.showHelp = true
      let help = ShellChrome.help(s, area: ShellLayout(s).body, context: s.renderContext)
      let rows = help.lines.map(\.plain)
      for entry in App.keys(s) {
        #expect(
          rows.contains { Self.standsWhole(entry.keys, in: $0) },
          "\(size) \(name): the key '\(entry.keys)' is not whole on any row of help")
        let keys = Self.names(entry.keys)
        for key in keys {
          #expect(
            !Self.modifiers.contains(key),
            "\(size) \(name): '\(entry.keys)' names \(key) apart from the key it modifies")
        }
        let bare = keys.map(Self.bare)
        for (a, b) in Self.pairs where bare.contains(a) != bare.contains(b) {
          let other = bare.contains(a) ? b : a
          let named = App.keys(s).contains { Self.names($0.keys).map(Self.bare).contains(other) }
          #expect(
            !named,
            "\(size) \(name): '\(entry.keys)' and its pair \(other) are on separate rows of help")
        }
      }
    }
  }

  /// At 80x24 the hint bar shows whole hints: no ellipsis, and every word it shows is a
  /// whole word of a key or label the screen's table gives it.
  @Test func theHintBarCutsNoWordAt80x24() {
    for (name, app) in Self.states(Size(width: 80, height: 24)) {
      let canvas = App.view(app)
      let bar = canvas.line(app.size.height - 1)
      #expect(!bar.contains("…"), "\(name): \(bar)")
      let words = Set(
        App.keys(app).flatMap {
          (($0.hint ?? "") + " " + $0.keys).split(separator: " ").map(String.init)
        })
      for word in bar.split(separator: " ").map(String.init) {
        #expect(words.contains(word), "\(name): '\(word)' in the hint bar is cut: \(bar)")
      }
    }
  }
}
