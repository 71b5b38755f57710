import TestSupport
import Testing

@testable import TerminalUI

/// The one-column fast paths (`isLoneNarrow`: no grapheme breaking, no width look-up) must
/// give exactly what the general character-by-character code gives. The general code is kept
/// here as the reference, and both run on the same seeded random texts.
struct TextFastPathTests {
  /// Every lone-narrow scalar is one column by the general rule and a character of its own
  /// next to any other lone-narrow scalar.
  @Test func loneNarrowScalarsAreOneColumnCharactersOfTheirOwn() {
    let scalars = Self.loneNarrowScalars
    #expect(scalars.count > 3000)
    for s in scalars {
      #expect(Reference.width(Character(s)) == 1, "U+\(String(s.value, radix: 16))")
      for other in ["a", " ", "─", "·", "α"] as [Unicode.Scalar] {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: [other, s, other, s, s])
        #expect(String(text).count == 5, "U+\(String(s.value, radix: 16))")
      }
    }
    var rng = SeededRandom(seed: 6)
    for _ in 0..<20_000 {
      var text = String.UnicodeScalarView()
      for _ in 0..<4 { text.append(scalars[Int(rng.next() % UInt64(scalars.count))]) }
      #expect(String(text).count == 4)
      #expect(String(text).displayWidth == 4)
    }
    // Just outside the ranges: combining marks, joiners, controls, the soft hyphen.
    for v: UInt32 in [0x1F, 0x7F, 0xAD, 0x300, 0x483, 0x200B, 0x200D, 0x2028, 0x2060, 0x20D0] {
      #expect(!Unicode.Scalar(v)!.isLoneNarrow)
    }
  }

  @Test func putMatchesTheCharacterByCharacterPut() {
    var rng = SeededRandom(seed: 14)
    for _ in 0..<400 {
      let size = Size(width: 12, height: 3)
      var fast = Canvas(size: size)
      // Wide characters under the writes, so halves get blanked on both paths.
      for y in 0..<3 { fast.put("日a本b語c", x: Int(rng.next() % 4), y: y, style: Self.red) }
      var slow = fast
      for _ in 0..<6 {
        let text = Self.randomText(&rng)
        let x = Int(rng.next() % 16) - 3
        let y = Int(rng.next() % 4)
        let clip =
          rng.next() % 2 == 0
          ? nil : Rect(x: Int(rng.next() % 6), y: 0, width: Int(rng.next() % 10), height: 3)
        let style = rng.next() % 2 == 0 ? Self.red : Self.bold
        let a = fast.put(text, x: x, y: y, style: style, clip: clip)
        let b = Reference.put(text, into: &slow, x: x, y: y, style: style, clip: clip)
        #expect(a == b, "\(text.debugDescription) at \(x),\(y)")
        #expect(fast == slow, "\(text.debugDescription) at \(x),\(y)")
        let glyph = text.first ?? "x"
        fast.put(glyph, x: x, y: y, style: style, clip: clip)
        Reference.put(String(glyph), into: &slow, x: x, y: y, style: style, clip: clip)
        #expect(fast == slow, "\(glyph.debugDescription) at \(x),\(y)")
      }
    }
  }

  @Test func widthsAndCutsMatchTheGeneralRule() {
    var rng = SeededRandom(seed: 3)
    for _ in 0..<3000 {
      let text = Self.randomText(&rng)
      #expect(text.displayWidth == text.reduce(0) { $0 + Reference.width($1) })
      let width = Int(rng.next() % 12)
      #expect(
        text.truncated(to: width) == Reference.truncated(text, to: width),
        "\(text.debugDescription) to \(width)")
    }
  }

  @Test func wrapMatchesTheCharacterByCharacterWrap() {
    var rng = SeededRandom(seed: 9)
    for _ in 0..<3000 {
      var text = StyledText()
      for _ in 0..<Int(1 + rng.next() % 4) {
        text.append(Self.randomText(&rng), style: rng.next() % 2 == 0 ? Self.red : Self.bold)
      }
      let width = Int(1 + rng.next() % 14)
      #expect(
        text.wrapped(to: width) == Reference.wrapped(text, to: width),
        "\(text.plain.debugDescription) to \(width)")
    }
  }

  /// The lone-narrow count read from the UTF-8, and a character's lone-narrow scalar read from
  /// its UTF-8, agree with the scalar-view rule.
  @Test func utf8CountsMatchTheScalarRule() {
    var rng = SeededRandom(seed: 21)
    for _ in 0..<5000 {
      let text = Self.randomText(&rng) + (rng.next() % 3 == 0 ? "\u{7F}\u{1F}" : "")
      #expect(text.loneNarrowCount == text.loneNarrowCountByScalars, "\(text.debugDescription)")
      for ch in text {
        let scalars = Array(ch.unicodeScalars)
        let expected = scalars.count == 1 && scalars[0].isLoneNarrow ? scalars[0].value : nil
        #expect(ch.loneNarrowScalar == expected, "\(ch.debugDescription)")
      }
    }
    // Long runs of ASCII (read eight bytes at a time) with a control, DEL or non-ASCII byte
    // anywhere.
    for _ in 0..<5000 {
      var scalars = String.UnicodeScalarView()
      for _ in 0..<Int(rng.next() % 40) {
        let r = rng.next() % 100
        let v: UInt32 =
          r < 94 ? UInt32(0x20 + rng.next() % 95) : r < 97 ? UInt32(rng.next() % 0x80) : 0xE9
        scalars.append(Unicode.Scalar(v)!)
      }
      let text = String(scalars)
      #expect(text.loneNarrowCount == text.loneNarrowCountByScalars, "\(text.debugDescription)")
    }
    for v in 0..<0x3000 {
      guard let s = Unicode.Scalar(UInt32(v)) else { continue }
      #expect(String(Character(s)).loneNarrowCount == (s.isLoneNarrow ? 1 : nil))
      #expect(Character(s).loneNarrowScalar == (s.isLoneNarrow ? s.value : nil))
    }
  }

  /// A run of one glyph is written as the repeated string would be.
  @Test func repeatedGlyphMatchesTheRepeatedString() {
    var rng = SeededRandom(seed: 17)
    let glyphs: [Character] = ["─", "-", "a", " ", "\u{A0}", "日", "e\u{301}", "⚠️", "\t", "⣿"]
    for _ in 0..<2000 {
      var fast = Canvas(size: Size(width: 12, height: 3))
      for y in 0..<3 { fast.put("日a本b語c", x: Int(rng.next() % 4), y: y, style: Self.red) }
      var slow = fast
      let glyph = glyphs[Int(rng.next() % UInt64(glyphs.count))]
      let count = Int(rng.next() % 16)
      let x = Int(rng.next() % 16) - 3
      let y = Int(rng.next() % 4)
      let clip =
        rng.next() % 2 == 0
        ? nil : Rect(x: Int(rng.next() % 6), y: 0, width: Int(rng.next() % 10), height: 3)
      let a = fast.put(glyph, repeating: count, x: x, y: y, style: Self.bold, clip: clip)
      let b = Reference.put(
        String(repeating: glyph, count: count), into: &slow, x: x, y: y, style: Self.bold,
        clip: clip)
      #expect(a == b, "\(glyph.debugDescription) x\(count) at \(x),\(y)")
      #expect(fast == slow, "\(glyph.debugDescription) x\(count) at \(x),\(y)")
    }
  }

  /// Splitting at "\n" by bytes gives the lines splitting by characters gives (CR-LF too).
  @Test func linesMatchTheCharacterSplit() {
    var rng = SeededRandom(seed: 5)
    let breaks = ["\n", "\n\n", "\r\n", "\r", "\n\u{301}"]
    for _ in 0..<3000 {
      var text = StyledText()
      for _ in 0..<Int(1 + rng.next() % 4) {
        var piece = Self.randomText(&rng)
        if rng.next() % 2 == 0 { piece += breaks[Int(rng.next() % UInt64(breaks.count))] }
        piece += Self.randomText(&rng)
        text.append(piece, style: rng.next() % 2 == 0 ? Self.red : Self.bold)
      }
      #expect(text.lines == Reference.lines(text), "\(text.plain.debugDescription)")
    }
  }

  static let red = Style(fg: .red)
  static let bold = Style(attrs: .bold)

  static let loneNarrowScalars: [Unicode.Scalar] = (0..<0x2C00).compactMap {
    Unicode.Scalar(UInt32($0)).flatMap { $0.isLoneNarrow ? $0 : nil }
  }

  /// Words and spaces from ASCII, box drawing and maths, wide characters, combining marks,
  /// tabs, the no-break space and an emoji with a variation selector.
  static func randomText(_ rng: inout SeededRandom) -> String {
    let pieces = [
      "ab", "word", " ", "  ", "\t", "─│", "α·β", "1.5e3", "日本", "e\u{301}", "\u{A0}", "⚠️", "→",
      "x", "longerword", "⣿⡇",
    ]
    var out = ""
    for _ in 0..<Int(rng.next() % 7) { out += pieces[Int(rng.next() % UInt64(pieces.count))] }
    return out
  }
}

