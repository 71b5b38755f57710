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
    if !spans.contains(where: { $0.text.utf8.contains(10) }) {
      // One line (the common case): the spans as `append` joins them, nothing split.
      var one = StyledText()
      for span in spans { one.append(span.text, style: span.style) }
      return [one]
    }
    var out = [StyledText()]
    for span in spans {
      let text = span.text
      if !text.utf8.contains(13) {
        // Without a CR (the one character "\n" joins, as CR-LF) every "\n" byte is a
        // character of its own: split the UTF-8, not the characters.
        let parts = text.utf8.split(separator: 10, omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
          if i > 0 { out.append(StyledText()) }
          out[out.count - 1].append(
            String(text[part.startIndex..<part.endIndex]), style: span.style)
        }
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
    if displayWidth <= width, !spans.contains(where: { $0.text.utf8.contains(10) }) {
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
    for (n, span) in spans.enumerated() {
      let text = span.text
      if text.loneNarrowCount != nil {
        // One scalar, one character, one column: no grapheme breaking, no width tables.
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
          let next = scalars.index(after: i)
          let v = scalars[i].value
          out.append(Slot(span: n, start: i, end: next, width: 1, isSpace: v == 32 || v == 9))
          i = next
        }
      } else {
        var i = text.startIndex
        while i < text.endIndex {
          let next = text.index(after: i)
          let ch = text[i]
          let byte = ch.asciiByte
          out.append(
            Slot(
              span: n, start: i, end: next, width: CharWidth.of(ch),
              isSpace: byte == 32 || byte == 9))
          i = next
        }
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
      out.append(String(spans[n].text[run[i].start..<run[last].end]), style: spans[n].style)
      i = last + 1
    }
    return out
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
  var start: String.Index
  var end: String.Index
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
