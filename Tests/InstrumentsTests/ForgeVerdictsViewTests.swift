import ForgeCore
import TerminalUI
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
}
