import TerminalUI

/// The return path told box by box: what each stage sends back into the next generation's
/// data. A panel of its own where the screen has the room.
enum LifecycleReturns {
  static let title = "RETURN PATH: what flows back into the next model's data"

  /// The boxes that send something back, in pipeline order.
  static var senders: [LifecycleStage] {
    LifecycleStage.allCases.filter { $0 != .data && $0.returnPath != nil }
  }

  /// The panel's lines at an inside width: each sender's title, then its words wrapped under
  /// a hanging indent; the selected one's title highlighted.
  static func lines(width: Int, selected: LifecycleStage?, context: RenderContext)
    -> [StyledText]
  {
    let theme = context.theme
    let indent = (senders.map { $0.title(short: false).displayWidth }.max() ?? 0) + 2
    let room = max(1, width - indent)
    return senders.flatMap { stage -> [StyledText] in
      let name = stage.title(short: false)
      let style = stage == selected ? theme.selection : theme.title
      let words = StyledText(context.glyphs.text(stage.returnPath ?? ""), style: theme.text)
        .wrapped(to: room)
      return words.enumerated().map { i, line in
        let head =
          i == 0
          ? StyledText(name, style: style)
            + StyledText(String(repeating: " ", count: indent - name.displayWidth))
          : StyledText(String(repeating: " ", count: indent))
        return head + line
      }
    }
  }

  /// The panel's height (borders included) at an outside width.
  static func height(width: Int, context: RenderContext) -> Int {
    lines(width: width - 4, selected: nil, context: context).count + 2
  }

  /// Draws the panel at the top of `area` where it fits whole; returns the rows it took.
  @discardableResult
  static func draw(
    into canvas: inout Canvas, area: Rect, selected: LifecycleStage, context: RenderContext
  ) -> Int {
    let panel = area.takingTop(height(width: area.width, context: context))
    guard panel.height == height(width: area.width, context: context) else { return 0 }
    let inner = Panel(title, focused: false).draw(into: &canvas, area: panel, context: context)
      .inset(left: 1, right: 1)
    for (i, line) in lines(width: inner.width, selected: selected, context: context).enumerated() {
      canvas.put(line, x: inner.x, y: inner.y + i, clip: inner)
    }
    return panel.height
  }
}
