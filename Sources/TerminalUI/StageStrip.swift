/// One stage of a pipeline: its name and a shorter one for narrow rows.
public struct Stage: Hashable, Sendable {
  public var name: String
  public var shortName: String
  /// One of a run of similar stages (a model's layers) that a narrow strip may show as a
  /// mark while it is not lit, so the other names stay whole words.
  public var collapsible: Bool

  public init(_ name: String, short: String? = nil, collapsible: Bool = false) {
    self.name = name
    self.shortName = short ?? name
    self.collapsible = collapsible
  }
}

/// A row of named stages with one lit: `text › tokens › [embed] › attention …`. Stages before
/// the lit one are marked done; later ones are muted. To fit it first tightens the gaps
/// (words separated by spaces alone), then shows collapsible stages other than the lit one
/// as marks (`text tokens embed attn 1 • • • unembed …`), and only then abbreviates;
/// `hitRects(in:)` gives each stage's rect for clicks.
public struct StageStrip: Widget {
  public var stages: [Stage]
  /// The lit stage; nil when none is (before the first step).
  public var lit: Int?

  public init(_ stages: [Stage], lit: Int?) {
    self.stages = stages
    self.lit = lit
  }

  /// The labels chosen for `width` columns, separators drawn in the gaps.
  public func layout(width: Int, mark: String = "•") -> LabelRow {
    let marked = stages.enumerated().map { i, s in s.collapsible && i != lit ? mark : s.name }
    let collapses = stages.contains { $0.collapsible }
    return LabelRow.choose(
      [
        LabelRow(stages.map(\.name), padding: 1, gap: 1),
        LabelRow(stages.map(\.name), gap: 3),
        LabelRow(stages.map(\.name), gap: 1),
      ]
        + (collapses ? [LabelRow(marked, gap: 3), LabelRow(marked, gap: 1)] : [])
        + [
          LabelRow(stages.map(\.shortName), padding: 1, gap: 1),
          LabelRow(stages.map(\.shortName), gap: 3),
          LabelRow(stages.map(\.shortName), gap: 1),
        ], width: width)
  }

  public func hitRects(in area: Rect) -> [Rect] { layout(width: area.width).rects(in: area) }

  /// Whether a layout draws separators in its gaps: a single-column gap between whole words
  /// stays a space (abbreviations keep their `›`, which tells where one ends).
  func separates(_ layout: LabelRow) -> Bool {
    layout.gap >= 3 || layout.padding > 0
      || layout.labels.contains { label in
        !stages.contains { $0.name == label } && !label.allSatisfy { !$0.isLetter }
      }
  }

  public func stage(at point: Point, in area: Rect) -> Int? {
    hitRects(in: area).firstIndex { $0.contains(point) }
  }

  public func render(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    let row = area.row(0)
    guard !row.isEmpty else { return }
    let t = context.theme
    let layout = layout(width: row.width, mark: String(context.glyphs.bullet))
    let rects = layout.rects(in: row)
    layout.draw(into: &canvas, area: row) { i in
      guard let lit else { return t.muted }
      return i == lit ? t.selection : (i < lit ? t.good : t.muted)
    }
    let separator: Character = context.glyphs.isUnicode ? "›" : ">"
    for rect in rects.dropLast() where !rect.isEmpty && layout.gap > 0 && separates(layout) {
      canvas.put(separator, x: rect.maxX + layout.gap / 2, y: row.y, style: t.border, clip: row)
    }
  }
}
