/// The styles of every role the screens draw. Widgets ask for a role, never a colour, so a
/// theme (and the terminal's colour depth) can change everything at once.
public struct Theme: Hashable, Sendable {
  public var name: String
  public var text: Style
  public var muted: Style
  public var title: Style
  public var border: Style
  public var borderFocus: Style
  /// Numbers and values the eye should find (dossier figures, slider values).
  public var accent: Style
  /// The focused control's label.
  public var focus: Style
  /// The cursor row or selected item.
  public var selection: Style
  /// Key names in the hint bar and help.
  public var key: Style
  public var good: Style
  public var warn: Style
  public var fail: Style
  /// A value the last move changed, with its ▲/▼ (the arrow tells the direction).
  public var changed: Style
  /// Rising and falling values where the sign is the message (heat strips).
  public var changedUp: Style
  public var changedDown: Style
  /// Prompt tokens in the Journey context.
  public var prompt: Style
  /// Generated tokens in the Journey context.
  public var generated: Style
  /// Attention glow from weakest to strongest: backgrounds that step in brightness away from
  /// the terminal's (each tier about twice as far as the one before), not only in hue, so
  /// the tiers stay apart on a washed-out projector.
  public var glow: [Style]
  /// Slider tracks and bars. Bold in the colour themes like the values beside them, so a
  /// slider move switches colours only, not attributes (fewer bytes on the wire).
  public var barFill: Style
  public var barEmpty: Style
  /// The bar of the sampled or highlighted item.
  public var barHighlight: Style
  public var tabActive: Style
  public var tabInactive: Style
  public var hintBar: Style
  public var overlay: Style

  public static let names = ["dark", "light", "high-contrast", "monochrome"]

  /// A built-in theme by name (nil for an unknown name).
  public static func named(_ name: String) -> Theme? {
    switch name.lowercased() {
    case "dark": return .dark
    case "light": return .light
    case "high-contrast", "highcontrast", "contrast": return .highContrast
    case "monochrome", "mono", "none": return .monochrome
    default: return nil
    }
  }

  /// This theme as the terminal can show it: unchanged at 256 colours, mapped to the 8
  /// basic colours at `.basic`, and replaced by the attributes-only theme at `.none`.
  /// At `.basic`, greys map towards the theme's own background (a theme whose text is light
  /// is for dark terminals), and roles that must differ (good/warn/fail, glow levels) are
  /// told apart by attributes when their colours merge.
  public func adapted(to depth: ColorDepth) -> Theme {
    switch depth {
    case .palette256: return self
    case .none: return .monochrome
    case .basic:
      var t = self
      t.name = name + " (8 colours)"
      let onDark = BasicPalette.isLight(text.fg)
      t.mapStyles { BasicPalette.downgrade($0, onDark: onDark) }
      let verdicts = BasicPalette.keepingDistinct([t.good, t.warn, t.fail])
      (t.good, t.warn, t.fail) = (verdicts[0], verdicts[1], verdicts[2])
      t.glow = BasicPalette.keepingDistinct(t.glow)
      return t
    }
  }

  mutating func mapStyles(_ f: (Style) -> Style) {
    text = f(text)
    muted = f(muted)
    title = f(title)
    border = f(border)
    borderFocus = f(borderFocus)
    accent = f(accent)
    focus = f(focus)
    selection = f(selection)
    key = f(key)
    good = f(good)
    warn = f(warn)
    fail = f(fail)
    changed = f(changed)
    changedUp = f(changedUp)
    changedDown = f(changedDown)
    prompt = f(prompt)
    generated = f(generated)
    glow = glow.map(f)
    barFill = f(barFill)
    barEmpty = f(barEmpty)
    barHighlight = f(barHighlight)
    tabActive = f(tabActive)
    tabInactive = f(tabInactive)
    hintBar = f(hintBar)
    overlay = f(overlay)
  }
}

private func fg(_ i: UInt8, _ a: Attributes = []) -> Style { Style(fg: .index(i), attrs: a) }
private func fgbg(_ f: UInt8, _ b: UInt8, _ a: Attributes = []) -> Style {
  Style(fg: .index(f), bg: .index(b), attrs: a)
}

extension Theme {
  /// The default: light text on the terminal's own dark background.
  public static let dark = Theme(
    name: "dark", text: fg(252), muted: fg(245), title: fg(117, .bold), border: fg(240),
    borderFocus: fg(81), accent: fg(222, .bold), focus: fg(81, .bold),
    selection: fgbg(231, 24, .bold), key: fg(81, .bold), good: fg(114), warn: fg(214, .bold),
    fail: fg(203, .bold), changed: fg(231, .bold), changedUp: fg(120, .bold),
    changedDown: fg(210, .bold),
    prompt: fg(247), generated: fg(122, .bold),
    glow: [fgbg(231, 60), fgbg(16, 172, .bold), fgbg(16, 229, .bold)],
    barFill: fg(75, .bold), barEmpty: fg(238, .bold), barHighlight: fg(122, .bold),
    tabActive: fgbg(231, 31, .bold), tabInactive: fg(250), hintBar: fgbg(250, 235),
    overlay: fgbg(252, 236))

  /// For terminals with a light background.
  public static let light = Theme(
    name: "light", text: fg(235), muted: fg(242), title: fg(25, .bold), border: fg(248),
    borderFocus: fg(31), accent: fg(130, .bold), focus: fg(25, .bold),
    selection: fgbg(16, 153, .bold), key: fg(25, .bold), good: fg(28), warn: fg(130, .bold),
    fail: fg(160, .bold), changed: fg(90, .bold), changedUp: fg(28, .bold),
    changedDown: fg(160, .bold),
    prompt: fg(242), generated: fg(29, .bold),
    glow: [fgbg(16, 111), fgbg(231, 130, .bold), fgbg(231, 88, .bold)],
    barFill: fg(32, .bold), barEmpty: fg(252, .bold), barHighlight: fg(29, .bold),
    tabActive: fgbg(231, 25, .bold), tabInactive: fg(238), hintBar: fgbg(236, 254),
    overlay: fgbg(235, 255))

