import ForgeCore
import TerminalUI

/// What one lifecycle box holds: its title, chapter, gist and live figures and, in a box wide
/// enough with rows to spare, as many whole sentences of its explanation as fit.
struct LifecycleBox {
  var stage: LifecycleStage
  /// The box's inside width.
  var width: Int
  /// Short titles (narrow boxes).
  var narrow: Bool
  var selected = false

  /// Boxes at least this wide inside carry their explanation when there is room.
  static let explainingWidth = 16

  /// The title, chapter, gist and live figures; the gist is the short one when the full one
  /// would take more than `gistRows` rows.
  func header(dossier: Dossier, gistRows: Int = .max, context: RenderContext) -> [StyledText] {
    let theme = context.theme
    let arrow = context.glyphs.isUnicode ? "→" : "->"
    let gist =
      [false, true].lazy.map {
        StyledText(stage.gist(arrow: arrow, short: $0), style: theme.text).wrapped(to: width)
      }.first { $0.count <= gistRows } ?? []
    let figures = LifecycleFigures.lines(
      for: stage, dossier: dossier, width: width, glyphs: context.glyphs)
    return [
      StyledText(stage.title(short: narrow), style: selected ? theme.selection : theme.title),
      StyledText(stage.chapter, style: theme.muted),
    ] + gist + figures.map { StyledText($0, style: theme.accent) }
  }

  /// The sentences of the explanation, wrapped, up to `rows` rows of whole sentences; with
  /// how many sentences that is.
  func explanation(rows: Int, context: RenderContext) -> (lines: [StyledText], sentences: Int) {
    guard width >= Self.explainingWidth else { return ([], 0) }
    var text = ""
    var best: ([StyledText], Int) = ([], 0)
    for (i, sentence) in stage.sentences.enumerated() {
      text += (text.isEmpty ? "" : " ") + context.glyphs.text(sentence)
      let lines = StyledText(text, style: context.theme.text).wrapped(to: width)
      guard lines.count <= rows else { break }
      best = (lines, i + 1)
    }
    return best
  }

  /// The rows the box would fill with everything it can show (`explains`: its explanation too).
  func need(dossier: Dossier, explains: Bool, context: RenderContext) -> Int {
    let header = header(dossier: dossier, context: context).count
    guard explains, width >= Self.explainingWidth else { return header }
    return header + 1 + explanation(rows: .max, context: context).lines.count
  }

  /// The lines for a box `height` rows tall inside, and how many sentences of the explanation
  /// it shows.
  func content(height: Int, explains: Bool, dossier: Dossier, context: RenderContext)
    -> (lines: [StyledText], sentences: Int)
  {
    let figures = LifecycleFigures.lines(
      for: stage, dossier: dossier, width: width, glyphs: context.glyphs
    ).count
    var lines = header(dossier: dossier, gistRows: max(0, height - 2 - figures), context: context)
    guard explains, height - lines.count >= 2 else { return (lines, 0) }
    let (explained, sentences) = explanation(rows: height - lines.count - 1, context: context)
    if sentences > 0 { lines += [StyledText()] + explained }
    return (lines, sentences)
  }
}
