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
    var out = [StyledText()]
    for span in spans {
      let parts = span.text.split(separator: "\n", omittingEmptySubsequences: false)
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
    var out = StyledText(cells.prefix(columns: width - ell.displayWidth))
    out.append(ell, style: out.spans.last?.style ?? spans.first?.style ?? .plain)
    return out
  }

  /// Word-wraps one line (no "\n") to `width` columns. Words longer than a line are broken;
  /// the spaces where a line breaks are dropped; leading indentation is kept.
  public func wrapped(to width: Int) -> [StyledText] {
    guard width > 0 else { return [] }
    var lines: [[StyledChar]] = []
    var line: [StyledChar] = []
    var lineWidth = 0  // kept as the line grows, not summed again for every word
    var gap: [StyledChar] = []
    func flush() {
      lines.append(line)
      line = []
      lineWidth = 0
    }
    for token in cells.words() {
      if token.isSpace {
        gap = token.chars
        continue
      }
      var word = token.chars
      var wordWidth = word.width
      let lead = line.isEmpty && lines.isEmpty ? gap : (line.isEmpty ? [] : gap)
      let leadWidth = lead.width
      if lineWidth + leadWidth + wordWidth <= width {
        line += lead
        line += word
        lineWidth += leadWidth + wordWidth
      } else {
        if !line.isEmpty { flush() }
        while wordWidth > width {
          let head = word.prefix(columns: width)
          if head.isEmpty { break }
          lines.append(head)
          word.removeFirst(head.count)
          wordWidth = word.width
        }
        line = word
        lineWidth = wordWidth
      }
      gap = []
    }
    if !line.isEmpty || lines.isEmpty { flush() }
    return lines.map { StyledText($0) }
  }

  private var cells: [StyledChar] {
    spans.flatMap { span in span.text.map { StyledChar(char: $0, style: span.style) } }
  }

  fileprivate init(_ chars: some Sequence<StyledChar>) {
    self.init()
    for c in chars { append(String(c.char), style: c.style) }
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

private struct StyledChar {
  var char: Character
  var style: Style
  var isSpace: Bool {
    let byte = char.asciiByte
    return byte == 32 || byte == 9
  }
}

private struct Token {
  var chars: [StyledChar]
  var isSpace: Bool
}

extension Array where Element == StyledChar {
  fileprivate var width: Int { reduce(0) { $0 + CharWidth.of($1.char) } }

  fileprivate func prefix(columns: Int) -> [StyledChar] {
    var used = 0
    var out: [StyledChar] = []
    for c in self {
      let w = CharWidth.of(c.char)
      if used + w > columns { break }
      out.append(c)
      used += w
    }
    return out
  }

  /// Alternating runs of spaces and non-spaces.
  fileprivate func words() -> [Token] {
    var out: [Token] = []
    for c in self {
      if let last = out.last, last.isSpace == c.isSpace {
        out[out.count - 1].chars.append(c)
      } else {
        out.append(Token(chars: [c], isSpace: c.isSpace))
      }
    }
    return out
  }
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
