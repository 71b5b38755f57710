import Testing

@testable import TerminalUI

struct ThemeTests {
  static let all: [Theme] = [.dark, .light, .highContrast, .monochrome]
  static let adapted: [Theme] = all + all.map { $0.adapted(to: .basic) }

  /// Every style a theme defines.
  static func styles(_ t: Theme) -> [Style] {
    [
      t.text, t.muted, t.title, t.border, t.borderFocus, t.accent, t.focus, t.selection, t.key,
      t.good, t.warn, t.fail, t.changed, t.changedUp, t.changedDown, t.prompt, t.generated,
      t.barFill,
      t.barEmpty, t.barHighlight, t.tabActive, t.tabInactive, t.hintBar, t.overlay,
    ] + t.glow
  }

  @Test(arguments: adapted)
  func okWarnFailAreDistinct(theme: Theme) {
    #expect(Set([theme.good, theme.warn, theme.fail]).count == 3, "\(theme.name)")
  }

  @Test(arguments: adapted)
  func selectionAndActiveTabStandOutFromText(theme: Theme) {
    #expect(theme.selection != theme.text)
    #expect(theme.tabActive != theme.tabInactive)
    #expect(theme.borderFocus != theme.border)
    #expect(Set(theme.glow).count == theme.glow.count)
  }

  @Test(arguments: adapted)
  func aChangedValueStandsOutFromAnUnchangedOne(theme: Theme) {
    #expect(theme.changed != theme.accent, "\(theme.name)")
    #expect(theme.changed != theme.text, "\(theme.name)")
  }

  /// On a projector hue washes out and brightness is what is left: each glow tier's
  /// background must be clearly brighter (on a dark terminal) or darker (on a light one) than
  /// the one before, starting from the terminal's own background, and its text must read.
  @Test(arguments: [Theme.dark, .light, .highContrast])
  func glowTiersStepInBrightnessAwayFromTheBackground(theme: Theme) {
    let onDark = BasicPalette.isLight(theme.text.fg)
    var previous = onDark ? 0.0 : 1.0
    for (i, tier) in theme.glow.enumerated() {
      guard case .index(let bg) = tier.bg, case .index(let fg) = tier.fg else {
        Issue.record("\(theme.name) tier \(i) has no colours")
        return
      }
      let l = BasicPalette.luminance(bg)
      #expect(onDark ? l > previous : l < previous, "\(theme.name) tier \(i)")
      #expect(BasicPalette.contrast(l, previous) >= 1.8, "\(theme.name) tier \(i)")
      #expect(BasicPalette.contrast(l, BasicPalette.luminance(fg)) >= 4.5, "\(theme.name) \(i)")
      previous = l
    }
  }

  @Test(arguments: all)
  func glowInkNeverHasABackground(theme: Theme) {
    for level in theme.glow.indices {
      #expect(theme.glowInk(level).bg == .default)
      #expect(!theme.glowInk(level).attrs.contains(.reverse))
    }
  }

  /// The glow as ink (the attention table's cells) reads on the theme's own background, at
  /// 3:1 or better for every tier, and each tier stands further from the background than the
  /// one before (brightness, not only hue).
  @Test(arguments: [Theme.dark, .light, .highContrast])
  func glowInkReadsAndStepsAwayFromTheBackground(theme: Theme) {
    let background = theme.isForLightBackground ? 1.0 : 0.0
    var last = 1.0
    for level in theme.glow.indices {
      guard case .index(let i) = theme.glowInk(level).fg else {
        Issue.record("\(theme.name) tier \(level): no ink colour")
        continue
      }
      let ratio = BasicPalette.contrast(BasicPalette.luminance(i), background)
      #expect(ratio >= 3, "\(theme.name) tier \(level): colour \(i) at \(ratio):1")
      #expect(ratio > last, "\(theme.name) tier \(level) is no further from the background")
      last = ratio
    }
  }

