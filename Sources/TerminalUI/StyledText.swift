/// A run of text drawn in one style.
public struct Span: Hashable, Sendable {
  public var text: String
  public var style: Style

  public init(_ text: String, style: Style = .plain) {
    self.text = text
    self.style = style
  }
}

/// Text made of styled spans: one line, or several separated by "\n". Widgets lay it out
/// (wrap, clip, truncate) without losing the styles.
public struct StyledText: Hashable, Sendable, ExpressibleByStringLiteral {
  public var spans: [Span]

  public init(_ spans: [Span] = []) { self.spans = spans.filter { !$0.text.isEmpty } }
  public init(_ text: String, style: Style = .plain) { self.init([Span(text, style: style)]) }
  public init(stringLiteral value: String) { self.init(value) }

  /// The characters without styles.
  public var plain: String { spans.map(\.text).joined() }
  public var displayWidth: Int { spans.reduce(0) { $0 + $1.text.displayWidth } }
  public var isEmpty: Bool { spans.isEmpty }

  public mutating func append(_ text: String, style: Style = .plain) {
    guard !text.isEmpty else { return }
    if let last = spans.last, last.style == style {
      spans[spans.count - 1].text += text
    } else {
      spans.append(Span(text, style: style))
    }
  }

  public mutating func append(_ other: StyledText) {
    for s in other.spans { append(s.text, style: s.style) }
  }

  public static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
    var out = lhs
    out.append(rhs)
    return out
  }

  /// Every span restyled on top of `base`: colours a span leaves as default come from `base`.
  public func over(_ base: Style) -> StyledText {
    StyledText(spans.map { Span($0.text, style: $0.style.over(base)) })
  }

  /// The text split at each "\n" into lines.
  public var lines: [StyledText] {
    if !spans.contains(where: { $0.text.utf8Contains(10) }) {
      // One line (the common case): the spans as `append` joins them, nothing split.
      var one = StyledText()
      for span in spans { one.append(span.text, style: span.style) }
      return [one]
    }
    var out = [StyledText()]
    for span in spans {
      let text = span.text
      if !text.utf8Contains(13) {
        // Without a CR (the one character "\n" joins, as CR-LF) every "\n" byte is a
        // character of its own: split the UTF-8, not the characters.
        var start = 0
        for (i, byte) in text.utf8.enumerated() where byte == 10 {
          out[out.count - 1].append(text.utf8Piece(start..<i), style: span.style)
          out.append(StyledText())
          start = i + 1
        }
        out[out.count - 1].append(text.utf8Piece(start..<text.utf8.count), style: span.style)
        continue
      }
      let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
      for (i, part) in parts.enumerated() {
        if i > 0 { out.append(StyledText()) }
        out[out.count - 1].append(String(part), style: span.style)
      }
    }
    return out
  }

  /// The longest prefix that fits in `width` columns, ending in `ellipsis` when cut (the
  /// ellipsis takes the style of the last kept character).
  public func truncated(to width: Int, ellipsis: String = "…") -> StyledText {
    guard width > 0 else { return StyledText() }
    if displayWidth <= width { return self }
    let ell = ellipsis.displayWidth <= width ? ellipsis : ""
    let all = slots
    var used = 0
    var kept = 0
    let budget = width - ell.displayWidth
    while kept < all.count, used + all[kept].width <= budget {
      used += all[kept].width
      kept += 1
    }
    var out = line(all[0..<kept])
    out.append(ell, style: out.spans.last?.style ?? spans.first?.style ?? .plain)
    return out
  }

  /// Word-wraps one line (no "\n") to `width` columns. Words longer than a line are broken;
  /// the spaces where a line breaks are dropped; leading indentation is kept.
  public func wrapped(to width: Int) -> [StyledText] {
    guard width > 0 else { return [] }
    if displayWidth <= width, !spans.contains(where: { $0.text.utf8Contains(10) }) {
      return [fittingLine]
    }
    // Lines are runs of `chars` (a line never skips a character inside it), so they are kept
    // as index ranges and each run's width is summed once.
    let chars = slots
    let n = chars.count
    var lines: [Range<Int>] = []
    var lineStart: Int?  // nil: the line is empty
    var lineEnd = 0
    var lineWidth = 0  // kept as the line grows, not summed again for every word
    var gapStart: Int?  // the run of spaces just before the word at hand
    var gapWidth = 0
    var i = 0
    while i < n {
      let space = chars[i].isSpace
      var j = i
      var tokenWidth = 0
      while j < n, chars[j].isSpace == space {
        tokenWidth += chars[j].width
        j += 1
      }
      defer { i = j }
      if space {
        gapStart = i
        gapWidth = tokenWidth
        continue
      }
      // The gap leads the word on a line that has words, and on the very first line
      // (indentation); a new line after a break starts at the word.
      let useGap = lineStart != nil || lines.isEmpty
      let lead = useGap ? (gapStart ?? i) : i
      let leadWidth = useGap && gapStart != nil ? gapWidth : 0
      if lineWidth + leadWidth + tokenWidth <= width {
        if lineStart == nil { lineStart = lead }
        lineEnd = j
        lineWidth += leadWidth + tokenWidth
      } else {
        if let start = lineStart { lines.append(start..<lineEnd) }
        var wordStart = i
        var wordWidth = tokenWidth
        while wordWidth > width {
          var k = wordStart
          var used = 0
          while k < j, used + chars[k].width <= width {
            used += chars[k].width
            k += 1
          }
          if k == wordStart { break }
          lines.append(wordStart..<k)
          wordStart = k
          wordWidth -= used
        }
        lineStart = wordStart < j ? wordStart : nil
        lineEnd = j
        lineWidth = wordWidth
      }
      gapStart = nil
      gapWidth = 0
    }
    if let start = lineStart {
      lines.append(start..<lineEnd)
    } else if lines.isEmpty {
      lines.append(0..<0)
    }
    return lines.map { line(chars[$0]) }
  }

  /// A line that fits as `wrapped` gives it back: its spans joined where their styles are
  /// equal, the spaces (and tabs) at its end dropped.
  private var fittingLine: StyledText {
    var out = StyledText()
    for span in spans { out.append(span.text, style: span.style) }
    while let last = out.spans.last {
      // A last character that is a space or a tab ends in its byte: none, nothing to drop.
      if let byte = last.text.utf8.last, byte != 32, byte != 9 { break }
      var text = Substring(last.text)
      while let c = text.last, c == " " || c == "\t" { text.removeLast() }
      if text.isEmpty {
        out.spans.removeLast()
        continue
      }
      // (Only trailing characters were dropped: the UTF-8 counts differ when any was.)
      if text.utf8.count != last.text.utf8.count {
        out.spans[out.spans.count - 1].text = String(text)
      }
      break
    }
    return out
  }

  /// The characters one by one, each as where it lies in its span's text (a span's
  /// characters are its own: graphemes never join across spans).
  private var slots: [Slot] {
    var out: [Slot] = []
    out.reserveCapacity(spans.reduce(0) { $0 + $1.text.utf8.count })
    for (n, span) in spans.enumerated() {
      let text = span.text
      if text.loneNarrowCount != nil,
        text.utf8.withContiguousStorageIfAvailable({ (bytes) -> Bool in
          // One scalar, one character, one column (every lone-narrow scalar is below U+2C00,
          // so one to three bytes): no grapheme breaking, no width tables.
          var i = 0
          while i < bytes.count {
            let b = bytes[i]
            let next = i + (b < 0x80 ? 1 : b < 0xE0 ? 2 : 3)
            out.append(Slot(span: n, start: i, end: next, width: 1, isSpace: b == 32 || b == 9))
            i = next
          }
          return true
        }) == true
      {
        continue
      }
      let utf8 = text.utf8
      var i = text.startIndex
      var offset = 0
      while i < text.endIndex {
        let next = text.index(after: i)
        let end = offset + utf8.distance(from: i, to: next)
        let ch = text[i]
        let byte = ch.asciiByte
        out.append(
          Slot(
            span: n, start: offset, end: end, width: CharWidth.of(ch),
            isSpace: byte == 32 || byte == 9))
        i = next
        offset = end
      }
    }
    return out
  }

  /// The characters `run` (consecutive slots of this text) as styled text: one piece of each
  /// span's text they cover, pieces of equal style joined.
  private func line(_ run: ArraySlice<Slot>) -> StyledText {
    var out = StyledText()
    var i = run.startIndex
    while i < run.endIndex {
      let n = run[i].span
      var last = i
      while last + 1 < run.endIndex, run[last + 1].span == n { last += 1 }
      out.append(spans[n].text.utf8Piece(run[i].start..<run[last].end), style: spans[n].style)
      i = last + 1
    }
    return out
  }
}

