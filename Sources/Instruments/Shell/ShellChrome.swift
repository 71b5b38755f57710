import TerminalUI

/// The shell's own drawing, built from the UI kit: the tab bar, the key-hint bar, the help
/// overlay and the too-small message.
enum ShellChrome {
  /// The tab bar for a state: one tab per screen, keyed by its function key.
  static func tabBar(_ state: AppState) -> TabBar {
    TabBar(
      ScreenID.allCases.map {
        Tab(key: "F\($0.functionKey)", title: $0.title, shortTitle: $0.shortTitle)
      },
      active: ScreenID.allCases.firstIndex(of: state.screen)!)
  }

  /// The screen whose tab is at a point of the tab bar row.
  static func tab(at point: Point, in area: Rect, state: AppState) -> ScreenID? {
    tabBar(state).tab(at: point, in: area).map { ScreenID.allCases[$0] }
  }

  static func hintBar(_ keys: [KeyHelp]) -> KeyHintBar {
    KeyHintBar(
      keys.compactMap { key in key.hint.map { KeyHint(key.keys, $0, priority: key.priority) } })
  }

  /// The help overlay: every key of the screen on show, then the shell's. When the list is
  /// taller than `area` allows, it flows into side-by-side columns, each as wide as what it
  /// holds; a description that still does not fit wraps under itself at a phrase boundary
  /// (after a comma, before a parenthesis), never inside a key or a phrase. Only when even that
  /// cannot fit are the longest descriptions shortened.
  static func help(_ state: AppState, area: Rect, context: RenderContext) -> Overlay {
    let title = "Keys: \(state.screen.title)"
    let keys = App.keys(state)
    let rows = max(1, area.height - 2)
    let keyWidth = keys.map(\.keys.displayWidth).max() ?? 0
    if keys.count <= rows {
      return Overlay(
        title, lines: keys.map { entry($0, keyWidth: keyWidth, width: nil, context)[0] },
        maxWidth: area.width)
    }
    let available = area.width - 4
    // Three cells between columns, two when that is what it takes.
    for (columns, gap) in (2...4).flatMap({ c in [(c, 3), (c, 2)] }) {
      // Columns filled in order, each sized to its entries: first one line an entry; when the
      // columns are too wide together the widest is narrowed and wraps at phrases, and what
      // no longer fits under it moves on to the next column. A few rounds settle it.
      var chunks = stride(from: 0, to: keys.count, by: rows).map {
        Array(keys[$0..<min(keys.count, $0 + rows)])
      }
      for _ in 0..<6 {
        guard chunks.count <= columns,
          let widths = columnWidths(chunks, available: available, gap: gap)
        else { break }
        let keyWidths = chunks.map(columnKeyWidth)
        let lines = { (key: KeyHelp, c: Int) in
          entry(
            key, keyWidth: keyWidths[min(c, keyWidths.count - 1)],
            width: widths[min(c, widths.count - 1)], context)
        }
        let flowed = chunks.indices.map { c in chunks[c].flatMap { lines($0, c) } }
        if flowed.allSatisfy({ $0.count <= rows }) {
          return Overlay(
            title, lines: joined(flowed, widths: widths, gap: gap), maxWidth: area.width)
        }
        // Re-deal the entries: each column takes what fits under it at these widths.
        var next: [[KeyHelp]] = [[]]
        var used = 0
        for key in keys {
          let height = lines(key, next.count - 1).count
          if used + height > rows, !next[next.count - 1].isEmpty {
            next.append([])
            used = 0
          }
          next[next.count - 1].append(key)
          used += lines(key, next.count - 1).count
        }
        if next == chunks { break }
        chunks = next
      }
    }
    return truncatedColumns(title, keys, keyWidth: keyWidth, area: area, context: context)
  }

  /// Each column as wide as its widest entry on one line; while together they are wider
  /// than `available`, the widest gives way (to no less than 20 cells). Nil when even that
  /// is too wide.
  private static func columnWidths(_ chunks: [[KeyHelp]], available: Int, gap: Int) -> [Int]? {
    var widths = chunks.map { chunk in
      let kw = columnKeyWidth(chunk)
      return chunk.map { max(kw + 2 + $0.action.displayWidth, $0.keys.displayWidth) }.max() ?? 0
    }
    // No narrower than a column's longest phrase: phrases never break.
    let least = chunks.map { chunk in
      let kw = columnKeyWidth(chunk)
      return chunk.map { kw + 2 + longestPhrase($0.action) }.max() ?? 0
    }
    func total() -> Int { widths.reduce(0, +) + gap * (widths.count - 1) }
    while total() > available,
      let widest = widths.indices.filter({ widths[$0] > max(20, least[$0]) })
        .max(by: { widths[$0] < widths[$1] })
    {
      widths[widest] -= 1
    }
    return total() <= available ? widths : nil
  }

  /// The key column of a help column: as wide as its keys, except that a key wider than 12
  /// cells takes a line of its own instead of widening every row.
  private static func columnKeyWidth(_ keys: [KeyHelp]) -> Int {
    keys.map(\.keys.displayWidth).filter { $0 <= 12 }.max() ?? 0
  }

