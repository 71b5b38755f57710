import ForgeCore
import TerminalUI

/// The verdicts, worst first, each led by its severity symbol (✓ ! ✗, or + ! X in ASCII) so
/// they read without colour. Problems are always wrapped in full; when room runs short the
/// passing checks become a checklist of names, and what still does not fit is counted on the
/// last line, with the key that scrolls on to it.
enum ForgeVerdictsView {
  /// Every verdict wrapped in full to the text width of a verdicts panel, worst first: laid
  /// out once per frame's layout, then read by the panel, its scroll and the hint bar.
  struct Wrapped: Equatable, Sendable {
    /// Columns of text in the panel.
    let width: Int
    /// The verdicts, worst first.
    let ranked: [Verdict]
    /// Each of `ranked` wrapped under its symbol.
    let blocks: [[StyledText]]

    /// Each verdict wrapped, or taken from `kept` (wrapped in the same context) where one of
    /// them wrapped a verdict of the same severity and message (all `wrap` reads of it) at the
    /// same width.
    init(_ verdicts: [Verdict], area: Rect, context: RenderContext, keeping kept: [Wrapped] = []) {
      width = Panel.inner(of: area).width - 2
      ranked = ForgeMarks.ranked(verdicts)
      let same = kept.filter { [width] in $0.width == width }
      blocks = ranked.map { [width] verdict in
        for old in same {
          if let i = old.ranked.firstIndex(where: {
            $0.severity == verdict.severity && $0.message == verdict.message
          }) {
            return old.blocks[i]
          }
        }
        return ForgeVerdictsView.wrap(verdict, width: width, context: context)
      }
    }
  }

  /// `content(_:height:context:)` for one height, kept with the page that laid the verdicts
  /// out, so that the panel and the hint bar (which asks whether they scroll) do not each
  /// build the checklist again every frame.
  struct Content: Equatable, Sendable {
    let height: Int
    let lines: [StyledText]
    let starts: [Int]

    init(_ text: Wrapped, height: Int, context: RenderContext) {
      self.height = height
      (lines, starts) = ForgeVerdictsView.content(text, height: height, context: context)
    }
  }

  /// The panel at `area`, with `text` wrapped for it (`Wrapped(_:area:context:)`) and, where
  /// given, its content for the panel's height.
  static func draw(
    _ text: Wrapped, firstLine: Int = 0, into canvas: inout Canvas, area: Rect,
    context: RenderContext, kept: Content? = nil
  ) {
    let inner = Panel(title(text.ranked, context.glyphs)).draw(
      into: &canvas, area: area, context: context)
    guard text.width > 4, inner.height > 0 else { return }
    let lines = self.lines(
      text, height: inner.height, firstLine: firstLine, context: context, kept: kept)
    for (i, line) in lines.enumerated() {
      canvas.put(line, x: inner.x + 1, y: inner.y + i, clip: inner)
    }
  }

  /// `Verdicts · 1 ✗ · 7 ✓`: the count of each severity present.
  static func title(_ verdicts: [Verdict], _ g: GlyphSet) -> String {
    let counts: [(Severity, Character)] = [(.fail, g.fail), (.warn, g.warn), (.ok, g.ok)]
    let parts = counts.compactMap { severity, glyph -> String? in
      let n = verdicts.filter { $0.severity == severity }.count
      return n == 0 ? nil : "\(n) \(glyph)"
    }
    return (["Verdicts"] + parts).joined(separator: " \(g.middleDot) ")
  }