  /// High contrast is for the back row: no dim attribute and no grey text anywhere (secondary
  /// text is white too), and every style's text reads at 4.5:1 or better against its
  /// background (the terminal's black where it has none). The empty part of a track is not
  /// text and may recede.
  @Test func highContrastHasNoDimText() {
    let t = Theme.highContrast
    for s in Self.styles(t) where s != t.barEmpty {
      #expect(!s.attrs.contains(.dim), "\(Canvas.describe(s))")
      guard case .index(let fg) = s.fg else { continue }
      let (r, g, b) = BasicPalette.rgb(fg)
      let grey = r == g && g == b && r > 0 && r < 255
      #expect(!grey, "grey text \(Canvas.describe(s))")
      let back: Double
      if case .index(let bg) = s.bg { back = BasicPalette.luminance(bg) } else { back = 0 }
      #expect(
        BasicPalette.contrast(BasicPalette.luminance(fg), back) >= 4.5, "\(Canvas.describe(s))")
    }
  }

  @Test func monochromeUsesNoColour() {
    for t in [Theme.monochrome, Theme.dark.adapted(to: .none), Theme.light.adapted(to: .none)] {
      #expect(Self.styles(t).allSatisfy { $0.fg == .default && $0.bg == .default })
    }
  }

  @Test(arguments: all)
  func basicAdaptationUsesEightColoursAndKeepsTextVisible(theme: Theme) {
    let basic = theme.adapted(to: .basic)
    for s in Self.styles(basic) {
      for c in [s.fg, s.bg] {
        if case .index(let i) = c { #expect(i < 8, "\(theme.name): \(Canvas.describe(s))") }
      }
      if s.fg != .default { #expect(s.fg != s.bg, "\(theme.name): \(Canvas.describe(s))") }
    }
  }

  @Test func basicAdaptationKeepsGreysOnTheThemesSide() {
    // Light text for dark terminals stays light; dark text for light ones stays dark.
    #expect(Theme.dark.adapted(to: .basic).text.fg == .white)
    #expect(Theme.light.adapted(to: .basic).text.fg == .black)
    #expect(Theme.light.adapted(to: .basic).glow[0].fg == .black)
  }

  @Test func keepingDistinctAddsAttributesOnlyToRepeats() {
    let a = Style(fg: .red)
    let b = Style(fg: .green)
    #expect(
      BasicPalette.keepingDistinct([a, b, a, a]) == [
        a, b, a.adding(.reverse), a.adding([.reverse, .underline]),
      ])
  }

  @Test func fullColourAdaptationIsIdentity() {
    for t in Self.all { #expect(t.adapted(to: .palette256) == t) }
  }

  @Test func namesRoundTrip() {
    for name in Theme.names { #expect(Theme.named(name)?.name == name) }
    #expect(Theme.named("sepia") == nil)
  }

  @Test(arguments: [GlyphSet.ascii, .unicode])
  func glyphSetsAreConsistent(glyphs: GlyphSet) {
    let all: [Character] =
      [
        glyphs.horizontal, glyphs.vertical, glyphs.topLeft, glyphs.topRight, glyphs.bottomLeft,
        glyphs.bottomRight, glyphs.teeLeft, glyphs.teeRight, glyphs.full, glyphs.shade,
        glyphs.track, glyphs.knob, glyphs.arrowUp, glyphs.arrowDown, glyphs.arrowLeft,
        glyphs.arrowRight, glyphs.bullet, glyphs.ok, glyphs.warn, glyphs.fail, glyphs.middleDot,
        glyphs.times,
      ] + glyphs.eighths + glyphs.heat + Array(glyphs.ellipsis)
    #expect(all.allSatisfy { $0.isASCII } == !glyphs.isUnicode)
    #expect(all.allSatisfy { CharWidth.of($0) == 1 })
    #expect(glyphs.eighths.count == 9)
    #expect(glyphs.ellipsis.displayWidth == 1)
  }
}
