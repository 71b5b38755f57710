import ForgeCore
import TerminalUI

extension LifecycleState {
  public func view(into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext) {
    draw(into: &canvas, area: area, design: app.forgeDesign, context: context)
  }

  /// Draws the figure with the live figures of `design`.
  func draw(into canvas: inout Canvas, area: Rect, design: ForgeDesign, context: RenderContext) {
    let layout = LifecycleLayout(area, design: design, context: context)
    let dossier = Dossier(design)
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
    if !layout.returns.isEmpty {
      // Under the explanation when it shares its column, else in a place of its own.
      let room =
        layout.returns == layout.detail ? layout.detail.droppingTop(used) : layout.returns
      LifecycleReturns.draw(into: &canvas, area: room, selected: selected, context: context)
    }
    if explaining {
      overlay(dossier: dossier, area: area, context: context)
        .render(into: &canvas, area: area, context: context)
    }
  }

  /// The explanation panel, as tall as its text up to the room there is; where there is room
  /// the text carries the assumptions behind each live figure, what to read and the return
  /// path too. Returns the rows it took.
  private func drawDetail(
    into canvas: inout Canvas, area: Rect, from: Int, dossier: Dossier, context: RenderContext
  ) -> Int {
    let width = area.width - 4
    // Everything where it fits; else without the notes, the reading list, the return path.
    let variants =
      [(true, true, true), (false, true, true), (false, false, true)]
      + [(false, false, false)]
    let texts = variants.map { notes, reading, returns in
      TextBlock(
        detailText(
          dossier: dossier, notes: notes, from: from, reading: reading, returns: returns,
          context: context))
    }
    let text = texts.first { $0.layout(width: width).count + 2 <= area.height } ?? texts[3]
    let height = text.layout(width: width).count + 2
    let rect = area.takingTop(height)
    let inner = Panel(detailTitle(context), focused: false).draw(
      into: &canvas, area: rect, context: context)
    text.render(into: &canvas, area: inner.inset(left: 1, right: 1), context: context)
    return rect.height
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