  /// Every line the verdicts take in a box of `width` × `height`, and how many verdicts start
  /// on each: all of them in full when that fits, else the problems in full and the passing
  /// checks as a checklist of names (which, having no numbers, stays still while the sliders
  /// move).
  static func content(_ text: Wrapped, height: Int, context: RenderContext)
    -> (lines: [StyledText], starts: [Int])
  {
    let ranked = text.ranked
    let full = text.blocks
    let width = text.width
    func starts(_ blocks: [[StyledText]], _ counts: [Int]) -> [Int] {
      zip(blocks, counts).flatMap { block, count in
        [count] + Array(repeating: 0, count: block.count - 1)
      }
    }
    if full.joined().count <= height {
      return (Array(full.joined()), starts(full, Array(repeating: 1, count: full.count)))
    }
    let passing = ranked.filter { $0.severity == .ok }
    var blocks = zip(ranked, full).filter { $0.0.severity != .ok }.map(\.1)
    var counts = Array(repeating: 1, count: blocks.count)
    // Each line of the checklist starts the verdicts it names.
    for line in checklist(passing, width: width, context: context) {
      blocks.append([line.text])
      counts.append(line.count)
    }
    var lines = Array(blocks.joined())
    var starting = starts(blocks, counts)
    let note = StyledText(
      "A problem shows here in full when a slider causes one.", style: context.theme.muted
    ).wrapped(to: width)
    if passing.count == ranked.count, lines.count + 1 + note.count <= height {
      lines += [StyledText()] + note
      starting += Array(repeating: 0, count: 1 + note.count)
    }
    return (lines, starting)
  }

  /// `content(_:height:context:)`, from `kept` where that is for `height`.
  private static func content(
    _ text: Wrapped, height: Int, context: RenderContext, kept: Content?
  ) -> (lines: [StyledText], starts: [Int]) {
    if let kept, kept.height == height { return (kept.lines, kept.starts) }
    return content(text, height: height, context: context)
  }

  /// Lines on show in a panel that does not hold them all: all but the last row.
  static func page(area: Rect) -> Int { max(1, Panel.inner(of: area).height - 1) }

  /// The last first line a scroll can reach in `area`; 0 when every verdict fits.
  static func lastLine(
    _ text: Wrapped, area: Rect, context: RenderContext, kept: Content? = nil
  ) -> Int {
    let inner = Panel.inner(of: area)
    guard text.width > 4, inner.height > 0 else { return 0 }
    let all = content(text, height: inner.height, context: context, kept: kept)
    guard all.lines.count > inner.height else { return 0 }
    return max(0, all.lines.count - page(area: area))
  }

  /// The verdict lines for a box of `width` × `height` scrolled to `firstLine`: when they do
  /// not all fit, a window of them over a last line that counts what is further down and names
  /// the key that shows it (or, at the end, the way back to the top).
  static func lines(
    _ text: Wrapped, height: Int, firstLine: Int = 0, context: RenderContext,
    kept: Content? = nil
  ) -> [StyledText] {
    let all = content(text, height: height, context: context, kept: kept)
    if all.lines.count <= height { return all.lines }
    let rows = max(0, height - 1)
    let first = min(max(0, firstLine), max(0, all.lines.count - rows))
    let end = min(all.lines.count, first + rows)
    var out = Array(all.lines[first..<end])
    let hidden = all.starts[end...].reduce(0, +)
    let key = String(ForgeKeys.moreVerdicts)
    let t = context.theme
    let status: StyledText
    if end < all.lines.count {
      let more =
        hidden > 0 ? "\(context.glyphs.ellipsis) \(hidden) more" : "\(context.glyphs.ellipsis) more"
      status =
        StyledText(more + ": ", style: t.muted) + StyledText(key, style: t.key)
        + StyledText(" shows \(hidden > 1 ? "them" : "it")", style: t.muted)
    } else {
      status = StyledText(key, style: t.key) + StyledText(" back to the first", style: t.muted)
    }
    out += Array(repeating: StyledText(), count: rows - out.count)
    out.append(status)
    return out
  }

  /// `✓ KV fits  ✓ one node  ✓ fleet …`, as many items a line as fit in `width`.
  static func checklist(_ passing: [Verdict], width: Int, context: RenderContext)
    -> [(text: StyledText, count: Int)]
  {
    var lines: [(text: StyledText, count: Int)] = []
    var line = StyledText()
    var count = 0
    for verdict in passing {
      // The whole list in the passing style: it reads as one green list (and costs one
      // colour switch a line on the wire, not two an item).
      let item =
        symbol(verdict, context)
        + StyledText(ForgeMarks.checkNames[verdict.id] ?? verdict.id, style: context.theme.good)
      if !line.isEmpty, line.displayWidth + 2 + item.displayWidth > width {
        lines.append((line, count))
        line = StyledText()
        count = 0
      }
      if !line.isEmpty { line.append("  ") }
      line.append(item)
      count += 1
    }
    if !line.isEmpty { lines.append((line, count)) }
    return lines
  }

