import TerminalUI

/// The shell's own drawing: tab bar, hint bar, help overlay, too-small message.
enum ShellChrome {
  /// A tab as drawn: its screen, its label and where it sits (for mouse hit-testing).
  struct TabHit: Equatable {
    var screen: ScreenID
    var label: String
    var rect: Rect
  }

  static func tabLabel(_ id: ScreenID, short: Bool) -> String {
    " F\(id.functionKey) \(short ? id.shortTitle : id.title) "
  }

  /// The tabs, one column apart, with short titles when the full ones do not fit.
  static func tabRects(in area: Rect, state: AppState, context: RenderContext) -> [TabHit] {
    let full = ScreenID.allCases.map { tabLabel($0, short: false).displayWidth + 1 }
    let short = full.reduce(0, +) > area.width
    var x = area.x
    return ScreenID.allCases.map { id in
      let label = tabLabel(id, short: short)
      defer { x += label.displayWidth + 1 }
      return TabHit(
        screen: id, label: label,
        rect: Rect(x: x, y: area.y, width: label.displayWidth, height: 1))
    }
  }

  static func tabBar(
    into canvas: inout Canvas, area: Rect, state: AppState, context: RenderContext
  ) {
    for hit in tabRects(in: area, state: state, context: context) {
      let style = hit.screen == state.screen ? context.theme.tabActive : context.theme.tabInactive
      canvas.put(hit.label, x: hit.rect.x, y: area.y, style: style, clip: area)
    }
  }

  static func panel(into canvas: inout Canvas, area: Rect, title: String, context: RenderContext)
    -> Rect
  {
    area.inset(1)
  }

  static func hintBar(
    into canvas: inout Canvas, area: Rect, keys: [KeyHelp], context: RenderContext
  ) {
    canvas.fill(area, style: context.theme.hintBar)
    let text = keys.filter(\.inHintBar).map { "\($0.keys) \($0.action)" }.joined(separator: "  ")
    canvas.put(text, x: area.x + 1, y: area.y, style: context.theme.hintBar, clip: area)
  }

  static func help(into canvas: inout Canvas, area: Rect, state: AppState, context: RenderContext) {
    let keys = App.keys(state)
    let box = area.centered(width: 50, height: keys.count + 2)
    canvas.fill(box, style: context.theme.overlay)
    for (i, k) in keys.enumerated() {
      canvas.put("\(k.keys.padded(to: 12)) \(k.action)", x: box.x + 1, y: box.y + 1 + i, clip: box)
    }
  }

  static func tooSmall(into canvas: inout Canvas, have: Size, context: RenderContext) {
    let need = ShellLayout.minimum
    let lines = ["Terminal too small", "have \(have), need \(need)", "enlarge the window"]
    let box = Rect(size: have).centered(width: have.width, height: lines.count)
    for (i, line) in lines.enumerated() {
      let t = line.truncated(to: box.width)
      canvas.put(
        t, x: box.x + (box.width - t.displayWidth) / 2, y: box.y + i,
        style: i == 0 ? context.theme.warn : context.theme.text, clip: box)
    }
  }
}
