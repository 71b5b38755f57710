import ForgeCore
import TerminalUI

extension LifecycleState {
  public func view(into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext) {
    // The Forge derives its dossier once per change of its design; the boxes read that one.
    draw(into: &canvas, area: area, dossier: app.forge.dossier, context: context)
  }

  /// Draws the figure with the live figures of `dossier`.
  func draw(into canvas: inout Canvas, area: Rect, dossier: Dossier, context: RenderContext) {
    let layout = LifecycleLayout(area, dossier: dossier, context: context)
    drawCaption(into: &canvas, layout: layout, design: dossier.design, context: context)
    var shown = 0
    for stage in LifecycleStage.allCases {
      let sentences = drawBox(
        stage, into: &canvas, rect: layout.boxes[stage.rawValue], layout: layout,
        dossier: dossier, context: context)
      if stage == selected { shown = sentences }
    }
    LifecyclePaths.draw(into: &canvas, layout: layout, dossier: dossier, context: context)
    var used = 0
    if !layout.detail.isEmpty {
      used = drawDetail(
        into: &canvas, area: layout.detail, from: shown, dossier: dossier, context: context)
    }
    var room = layout.detail.droppingTop(used)
    if !layout.returns.isEmpty {
      // Under the explanation when it shares its column, else in a place of its own.
      let shared = layout.returns == layout.detail
      let rows = LifecycleReturns.draw(
        into: &canvas, area: shared ? room : layout.returns, selected: selected,
        context: context)
      if shared { room = room.droppingTop(rows) }
    }
    if layout.beside {
      // What is left of the column: the boxes either side, then the design's arithmetic.
      for panel in LifecycleColumn.panels(selected: selected, dossier: dossier, context: context) {
        room = room.droppingTop(panel.draw(into: &canvas, area: room, context: context))
      }
    }
    if explaining {
      overlay(dossier: dossier, area: area, context: context)
        .render(into: &canvas, area: area, context: context)
    }
  }

  /// The explanation panel, as tall as its text up to the room there is; where there is room
  /// the text carries the assumptions behind each live figure, what to read and the return
  /// path too. Where even the shortest form does not fit, the rows it has and, on the last,
  /// that there is more and that Enter shows it. Returns the rows it took.
  private func drawDetail(
    into canvas: inout Canvas, area: Rect, from: Int, dossier: Dossier, context: RenderContext
  ) -> Int {
    let width = area.width - 4
    // Everything where it fits; else without the notes, the reading list, the return path.
    let variants =
      [(true, true, true), (false, true, true), (false, false, true)]
      + [(false, false, false)]
    let forms = variants.map { notes, reading, returns in
      LifecycleColumn.wrapped(
        detailText(
          dossier: dossier, notes: notes, from: from, reading: reading, returns: returns,
          context: context), width: width)
    }
    let fitting = forms.first { $0.count + 2 <= area.height }
    var lines = fitting ?? forms[forms.count - 1]
    let rect = area.takingTop(min(area.height, lines.count + 2))
    let inner = Panel(detailTitle(context), focused: false).draw(
      into: &canvas, area: rect, context: context
    ).inset(left: 1, right: 1)
    if fitting == nil, inner.height >= 1 {
      // The rows there are, the last saying there is more and how to see it.
      lines = Array(lines.prefix(inner.height - 1)) + [moreLine(context)]
    }
    for (i, line) in lines.prefix(inner.height).enumerated() {
      canvas.put(line, x: inner.x, y: inner.y + i, clip: inner)
    }
    return rect.height
  }

  /// `▼ more: Enter shows it all`, the last row of an explanation cut to its panel.
  func moreLine(_ context: RenderContext) -> StyledText {
    let theme = context.theme
    return StyledText("\(context.glyphs.arrowDown) ", style: theme.key)
      + StyledText(Self.moreMark, style: theme.muted)
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
      // The longest lead-in that leaves the design line whole.
      let design = StyledText(
        LifecycleFigures.designLine(design, glyphs: context.glyphs), style: theme.accent)
      let leads = [
        StyledText("A model's life, left to right. ", style: theme.title)
          + StyledText("Live figures from the Forge design: ", style: theme.muted),
        StyledText("Live figures from the Forge design: ", style: theme.muted),
        StyledText("Forge design: ", style: theme.muted),
      ]
      line =
        leads.map { $0 + design }.first { $0.displayWidth <= layout.caption.width }
        ?? leads[leads.count - 1] + design
    }
    canvas.put(
      line.truncated(to: layout.caption.width, ellipsis: context.glyphs.ellipsis),
      x: layout.caption.x, y: layout.caption.y, clip: layout.caption)
  }

  /// One box; returns how many sentences of the explanation it shows.
  private func drawBox(
    _ stage: LifecycleStage, into canvas: inout Canvas, rect: Rect, layout: LifecycleLayout,
    dossier: Dossier, context: RenderContext
  ) -> Int {
    let isSelected = stage == selected
    let inner = Panel("", focused: isSelected).draw(into: &canvas, area: rect, context: context)
    guard !inner.isEmpty else { return 0 }
    let box = LifecycleBox(
      stage: stage, width: inner.width, narrow: layout.narrow, selected: isSelected)
    let (lines, sentences) = box.content(
      height: inner.height, explains: layout.beside, dossier: dossier, context: context)
    for (row, line) in lines.prefix(inner.height).enumerated() {
      canvas.put(
        line.truncated(to: inner.width, ellipsis: context.glyphs.ellipsis), x: inner.x,
        y: inner.y + row, clip: inner)
    }
    return sentences
  }
}
