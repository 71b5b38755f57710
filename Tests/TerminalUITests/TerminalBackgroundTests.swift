import Testing

@testable import TerminalUI

/// The OSC 11 reply parser and what the background means for the theme.
struct TerminalBackgroundTests {
  func reply(_ text: String) -> TerminalBackground? { TerminalBackground.parse(Array(text.utf8)) }

  @Test func fourDigitComponentsEndedByBelOrST() throws {
    let dark = try #require(reply("\u{1B}]11;rgb:1010/2020/3030\u{07}"))
    #expect(abs(dark.red - 0x1010 / 65535.0) < 1e-9)
    #expect(abs(dark.blue - 0x3030 / 65535.0) < 1e-9)
    #expect(!dark.isLight)
    let white = try #require(reply("\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\"))
    #expect(white.isLight)
    #expect(white.luminance > 0.999)
  }

  @Test func shorterComponentsScaleToTheirOwnRange() throws {
    let two = try #require(reply("\u{1B}]11;rgb:ff/ff/ff\u{07}"))
    #expect(two.isLight)
    let one = try #require(reply("\u{1B}]11;rgb:f/0/0\u{07}"))
    #expect(one.red == 1 && one.green == 0)
    #expect(!one.isLight, "pure red is dark: its luminance is 0.21")
    let rgba = try #require(reply("\u{1B}]11;rgba:eeee/eeee/eeee/ffff\u{07}"))
    #expect(rgba.isLight)
  }

  @Test func theReplyIsFoundAmongOthers() throws {
    // The DA1 reply the query also asks for comes after it; keys typed before it come first.
    let bg = try #require(reply("x\u{1B}]11;rgb:fafa/f0f0/e6e6\u{07}\u{1B}[?1;2c"))
    #expect(bg.isLight)
  }

  @Test func anythingElseIsNoAnswer() {
    #expect(reply("") == nil)
    #expect(reply("\u{1B}[?1;2c") == nil, "DA1 alone: the terminal did not answer OSC 11")
    #expect(reply("\u{1B}]11;rgb:ffff/ffff\u{07}") == nil)
    #expect(reply("\u{1B}]11;rgb:fffff/0/0\u{07}") == nil)
    #expect(reply("\u{1B}]11;rgb:zz/00/00\u{07}") == nil)
    #expect(reply("\u{1B}]11;rgb:ff/ff/ff") == nil, "cut before its end")
    #expect(reply("\u{1B}]10;rgb:ff/ff/ff\u{07}") == nil, "OSC 10 is the foreground")
    #expect(reply("\u{1B}]11;#ffffff\u{07}") == nil)
  }

  @Test func theNoticeSaysHowToSwitchWhenTheThemeDoesNotSuit() {
    let dark = TerminalBackground(red: 0, green: 0, blue: 0)
    let light = TerminalBackground(red: 1, green: 1, blue: 0.9)
    #expect(Theme.light.backgroundNotice(dark)?.contains("--theme dark") == true)
    #expect(Theme.light.backgroundNotice(light) == nil)
    #expect(Theme.light.backgroundNotice(nil)?.contains("--theme dark") == true, "unknown")
    #expect(Theme.dark.backgroundNotice(light)?.contains("--theme light") == true)
    #expect(Theme.highContrast.backgroundNotice(light)?.contains("--theme light") == true)
    #expect(Theme.dark.backgroundNotice(dark) == nil)
    #expect(Theme.dark.backgroundNotice(nil) == nil)
    #expect(Theme.monochrome.backgroundNotice(light) == nil, "attributes only suit any")
    #expect(Theme.forBackground(light) == .light)
    #expect(Theme.forBackground(dark) == .dark)
    #expect(Theme.forBackground(nil) == .dark)
  }
}
