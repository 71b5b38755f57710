import Foundation
import TerminalUI
import Testing

@testable import Instruments

/// Every screen's key table against its behaviour, in every mode: a key that changes the
/// state (or makes the screen answer) is named by the help row that binds it; a key the table
/// does not bind does nothing at all. Text entry is character input and is not named key by key.
@MainActor
struct KeymapTests {
  static let size = Size(width: 80, height: 24)
  static let area = ShellLayout(size: size).body
  static let app = AppState(size: size)

  /// Every key the backend can deliver: printable ASCII, the named keys, F1–F12, Ctrl-letters.
  static let universe: [Key] = {
    var keys: [Key] = (0x20...0x7e).map { .char(Character(UnicodeScalar(UInt8($0)))) }
    keys += [
      .up, .down, .left, .right, .shiftUp, .shiftDown, .shiftLeft, .shiftRight, .ctrlUp,
      .ctrlDown, .ctrlLeft, .ctrlRight, .home, .end,
      .pageUp, .pageDown, .tab, .backTab, .enter, .escape, .backspace, .delete, .insert,
      .unknown(0), .char("é"), .char("\n"),
    ]
    keys += (1...12).map { .function($0) }
    keys += "abcdefghijklmnopqrstuvwxyz".map { .ctrl($0) }
    return keys
  }()

  /// The words help may use for a key.
  static func names(_ key: Key) -> [String] {
    switch key {
    case .char(" "): return ["Space"]
    case .char(let c): return [String(c)]
    case .ctrl(let c): return ["Ctrl-" + c.uppercased()]
    case .up: return ["Up", "arrows"]
    case .down: return ["Down", "arrows"]
    case .left: return ["Left", "arrows"]
    case .right: return ["Right", "arrows"]
    case .shiftUp, .shiftDown, .shiftLeft, .shiftRight: return ["Shift"]
    case .ctrlUp, .ctrlDown, .ctrlLeft, .ctrlRight: return ["Ctrl"]
    case .home: return ["Home"]
    case .end: return ["End"]
    case .pageUp: return ["PgUp"]
    case .pageDown: return ["PgDn"]
    case .tab: return ["Tab"]
    case .backTab: return ["Shift-Tab"]
    case .enter: return ["Enter"]
    case .escape: return ["Esc"]
    case .backspace: return ["Backspace"]
    case .delete: return ["Delete"]
    case .insert: return ["Insert"]
    case .function(let n): return ["F\(n)"]
    case .unknown: return []
    }
  }

  static func tokens(_ text: some StringProtocol) -> [String] {
    // "Shift-Left/Right": Shift joined to an arrow names it and the arrows after it.
    ["Left", "Right", "Up", "Down"].reduce(String(text)) {
      $0.replacingOccurrences(of: "Shift-" + $1, with: "Shift " + $1)
    }.split(whereSeparator: { $0 == " " || $0 == "/" }).map { word in
      word.count > 1
        ? String(word).trimmingCharacters(in: CharacterSet(charactersIn: "(),;:")) : String(word)
    }
  }