  /// One key's lines: the key padded to `keyWidth`, then its description wrapped to the
  /// rest of `width` (nil: one line) and indented under itself.
  private static func entry(
    _ key: KeyHelp, keyWidth: Int, width: Int?, _ context: RenderContext
  ) -> [StyledText] {
    let name = StyledText(key.keys, style: context.theme.key)
    let action = StyledText(key.action, style: context.theme.text)
    let indent = String(repeating: " ", count: keyWidth + 2)
    // The spaces after a key name, up to the description's column.
    let pad = StyledText(String(indent.dropFirst(key.keys.displayWidth)))
    guard let width else { return [name + pad + action] }
    let room = max(1, width - keyWidth - 2)
    // Wrapped at phrases, then the no-break spaces that held them together turned back.
    let wrapped = StyledText(phrased(key.action, width: room), style: context.theme.text)
      .wrapped(to: room).map { line in
        StyledText(
          line.spans.map {
            Span(String($0.text.map { $0 == .noBreakSpace ? " " : $0 }), style: $0.style)
          })
      }
    if key.keys.displayWidth > keyWidth {
      return [name.truncated(to: width, ellipsis: context.glyphs.ellipsis)]
        + wrapped.map { StyledText(indent) + $0 }
    }
    return wrapped.enumerated().map { i, line in
      (i == 0 ? name + pad : StyledText(indent)) + line
    }
  }

  /// The widest phrase of a description (see `phrased`).
  static func longestPhrase(_ text: String) -> Int {
    phrased(text, width: .max).split(separator: " ").map { String($0).displayWidth }.max() ?? 0
  }

  /// `text` with the spaces inside each phrase made unbreakable (a no-break space, drawn as
  /// a plain one), so that wrapping breaks only between phrases: after a comma, semicolon or
  /// colon, and before an opening parenthesis. A phrase wider than `width` keeps its spaces.
  static func phrased(_ text: String, width: Int) -> String {
    var phrases: [String] = []
    var current = ""
    for c in text {
      if c == "(", current.hasSuffix(" ") {
        phrases.append(String(current.dropLast()))
        current = ""
      }
      current.append(c)
      if [",", ";", ":"].contains(c) {
        phrases.append(current)
        current = ""
      }
    }
    phrases.append(current)
    return
      phrases
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      .map { $0.displayWidth <= width ? $0.replacingOccurrences(of: " ", with: "\u{A0}") : $0 }
      .joined(separator: " ")
  }

  /// Columns side by side, each padded to its width.
  private static func joined(_ columns: [[StyledText]], widths: [Int], gap: Int)
    -> [StyledText]
  {
    let height = columns.map(\.count).max() ?? 0
    return (0..<height).map { row in
      var line = StyledText()
      var x = 0
      for (c, column) in columns.enumerated() {
        if row < column.count {
          line.append(String(repeating: " ", count: max(0, x - line.displayWidth)))
          line = line + column[row]
        }
        x += widths[c] + gap
      }
      return line
    }
  }

  /// The last resort on tiny screens: balanced columns, the widest entries shortened.
  private static func truncatedColumns(
    _ title: String, _ keys: [KeyHelp], keyWidth: Int, area: Rect, context: RenderContext
  ) -> Overlay {
    let entries = keys.map { entry($0, keyWidth: keyWidth, width: nil, context)[0] }
    let rows = max(1, area.height - 2)
    let columns = (entries.count + rows - 1) / rows
    let perColumn = (entries.count + columns - 1) / columns
    let gap = 3
    // Each column as wide as its longest entry; the widest give way when the sum is too much.
    var widths = (0..<columns).map { column in
      entries[(column * perColumn)..<min(entries.count, (column + 1) * perColumn)]
        .map(\.displayWidth).max() ?? 0
    }
    let available = max(columns, area.width - 4 - gap * (columns - 1))
    while widths.reduce(0, +) > available,
      let widest = widths.indices.max(by: { widths[$0] < widths[$1] })
    {
      widths[widest] -= 1
    }
    let lines = (0..<perColumn).map { row in
      var line = StyledText()
      for column in 0..<columns {
        let i = column * perColumn + row
        guard i < entries.count else { break }
        let cell = entries[i].truncated(to: widths[column], ellipsis: context.glyphs.ellipsis)
        line = line + cell
        if column < columns - 1 {
          line.append(String(repeating: " ", count: widths[column] - cell.displayWidth + gap))
        }
      }
      return line
    }
    return Overlay(title, lines: lines, maxWidth: area.width)
  }

  /// A centred note saying how big the terminal is and how big it must be.
  static func tooSmall(into canvas: inout Canvas, have: Size, context: RenderContext) {
    let need = ShellLayout.minimum
    var text = StyledText("Terminal too small", style: context.theme.warn)
    text.append("\nhave \(have), need \(need)", style: context.theme.text)
    text.append("\nenlarge the window", style: context.theme.muted)
    let block = TextBlock(text, alignment: .center)
    let all = Rect(size: have)
    let height = block.layout(width: all.width).count
    block.render(
      into: &canvas, area: all.centered(width: all.width, height: height), context: context)
  }
}
