import ForgeCore
import TerminalUI

/// The lines between the boxes: the flow arrows, the turn from one row of boxes to the next,
/// the return path that feeds the next generation, and the substrate under it all.
enum LifecyclePaths {
  static func draw(
    into canvas: inout Canvas, layout: LifecycleLayout, dossier: Dossier, context: RenderContext
  ) {
    let g = context.glyphs
    let flow = context.theme.border
    let boxes = layout.boxes
    for i in boxes.indices.dropLast() {
      let a = boxes[i]
      let b = boxes[i + 1]
      if a.isEmpty || b.isEmpty { continue }
      if a.y == b.y {
        canvas.put(
          g.isUnicode ? "─▶" : "->", x: a.maxX, y: a.y + a.height / 2, style: flow,
          clip: layout.area)
      } else {
        turn(into: &canvas, from: a, to: b, style: flow, glyphs: g, clip: layout.area)
      }
    }
    returnPath(into: &canvas, layout: layout, context: context)
    substrate(into: &canvas, layout: layout, dossier: dossier, context: context)
  }

  /// From the bottom of the last box of a row, left along the gap row, down into the first
  /// box of the next row.
  private static func turn(
    into canvas: inout Canvas, from a: Rect, to b: Rect, style: Style, glyphs g: GlyphSet,
    clip: Rect
  ) {
    let y = a.maxY
    let left = b.x + b.width / 2
    let right = a.x + a.width / 2
    guard right > left else { return }
    canvas.put(
      String(repeating: g.horizontal, count: right - left), x: left, y: y, style: style, clip: clip)
    canvas.put(g.isUnicode ? "╭" : "+", x: left, y: y, style: style, clip: clip)
    canvas.put(g.isUnicode ? "╯" : "+", x: right, y: y, style: style, clip: clip)
    canvas.put(g.arrowLeft, x: (left + right) / 2, y: y, style: style, clip: clip)
  }

  static let returnLabels = [
    " telemetry, preferences, distilled outputs: the next generation's training set ",
    " telemetry, preferences, distilled outputs: next model's data ",
    " the loop that trains the next model ",
  ]

  /// Under the boxes, back to the left edge, then up into the data box.
  private static func returnPath(
    into canvas: inout Canvas, layout: LifecycleLayout, context: RenderContext
  ) {
    let g = context.glyphs
    let style = context.theme.generated
    let row = layout.returnRow
    guard !row.isEmpty, let first = layout.boxes.first, let last = layout.boxes.last,
      !first.isEmpty, !last.isEmpty
    else { return }
    let x0 = layout.returnColumn
    let x1 = last.x + last.width / 2
    let y = row.y
    guard x1 > x0 + 2 else { return }
    canvas.put(String(repeating: g.horizontal, count: x1 - x0), x: x0, y: y, style: style)
    canvas.put(g.isUnicode ? "╰" : "+", x: x0, y: y, style: style)
    canvas.put(g.isUnicode ? "╯" : "+", x: x1, y: y, style: style)
    canvas.put(g.arrowLeft, x: x0 + 2, y: y, style: style)
    let entry = first.y + first.height / 2
    for yy in stride(from: entry + 1, to: y, by: 1) {
      canvas.put(g.vertical, x: x0, y: yy, style: style)
    }
    canvas.put(g.isUnicode ? "╭" : "+", x: x0, y: entry, style: style)
    canvas.put(g.arrowRight, x: x0 + 1, y: entry, style: style)
    let room = x1 - x0 - 6
    if let label = returnLabels.map({ g.text($0) }).first(where: { $0.displayWidth <= room }) {
      let x = x0 + 4 + (room - label.displayWidth) / 2
      canvas.put(label, x: x, y: y, style: style.adding(.bold))
    }
  }

  private static func substrate(
    into canvas: inout Canvas, layout: LifecycleLayout, dossier: Dossier, context: RenderContext
  ) {
    let g = context.glyphs
    let design = dossier.design
    let title = "SUBSTRATE \(g.middleDot) " + design.gpu.words(ascii: !g.isUnicode)
    let inner = Panel(title).draw(into: &canvas, area: layout.substrate, context: context)
    let fleet = g.text(dossier["fleet"]?.text ?? "?")
    let room = inner.width - 1
    let theme = context.theme
    let trains = StyledText(
      "This design trains on \(fleet) for 90 days", style: theme.accent)
    let bytes = StyledText(
      "every box above is, in the end, bytes moving through memory.", style: theme.muted)
    // The long sentence where it fits whole; else the figure alone, never a cut-off clause.
    let whole = trains + StyledText("; ", style: theme.accent) + bytes
    let topics = StyledText(
      ["GPUs", "memory (HBM)", "links between GPUs", "parallelism (CH 4.5)", "rooflines (CH 8.1)"]
        .joined(separator: " \(g.middleDot) "), style: theme.text)
    let shortTopics = StyledText(
      "parallelism CH 4.5 \(g.middleDot) rooflines CH 8.1", style: theme.text)
    let figure = whole.displayWidth <= room ? whole : trains + StyledText(".", style: theme.accent)
    let midTopics = StyledText(
      ["GPUs", "memory", "links", "parallelism (CH 4.5)", "rooflines (CH 8.1)"]
        .joined(separator: " \(g.middleDot) "), style: theme.text)
    let topic = [topics, midTopics].first { $0.displayWidth <= room } ?? shortTopics
    var lines = [topic, figure]
    if inner.height == 1 {
      // One row: the live figure, and the chapters where they fit beside it.
      let both =
        StyledText("Trains on \(fleet) for 90 days", style: theme.accent)
        + StyledText(" \(g.middleDot) ") + shortTopics
      lines = [both.displayWidth <= room ? both : figure]
    }
    for (i, line) in lines.prefix(inner.height).enumerated() {
      canvas.put(
        line.truncated(to: inner.width - 1, ellipsis: g.ellipsis), x: inner.x + 1,
        y: inner.y + i, clip: inner)
    }
  }
}
