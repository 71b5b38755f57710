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
  /// taller than `area` allows, it flows into side-by-side columns, descriptions wrapping
  /// under themselves, so nothing is cut off; only when even that cannot fit are the longest
  /// descriptions shortened.
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
    let gap = 3
    for columns in 2...4 {
      let width = (area.width - 4 - gap * (columns - 1)) / columns
      guard width >= 20 else { break }
      // Key names get a third of the column at most; a longer one takes a line of its own.
      let room = min(keyWidth, width / 3)
      var flowed: [[StyledText]] = [[]]
      for key in keys {
        let lines = entry(key, keyWidth: room, width: width, context)
        if flowed[flowed.count - 1].count + lines.count > rows { flowed.append([]) }
        flowed[flowed.count - 1] += lines
      }
      guard flowed.count <= columns else { continue }
      return Overlay(title, lines: joined(flowed, width: width, gap: gap), maxWidth: area.width)
    }
    return truncatedColumns(title, keys, keyWidth: keyWidth, area: area, context: context)
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
    let wrapped = action.wrapped(to: max(1, width - keyWidth - 2))
    if key.keys.displayWidth > keyWidth {
      return [name.truncated(to: width, ellipsis: context.glyphs.ellipsis)]
        + wrapped.map { StyledText(indent) + $0 }
    }
    return wrapped.enumerated().map { i, line in
      (i == 0 ? name + pad : StyledText(indent)) + line
    }
  }

  /// Columns side by side, each padded to `width`.
  private static func joined(_ columns: [[StyledText]], width: Int, gap: Int) -> [StyledText] {
    let height = columns.map(\.count).max() ?? 0
    return (0..<height).map { row in
      var line = StyledText()
      for (c, column) in columns.enumerated() where row < column.count {
        if c > 0 {
          line.append(String(repeating: " ", count: c * (width + gap) - line.displayWidth))
        }
        line = line + column[row]
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
