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
    KeyHintBar(keys.filter(\.inHintBar).map { KeyHint($0.keys, $0.action, priority: $0.priority) })
  }

  /// The help overlay: every key of the screen on show, then the shell's.
  /// The help overlay: every key of the screen on show, then the shell's. When the list is
  /// taller than `area` allows, it flows into side-by-side columns so nothing is cut off.
  static func help(_ state: AppState, area: Rect, context: RenderContext) -> Overlay {
    let keys = App.keys(state)
    let width = keys.map(\.keys.displayWidth).max() ?? 0
    let entries = keys.map {
      StyledText($0.keys.padded(to: width + 2), style: context.theme.key)
        + StyledText($0.action, style: context.theme.text)
    }
    let rows = max(1, area.height - 2)
    let columns = (entries.count + rows - 1) / rows
    guard columns > 1 else { return Overlay("Keys: \(state.screen.title)", lines: entries) }
    let perColumn = (entries.count + columns - 1) / columns
    let gap = 3
    // Each column as wide as its longest entry; the widest give way when the sum is too much.
    var widths = (0..<columns).map { column in
      entries[(column * perColumn)..<min(entries.count, (column + 1) * perColumn)]
        .map(\.displayWidth).max() ?? 0
    }
    let available = max(columns, area.width - 4 - gap * (columns - 1))
    while widths.reduce(0, +) > available,
      let widest = widths.indices.max(by: {
        widths[$0] < widths[$1]
      })
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
    return Overlay("Keys: \(state.screen.title)", lines: lines, maxWidth: area.width)
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
