import Testing

@testable import TerminalUI

struct AsciiFallbackTests {
  @Test func unicodeKeepsTheText() {
    #expect(GlyphSet.unicode.text("C = 6·N·D ≈ 2.4e23 → ok") == "C = 6·N·D ≈ 2.4e23 → ok")
  }

  @Test func asciiSpellsKnownSignsAndMarksTheRest() {
    #expect(GlyphSet.ascii.text("6·2e10 × 3 → N_opt/√f ≈ 1–2") == "6*2e10 x 3 -> N_opt/sqrtf ~ 1-2")
    #expect(GlyphSet.ascii.text("α β 日") == "alpha beta ?")
  }

  @Test func everyFallbackIsASCII() {
    for (_, swap) in GlyphSet.asciiFallbacks { #expect(swap.allSatisfy { $0.isASCII }) }
  }
}
