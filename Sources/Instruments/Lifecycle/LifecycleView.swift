import ForgeCore
import TerminalUI

extension LifecycleState {
  public func view(into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext) {
    draw(into: &canvas, area: area, design: app.forgeDesign, context: context)
  }

  /// Draws the figure with the live figures of `design`.
  func draw(into canvas: inout Canvas, area: Rect, design: ForgeDesign, context: RenderContext) {
    let layout = LifecycleLayout(area)
    let dossier = Dossier(design)
    drawCaption(into: &canvas, layout: layout, design: dossier.design, context: context)
    for stage in LifecycleStage.allCases {
      drawBox(
        stage, into: &canvas, rect: layout.boxes[stage.rawValue], narrow: layout.narrow,
        dossier: dossier, context: context)
    }
    LifecyclePaths.draw(into: &canvas, layout: layout, dossier: dossier, context: context)
    if !layout.detail.isEmpty {
      // The panel is as tall as its text (up to the room there is); where there is room,
      // the text carries the assumptions behind each live figure too.
      let width = layout.detail.width - 4
      var text = TextBlock(detailText(dossier: dossier, notes: true, context: context))
      var height = text.layout(width: width).count + 2
      if height > layout.detail.height {
        text = TextBlock(detailText(dossier: dossier, context: context))
        height = text.layout(width: width).count + 2
      }
      let inner = Panel(detailTitle(context), focused: false).draw(
        into: &canvas, area: layout.detail.takingTop(height), context: context)
      text.render(into: &canvas, area: inner.inset(left: 1, right: 1), context: context)
    }
    if explaining {
      Overlay(detailTitle(context), lines: overlayLines(dossier: dossier, context: context))
        .render(into: &canvas, area: area, context: context)
    }
  }

  private func drawCaption(
    into canvas: inout Canvas, layout: LifecycleLayout, design: ForgeDesign,
    context: RenderContext
  ) {
    let theme = context.theme
    var line = StyledText()
    if let note {
      line.append(context.glyphs.text(note), style: theme.warn)
    } else {
      if layout.caption.width >= 120 {
        line.append("A model's life, left to right. ", style: theme.title)
      }
      line.append(
        layout.caption.width >= 100 ? "Live figures from the Forge design: " : "Forge design: ",
        style: theme.muted)
      line.append(LifecycleFigures.designLine(design, glyphs: context.glyphs), style: theme.accent)
    }
    canvas.put(
      line.truncated(to: layout.caption.width, ellipsis: context.glyphs.ellipsis),
      x: layout.caption.x, y: layout.caption.y, clip: layout.caption)
  }

  private func drawBox(
    _ stage: LifecycleStage, into canvas: inout Canvas, rect: Rect, narrow: Bool,
    dossier: Dossier, context: RenderContext
  ) {
    let theme = context.theme
    let isSelected = stage == selected
    let inner = Panel("", focused: isSelected).draw(into: &canvas, area: rect, context: context)
    guard !inner.isEmpty else { return }
    let live = LifecycleFigures.lines(for: stage, dossier: dossier, glyphs: context.glyphs)
    let arrow = context.glyphs.isUnicode ? "→" : "->"
    let room = max(0, inner.height - 2 - live.count)
    let gist =
      [false, true].lazy.map {
        StyledText(stage.gist(arrow: arrow, short: $0), style: theme.text).wrapped(to: inner.width)
      }.first { $0.count <= room } ?? []
    var lines = [
      StyledText(stage.title(short: narrow), style: isSelected ? theme.selection : theme.title),
      StyledText(stage.chapter, style: theme.muted),
    ]
    lines += gist
    lines += live.map { StyledText($0, style: theme.accent) }
    for (row, line) in lines.prefix(inner.height).enumerated() {
      canvas.put(
        line.truncated(to: inner.width, ellipsis: context.glyphs.ellipsis), x: inner.x,
        y: inner.y + row, clip: inner)
    }
  }
}