/// The general code the fast paths stand in for (as it was before them).
enum Reference {
  static func width(_ ch: Character) -> Int {
    if let a = ch.asciiByte { return a < 0x20 || a == 0x7F ? 0 : 1 }
    guard let s = ch.unicodeScalars.first else { return 0 }
    let v = s.value
    if v == 0 { return 0 }
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
    if v < 0x300 { return 1 }
    switch s.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    return CharWidth.isWide(v) ? 2 : 1
  }

  static func displayWidth(_ s: String) -> Int { s.reduce(0) { $0 + width($1) } }

  static func truncated(_ s: String, to w: Int, ellipsis: String = "…") -> String {
    guard w > 0 else { return "" }
    if displayWidth(s) <= w { return s }
    let ell = displayWidth(ellipsis) <= w ? ellipsis : ""
    let budget = w - displayWidth(ell)
    var out = ""
    var used = 0
    for ch in s {
      if used + width(ch) > budget { break }
      out.append(ch)
      used += width(ch)
    }
    return out + ell
  }

  private static func place(_ cell: Cell, into c: inout Canvas, x: Int, y: Int) {
    let old = c[x, y]
    if old.width == 0, x > 0 {
      var lead = c[x - 1, y]
      lead.glyph = " "
      lead.width = 1
      c[x - 1, y] = lead
    }
    if old.width == 2 {
      var cont = c[x + 1, y]
      cont.glyph = " "
      cont.width = 1
      c[x + 1, y] = cont
    }
    c[x, y] = cell
  }