  private static func symbol(_ verdict: Verdict, _ context: RenderContext) -> StyledText {
    let g = context.glyphs
    let glyph: Character =
      switch verdict.severity {
      case .ok: g.ok
      case .warn: g.warn
      case .fail: g.fail
      }
    return StyledText(
      String(glyph) + " ", style: ForgeDossierView.style(verdict.severity, context.theme))
  }

  /// The verdict wrapped under its symbol, continuation lines indented past it.
  static func wrap(_ verdict: Verdict, width: Int, context: RenderContext) -> [StyledText] {
    let style = verdict.severity == .ok ? context.theme.muted : context.theme.text
    let body = StyledText(glued(context.glyphs.text(verdict.message)), style: style).wrapped(
      to: width - 2)
    return body.enumerated().map { i, line in
      (i == 0 ? symbol(verdict, context) : StyledText("  ")) + line
    }
  }

  /// Keeps a number with the short word after it ("103 GB", "42,638 tokens") when the line
  /// wraps, by joining them with a no-break space (drawn as a plain one).
  static func glued(_ text: String) -> String {
    if text.loneNarrowCount != nil { return gluedByScalars(text) }
    var out = ""
    let chars = Array(text)
    for (i, c) in chars.enumerated() {
      if c == " ", i > 0, chars[i - 1].isNumber, i + 1 < chars.count, chars[i + 1].isLetter {
        let word = chars[(i + 1)...].prefix { $0 != " " }
        if word.count <= 7 {
          out.append(.noBreakSpace)
          continue
        }
      }
      out.append(c)
    }
    return out
  }

  /// `glued` for text whose every scalar is a character of its own (`loneNarrowCount`): the
  /// same rule on the UTF-8 bytes (a one-scalar character's number and letter properties are
  /// its scalar's), without breaking the text into characters or scalars.
  private static func gluedByScalars(_ text: String) -> String {
    var bytes = Array(text.utf8)
    let n = bytes.count
    var glue: [Int] = []
    for i in 1..<max(1, n - 1) where bytes[i] == 0x20 {
      guard isNumber(scalar(endingAt: i - 1, in: bytes)),
        isLetter(scalar(startingAt: i + 1, in: bytes))
      else { continue }
      // The word after the space: at most 7 characters (scalars) to keep with the number.
      var k = i + 1
      var count = 0
      while k < n, bytes[k] != 0x20, count <= 7 {
        if bytes[k] & 0xC0 != 0x80 { count += 1 }
        k += 1
      }
      if count <= 7 { glue.append(i) }
    }
    guard !glue.isEmpty else { return text }
    // Each glued space becomes U+00A0 (two bytes), back to front so the offsets hold.
    for i in glue.reversed() { bytes.replaceSubrange(i...i, with: [0xC2, 0xA0]) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The scalar whose last UTF-8 byte is at `end`.
  private static func scalar(endingAt end: Int, in bytes: [UInt8]) -> Unicode.Scalar {
    var start = end
    while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return scalar(startingAt: start, in: bytes)
  }

  /// The scalar whose first UTF-8 byte is at `start` (valid UTF-8: it came from a String).
  private static func scalar(startingAt start: Int, in bytes: [UInt8]) -> Unicode.Scalar {
    let b0 = UInt32(bytes[start])
    if b0 < 0x80 { return Unicode.Scalar(UInt8(b0)) }
    let length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
    var v = b0 & (0x7F >> UInt32(length))
    for k in 1..<length { v = v << 6 | (UInt32(bytes[start + k]) & 0x3F) }
    return Unicode.Scalar(v) ?? " "
  }

  @inline(__always) private static func isNumber(_ s: Unicode.Scalar) -> Bool {
    if s.isASCII { return s.value >= 0x30 && s.value <= 0x39 }
    return s.properties.numericType != nil
  }

  @inline(__always) private static func isLetter(_ s: Unicode.Scalar) -> Bool {
    if s.isASCII { return (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
    return s.properties.isAlphabetic
  }
}
