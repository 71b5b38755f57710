import ForgeCore
import TerminalUI
import TestSupport
import Testing

@testable import Instruments

/// How a verdict wraps in its panel: a number stays on the line of its unit.
struct ForgeVerdictsViewTests {
  @Test func numbersKeepTheirUnitsWhenAVerdictWraps() throws {
    let verdict = try #require(
      Dossier(Preset.irresponsible.design).verdicts.first { $0.id == "kv_fits" })
    #expect(verdict.message.contains("is 412 GB, more than all of one 8-GPU node holds (173 GB"))
    #expect(verdict.message.hasSuffix("is 42,638 tokens."))
    for width in 24...60 {
      // As drawn: the canvas shows a no-break space as a plain one.
      let lines = ForgeVerdictsView.wrap(verdict, width: width, context: RenderContext())
        .map { String($0.plain.map { $0 == .noBreakSpace ? " " : $0 }) }
      for line in lines {
        #expect(!line.hasSuffix(" 412") && !line.hasSuffix(" 173"), "width \(width): \(lines)")
        #expect(!line.hasSuffix(" 42,638"), "width \(width): \(lines)")
      }
      let words = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
      #expect(words.hasPrefix("✗ One user's KV cache"))
      #expect(words.hasSuffix("42,638 tokens."))
    }
  }

  @Test func onlyShortWordsAfterANumberAreGlued() {
    #expect(ForgeVerdictsView.glued("needs 103 GB now") == "needs 103\u{00A0}GB now")
    #expect(ForgeVerdictsView.glued("at 128K needs") == "at 128K needs")
    #expect(ForgeVerdictsView.glued("3 representatives") == "3 representatives")
    #expect(ForgeVerdictsView.glued("is 2 × H100") == "is 2 × H100")
  }

  /// The fast path (bytes, for text of one-column characters) against the rule on characters.
  @Test func gluingOnBytesMatchesTheRuleOnCharacters() {
    let pieces = [
      "103", "7", "½", "٣", " ", "  ", "GB", "tokens", "representatives", "×", "H100", "é", "Ω",
      "ab", "-", ",", "·", "≈", "x", "GPU-hours", "\u{00A0}",
    ]
    var rng = SeededRandom(seed: 17)
    for _ in 0..<4000 {
      var text = ""
      for _ in 0..<Int(rng.next() % 9) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
      #expect(
        ForgeVerdictsView.glued(text) == Self.gluedByCharacters(text), "\(text.debugDescription)")
    }
  }

  /// The rule as first written: a space between a number and a word of at most 7 characters
  /// becomes a no-break space.
  static func gluedByCharacters(_ text: String) -> String {
    let chars = Array(text)
    var out = ""
    for (i, c) in chars.enumerated() {
      if c == " ", i > 0, chars[i - 1].isNumber, i + 1 < chars.count, chars[i + 1].isLetter,
        chars[(i + 1)...].prefix(while: { $0 != " " }).count <= 7
      {
        out.append("\u{00A0}")
      } else {
        out.append(c)
      }
    }
    return out
  }

  static func app(_ keys: [Key]) -> AppState {
    var s = AppState(screen: .forge, size: Size(width: 80, height: 24))
    for k in keys { _ = App.update(&s, .key(k)) }
    return s
  }

  @Test func theHintBarOffersMWhileVerdictsAreCut() {
    let cut = Self.app([.pageUp, .pageUp])
    #expect(App.keys(cut).contains { $0.keys == "m" && $0.hint == "more verdicts" })
    #expect(App.view(cut).text.contains("m more verdicts"))
    #expect(App.view(cut).text.contains("… 6 more: m shows them"))
    let fits = Self.app([])
    #expect(App.keys(fits).contains { $0.keys == "m" && $0.hint == nil })
    #expect(!App.view(fits).text.contains("more verdicts"))
  }

  @Test func anotherDesignShowsItsVerdictsFromTheTop() {
    var s = Self.app([.pageUp, .pageUp, .char("m")])
    #expect(s.forge.verdictLine == 5)
    _ = App.update(&s, .key(.left))
    #expect(s.forge.verdictLine == 0)
    _ = App.update(&s, .key(.right))
    #expect(s.forge.verdictLine == 0, "back on the same design, the list starts at the top")
  }

  @Test func theWheelOverTheVerdictsScrollsThemALine() {
    var s = Self.app([.pageUp, .pageUp])
    let area = ForgeLayout(ShellLayout(s).body).verdicts
    let over = MouseEvent(.scrollDown, x: area.x + 3, y: area.y + 2)
    _ = App.update(&s, .mouse(over))
    #expect(s.forge.verdictLine == 1)
    _ = App.update(&s, .mouse(MouseEvent(.scrollUp, x: area.x + 3, y: area.y + 2)))
    _ = App.update(&s, .mouse(MouseEvent(.scrollUp, x: area.x + 3, y: area.y + 2)))
    #expect(s.forge.verdictLine == 0)
    let elsewhere = MouseEvent(.scrollDown, x: 2, y: 3)
    _ = App.update(&s, .mouse(elsewhere))
    #expect(s.forge.verdictLine == 0)
  }

  @Test func mShowsTheVerdictsWhenThePlotCoversThem() {
    var s = Self.app([.pageUp, .pageUp, .char("g")])
    #expect(s.forge.showPlot)
    _ = App.update(&s, .key(.char("m")))
    #expect(!s.forge.showPlot)
    #expect(s.forge.verdictLine == 0)
  }
}
