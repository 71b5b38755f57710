import Testing

@testable import TerminalUI

struct StyledTextTests {
  let red = Style(fg: .red)
  let bold = Style(attrs: .bold)

  @Test func appendMergesEqualStylesAndSkipsEmpty() {
    var t = StyledText("ab", style: red)
    t.append("cd", style: red)
    t.append("", style: bold)
    t.append("e", style: bold)
    #expect(t.spans == [Span("abcd", style: red), Span("e", style: bold)])
    #expect(t.plain == "abcde")
    #expect(t.displayWidth == 5)
  }

  @Test func linesSplitAcrossSpansKeepStyles() {
    let t = StyledText([Span("one\ntw", style: red), Span("o\n", style: bold)])
    #expect(t.lines.map(\.plain) == ["one", "two", ""])
    #expect(t.lines[1].spans == [Span("tw", style: red), Span("o", style: bold)])
  }

  @Test func truncationKeepsStylesAndEllipsis() {
    let t = StyledText([Span("hello ", style: red), Span("world", style: bold)])
    let cut = t.truncated(to: 8)
    #expect(cut.plain == "hello w…")
    #expect(cut.spans.last == Span("w…", style: bold))
    #expect(t.truncated(to: 11) == t)
    #expect(t.truncated(to: 0).isEmpty)
    #expect(t.truncated(to: 3, ellipsis: "").plain == "hel")
  }

  @Test func wideCharactersNeverSplit() {
    let t = StyledText("日本語")
    #expect(t.truncated(to: 5, ellipsis: "").plain == "日本")
    #expect(t.wrapped(to: 3).map(\.plain) == ["日", "本", "語"])
    // Too narrow for one wide character: it stays on its own line (the canvas clips it).
    #expect(StyledText("日本").wrapped(to: 1).map(\.plain) == ["日本"])
    #expect(rows(render(TextBlock("日本"), width: 1, height: 2)) == ["", ""])
  }

  @Test func wrapBreaksAtSpacesAndDropsThem() {
    let t = StyledText("the quick brown fox jumps")
    #expect(t.wrapped(to: 10).map(\.plain) == ["the quick", "brown fox", "jumps"])
    #expect(t.wrapped(to: 100).map(\.plain) == ["the quick brown fox jumps"])
  }

  @Test func wrapBreaksLongWordsAndKeepsIndent() {
    #expect(
      StyledText("abcdefghij xy").wrapped(to: 4).map(\.plain) == ["abcd", "efgh", "ij", "xy"])
    #expect(StyledText("  indented text").wrapped(to: 10).map(\.plain) == ["  indented", "text"])
  }

  @Test func wrapOfEmptyIsOneEmptyLineAndZeroWidthIsNone() {
    #expect(StyledText().wrapped(to: 5).map(\.plain) == [""])
    #expect(StyledText("abc").wrapped(to: 0).isEmpty)
  }

  @Test func wrapKeepsStylesAcrossBreaks() {
    let t = StyledText([Span("aa bb", style: red), Span(" cc", style: bold)])
    let lines = t.wrapped(to: 5)
    #expect(lines.map(\.plain) == ["aa bb", "cc"])
    #expect(lines[1].spans == [Span("cc", style: bold)])
  }

  @Test func overFillsDefaultColoursFromBase() {
    let base = Style(fg: .white, bg: .blue, attrs: .dim)
    #expect(Style(fg: .red).over(base) == Style(fg: .red, bg: .blue, attrs: .dim))
    #expect(Style.plain.over(base) == base)
    #expect(Style(attrs: .bold).over(base).attrs == [.bold, .dim])
  }
}