  /// Whether a help row names a key: in its key column, or (for a key with a long name, or a
  /// single character inside parentheses such as "(also h l)") in its description. Ranges
  /// such as `0-9` and `F1-F5` count for the keys between their ends.
  static func mentions(_ entry: KeyHelp, _ key: Key) -> Bool {
    if entry.keys == "any key" { return true }
    let wanted = names(key)
    var words = tokens(entry.keys)
    words += tokens(entry.action).filter { $0.count > 1 }
    var rest = Substring(entry.action)
    while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
      words += tokens(rest[rest.index(after: open)..<close])
      rest = rest[rest.index(after: close)...]
    }
    for word in words {
      if wanted.contains(where: {
        $0 == word || ($0.count > 1 && $0.lowercased() == word.lowercased())
      }) {
        return true
      }
      let ends = word.split(separator: "-", omittingEmptySubsequences: false)
      guard ends.count == 2 else { continue }
      switch key {
      case .char(let c) where ends[0].count == 1 && ends[1].count == 1:
        if ends[0].first! <= c && c <= ends[1].first! { return true }
      case .function(let n) where ends.allSatisfy { $0.hasPrefix("F") }:
        if let a = Int(ends[0].dropFirst()), let b = Int(ends[1].dropFirst()), a <= n, n <= b {
          return true
        }
      default: break
      }
    }
    return false
  }

  /// Checks one screen in one state against its table.
  static func check<S: Screen>(_ screen: S, _ label: String) {
    let keymap = screen.keymap
    for key in universe {
      var after = screen
      let result = after.update(.key(key), area: area, app: app)
      let acted = result != .ignored || after != screen
      guard let action = keymap.action(for: key) else {
        #expect(!acted, "\(label): \(key) is in no row of the table but did something")
        continue
      }
      _ = action
      guard acted else { continue }
      if case .char = key, screen.capturesText, keymap.entry(for: key) == nil { continue }
      guard let entry = keymap.entry(for: key) else {
        Issue.record("\(label): \(key) acts but no help row names it")
        continue
      }
      #expect(screen.keys.contains(entry), "\(label): \(key)'s row is not in the help")
      #expect(
        mentions(entry, key),
        "\(label): the row '\(entry.keys)  \(entry.action)' binds \(key) but does not name it")
    }
  }

  static var screens: [(String, any Screen)] {
    var list: [(String, any Screen)] = []
    var forge = ForgeState()
    list.append(("forge", forge))
    forge.zone = .figures
    list.append(("forge figures", forge))
    forge.popup = .trace
    list.append(("forge trace", forge))
    forge.popup = .advanced
    list.append(("forge advanced", forge))
    forge = ForgeState()
    forge.plot.compareOpen = true
    forge.plot.pick(0)
    list.append(("forge compare", forge))
    forge.zone = .figures
    list.append(("forge compare figures", forge))

    var journey = JourneyState.loaded("corpus")
    list.append(("journey", journey))
    _ = journey.update(.key(.char("a")), area: area, app: app)
    list.append(("journey auto", journey))
    journey = JourneyState.loaded("tiny-gpt")
    list.append(("journey tiny-gpt", journey))
    _ = journey.update(.key(.char("e")), area: area, app: app)
    list.append(("journey editor", journey))

    var lifecycle = LifecycleState()
    list.append(("lifecycle", lifecycle))
    lifecycle.explaining = true
    list.append(("lifecycle explaining", lifecycle))

    var exercises = ExercisesState()
    list.append(("exercises", exercises))
    exercises.editing = true
    list.append(("exercises typing", exercises))
    exercises.typed = "6e23"
    list.append(("exercises typed", exercises))

    list.append(("reading", ReadingState()))
    return list
  }

  @Test func everyKeyAScreenActsOnIsNamedInItsHelpAndNoOtherKeyDoesAnything() {
    for (label, screen) in Self.screens { Self.check(screen, label) }
  }

  /// The same through the whole app: a key neither the shell's table nor the screen's binds
  /// leaves the state as it was; with help open, only the shell's keys do anything.
  @Test(arguments: ScreenID.allCases, [false, true])
  func unboundKeysLeaveTheAppAlone(screen: ScreenID, help: Bool) {
    var s = AppState(screen: screen, size: Self.size).started()
    s.showHelp = help
    let shell = App.shellKeymap(s)
    for key in Self.universe where shell.action(for: key) == nil {
      let screenBinds = s.state(of: screen).bindsKey(key)
      guard help || !screenBinds else { continue }
      var after = s
      #expect(App.update(&after, .key(key)) == .running)
      #expect(after == s, "\(screen) help=\(help): \(key) changed the state")
    }
  }

  @Test func theShellsKeysFollowTheState() {
    var s = AppState(screen: .exercises, size: Self.size)
    #expect(App.shellKeymap(s).action(for: .char("q")) == .quit)
    #expect(App.shellKeymap(s).action(for: .escape) == nil)
    s.exercises.editing = true
    // While typing, q and ? are text: not matched, not listed, not in the hint bar.
    #expect(App.shellKeymap(s).action(for: .char("q")) == nil)
    #expect(!App.keys(s).contains { $0.keys == "q" || $0.keys == "?" })
    #expect(App.shellKeymap(s).action(for: .ctrl("c")) == .quit)
    s.exercises.editing = false
    s.showHelp = true
    #expect(App.shellKeymap(s).action(for: .escape) == .closeHelp)
  }

  @Test func theHintBarIsMadeFromTheTable() {
    for (label, screen) in Self.screens { Self.checkHints(screen, label) }
  }

  static func checkHints<S: Screen>(_ screen: S, _ label: String) {
    for entry in screen.keys.filter(\.inHintBar) {
      #expect(
        screen.keymap.bindings.contains { $0.name == entry.keys && $0.label == entry.hint },
        "\(label): \(entry.keys)")
    }
  }
}

extension Screen {
  /// Whether this screen's table binds a key (for the app-level test).
  fileprivate func bindsKey(_ key: Key) -> Bool { keymap.action(for: key) != nil }
}