  @discardableResult
  static func put(
    _ text: String, into c: inout Canvas, x: Int, y: Int, style: Style, clip: Rect?
  ) -> Int {
    let area = (clip ?? c.bounds).intersection(c.bounds)
    guard y >= area.y, y < area.maxY else { return x + displayWidth(text) }
    var cx = x
    for ch in text {
      let w = width(ch)
      if w == 0 { continue }
      if cx >= area.maxX { break }
      if cx >= area.x {
        if w == 2 {
          if cx + 1 < area.maxX {
            place(Cell(ch, style: style, width: 2), into: &c, x: cx, y: y)
            place(Cell(" ", style: style, width: 0), into: &c, x: cx + 1, y: y)
          } else {
            place(Cell(" ", style: style), into: &c, x: cx, y: y)
          }
        } else {
          place(Cell(ch == .noBreakSpace ? " " : ch, style: style), into: &c, x: cx, y: y)
        }
      } else if w == 2 && cx + 1 == area.x {
        place(Cell(" ", style: style), into: &c, x: area.x, y: y)
      }
      cx += w
    }
    return cx
  }

  static func lines(_ text: StyledText) -> [StyledText] {
    var out = [StyledText()]
    for span in text.spans {
      let parts = span.text.split(separator: "\n", omittingEmptySubsequences: false)
      for (i, part) in parts.enumerated() {
        if i > 0 { out.append(StyledText()) }
        out[out.count - 1].append(String(part), style: span.style)
      }
    }
    return out
  }

  static func wrapped(_ text: StyledText, to width: Int) -> [StyledText] {
    typealias Char = (char: Character, style: Style)
    func isSpace(_ c: Char) -> Bool { c.char == " " || c.char == "\t" }
    func w(_ cs: [Char]) -> Int { cs.reduce(0) { $0 + self.width($1.char) } }
    func join(_ cs: [Char]) -> StyledText {
      var out = StyledText()
      for c in cs { out.append(String(c.char), style: c.style) }
      return out
    }
    guard width > 0 else { return [] }
    let chars: [Char] = text.spans.flatMap { s in s.text.map { ($0, s.style) } }
    var tokens: [[Char]] = []
    for c in chars {
      if let last = tokens.last?.last, isSpace(last) == isSpace(c) {
        tokens[tokens.count - 1].append(c)
      } else {
        tokens.append([c])
      }
    }
    var lines: [[Char]] = []
    var line: [Char] = []
    var gap: [Char] = []
    for token in tokens {
      if isSpace(token[0]) {
        gap = token
        continue
      }
      var word = token
      let lead = line.isEmpty && lines.isEmpty ? gap : (line.isEmpty ? [] : gap)
      if w(line) + w(lead) + w(word) <= width {
        line += lead + word
      } else {
        if !line.isEmpty {
          lines.append(line)
          line = []
        }
        while w(word) > width {
          var head: [Char] = []
          for c in word {
            if w(head) + self.width(c.char) > width { break }
            head.append(c)
          }
          if head.isEmpty { break }
          lines.append(head)
          word.removeFirst(head.count)
        }
        line = word
      }
      gap = []
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines.map(join)
  }
}