extension String {
  /// True when the UTF-8 holds `byte` (read in place where it can be).
  @inline(__always) func utf8Contains(_ byte: UInt8) -> Bool {
    utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
  }

  /// The text between two UTF-8 offsets that fall on character boundaries.
  func utf8Piece(_ range: Range<Int>) -> String {
    if range.lowerBound == 0, range.upperBound == utf8.count { return self }
    let u = utf8
    let start = u.index(u.startIndex, offsetBy: range.lowerBound)
    let end = u.index(start, offsetBy: range.count)
    return String(self[start..<end])
  }
}

extension Style {
  /// This style drawn over `base`: default colours are taken from `base`, attributes combine.
  public func over(_ base: Style) -> Style {
    Style(
      fg: fg == .default ? base.fg : fg, bg: bg == .default ? base.bg : bg,
      attrs: attrs.union(base.attrs))
  }
}

/// One character of a styled text: its span, where it lies in the span's text, the columns
/// it takes (`CharWidth.of`) and whether it is a space or tab (where lines may break).
private struct Slot {
  var span: Int
  /// The UTF-8 offsets of the character in its span's text.
  var start: Int
  var end: Int
  var width: Int
  var isSpace: Bool
}

extension Canvas {
  /// Writes styled text on one line from (x, y), clipped to `clip`; returns the next column.
  @discardableResult
  public mutating func put(_ text: StyledText, x: Int, y: Int, clip: Rect? = nil) -> Int {
    var cx = x
    for span in text.spans { cx = put(span.text, x: cx, y: y, style: span.style, clip: clip) }
    return cx
  }
}