  /// For projectors: bright, saturated, bold; nothing that washes out, and no grey text at
  /// all (secondary text is white like the rest; what matters more is bold or coloured).
  public static let highContrast = Theme(
    name: "high-contrast", text: fg(231), muted: fg(231), title: fg(226, .bold),
    border: fg(231), borderFocus: fg(51, .bold), accent: fg(226, .bold), focus: fg(51, .bold),
    selection: fgbg(16, 226, .bold), key: fg(51, .bold), good: fg(46, .bold),
    warn: fg(214, .bold), fail: fgbg(231, 160, .bold), changed: fg(51, .bold),
    changedUp: fg(46, .bold),
    changedDown: fg(196, .bold), prompt: fg(231), generated: fg(51, .bold),
    glow: [fgbg(231, 27, .bold), fgbg(16, 208, .bold), fgbg(16, 231, .bold)],
    barFill: fg(51, .bold), barEmpty: fg(248), barHighlight: fg(226, .bold),
    tabActive: fgbg(16, 51, .bold), tabInactive: fg(231), hintBar: fgbg(231, 16, .bold),
    overlay: fgbg(231, 16))

  /// Attributes only: legible with NO_COLOR, --no-color or a terminal without colour.
  public static let monochrome = Theme(
    name: "monochrome", text: Style(), muted: Style(attrs: .dim), title: Style(attrs: .bold),
    border: Style(), borderFocus: Style(attrs: .bold), accent: Style(attrs: .bold),
    focus: Style(attrs: [.bold, .underline]), selection: Style(attrs: .reverse),
    key: Style(attrs: .bold), good: Style(), warn: Style(attrs: .bold),
    fail: Style(attrs: [.bold, .reverse]), changed: Style(attrs: [.bold, .underline]),
    changedUp: Style(attrs: .bold),
    changedDown: Style(attrs: .bold), prompt: Style(attrs: .dim),
    generated: Style(attrs: .bold),
    glow: [Style(attrs: .underline), Style(attrs: [.bold, .underline]), Style(attrs: .reverse)],
    barFill: Style(), barEmpty: Style(attrs: .dim), barHighlight: Style(attrs: .bold),
    tabActive: Style(attrs: [.reverse, .bold]), tabInactive: Style(), hintBar: Style(),
    overlay: Style())
}

/// Maps xterm-256 colours to the 8 basic ones for terminals that have no more.
enum BasicPalette {
  static let basics: [(r: Int, g: Int, b: Int)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
    (0, 205, 205), (229, 229, 229),
  ]

  static func rgb(_ i: UInt8) -> (r: Int, g: Int, b: Int) {
    let v = Int(i)
    if v < 16 {
      let b = basics[v % 8]
      return v < 8 ? b : (min(255, b.r + 50), min(255, b.g + 50), min(255, b.b + 50))
    }
    if v >= 232 {
      let g = 8 + (v - 232) * 10
      return (g, g, g)
    }
    let c = v - 16
    let steps = [0, 95, 135, 175, 215, 255]
    return (steps[c / 36], steps[(c / 6) % 6], steps[c % 6])
  }

  /// Whether a colour is light (the default counts as light text on a dark terminal).
  static func isLight(_ c: Color) -> Bool {
    guard case .index(let i) = c else { return true }
    let (r, g, b) = rgb(i)
    return max(r, g, b) >= 128
  }

  static func nearest(_ i: UInt8, background: Bool, onDark: Bool = true) -> (Color, Attributes) {
    if i < 8 { return (.index(i), []) }
    if i < 16 { return (.index(i - 8), background ? [] : .bold) }
    let (r, g, b) = rgb(i)
    let hi = max(r, g, b)
    let lo = min(r, g, b)
    if hi - lo < 40 {
      // A grey: keep it readable on the theme's background rather than close in hue.
      if background { return hi > 180 ? (.white, []) : (.default, []) }
      if !onDark { return hi < 80 ? (.black, []) : (hi < 160 ? (.black, .dim) : (.white, [])) }
      return hi < 140 ? (.white, .dim) : (.white, hi > 230 ? .bold : [])
    }
    var best = 1
    var bestD = Int.max
    for k in 1..<7 {
      let c = basics[k]
      let d = (c.r - r) * (c.r - r) + (c.g - g) * (c.g - g) + (c.b - b) * (c.b - b)
      if d < bestD {
        bestD = d
        best = k
      }
    }
    return (.index(UInt8(best)), [])
  }

  /// Styles that should look different, made so: one equal to an earlier one gets reverse
  /// video, then underline, added.
  static func keepingDistinct(_ styles: [Style]) -> [Style] {
    var out: [Style] = []
    for var s in styles {
      for extra in [Attributes.reverse, .underline] where out.contains(s) { s.attrs.insert(extra) }
      out.append(s)
    }
    return out
  }

  static func downgrade(_ s: Style, onDark: Bool = true) -> Style {
    var out = s
    if case .index(let i) = s.fg {
      let (c, a) = nearest(i, background: false, onDark: onDark)
      out.fg = c
      out.attrs.formUnion(a)
    }
    if case .index(let i) = s.bg {
      let (c, _) = nearest(i, background: true)
      out.bg = c
      if c != .default, out.fg == c { out.fg = c == .white ? .black : .white }
    }
    return out
  }
}
