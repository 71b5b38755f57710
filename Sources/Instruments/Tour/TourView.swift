import TerminalUI

/// The tour's chrome: on the top line (in place of the tabs) the step's counter and title with
/// the tour's keys, and at the bottom (in place of the key hints) the step's two-line caption.
enum TourView {
  static func draw(
    _ tour: TourState, _ app: AppState, into canvas: inout Canvas, layout: ShellLayout,
    context: RenderContext
  ) {
    titleBar(tour, into: &canvas, area: layout.tabBar, context: context)
    caption(tour, app, into: &canvas, area: layout.caption, context: context)
  }

  /// ` Tour 3/14 · Forge: how good (EQ 4.1)          → next  ← back  Esc leave`.
  static func titleBar(
    _ tour: TourState, into canvas: inout Canvas, area: Rect, context: RenderContext
  ) {
    let row = area.row(0)
    guard !row.isEmpty else { return }
    let theme = context.theme
    let bar = theme.tabActive
    canvas.fill(row, style: bar)
    let next = tour.isLast ? "leave" : "next"
    var keys = StyledText()
    for (key, label) in [("→", next), ("←", "back"), ("Esc", "leave")]
    where !(tour.isLast && key == "Esc") {
      if !keys.isEmpty { keys.append("  ", style: bar) }
      keys.append(context.glyphs.text(key), style: theme.key.over(bar))
      keys.append(" " + label, style: bar)
    }
    let title =
      StyledText(" Tour \(tour.counter) \(context.glyphs.middleDot) ", style: bar)
      + StyledText(context.glyphs.text(tour.step.title), style: bar)
    let room = row.width - keys.displayWidth - 2
    canvas.put(
      title.truncated(to: max(0, room), ellipsis: context.glyphs.ellipsis), x: row.x, y: row.y,
      clip: row)
    canvas.put(keys, x: row.maxX - keys.displayWidth - 1, y: row.y, clip: row)
  }

  /// The caption, wrapped to the width, on its own background so it reads as a subtitle.
  static func caption(
    _ tour: TourState, _ app: AppState, into canvas: inout Canvas, area: Rect,
    context: RenderContext
  ) {
    guard !area.isEmpty else { return }
    let style = context.theme.hintBar
    canvas.fill(area, style: style)
    let lines = captionLines(tour, app, width: area.width - 2, context: context)
    for (i, line) in lines.prefix(area.height).enumerated() {
      canvas.put(line, x: area.x + 1, y: area.y + i, clip: area)
    }
  }

  /// The step's caption wrapped to `width` (a test checks it takes at most two lines at 80
  /// columns).
  static func captionLines(
    _ tour: TourState, _ app: AppState, width: Int, context: RenderContext
  ) -> [StyledText] {
    let text = context.glyphs.text(tour.step.caption(app))
    return StyledText(text, style: context.theme.hintBar.adding(.bold)).wrapped(to: max(1, width))
  }
}
