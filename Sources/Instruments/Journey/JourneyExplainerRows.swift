import JourneyCore
import TerminalUI

/// How many lines the explainer's longest text takes (`JourneyState.explainerLines`), kept for
/// the facts, stages, widths and glyphs they were worked out for. Laying out every stage's
/// text is most of what sizing the Journey's panels costs, and the facts change once a step
/// at most, so `update` works them out for the widths the next frame asks at and the view
/// finds them (`refreshExplainerRows`). A plain value held by the Journey's state; like the
/// Forge's pages, it plays no part in that state's equality.
struct JourneyExplainerRows: Equatable {
  struct Key: Equatable {
    var facts: JourneyExplainer.Facts
    var stages: [JourneyCore.Stage]
    var width: Int
    var glyphs: GlyphSet
  }

  private(set) var entries: [(key: Key, lines: Int)] = []

  init(_ entries: [(key: Key, lines: Int)] = []) { self.entries = entries }

  /// Always equal: each entry is what its key gives.
  static func == (_: Self, _: Self) -> Bool { true }

  func lines(for key: Key) -> Int? { entries.first { $0.key == key }?.lines }
}

extension JourneyState {
  /// The key `explainerLines` is kept under.
  func explainerKey(_ machine: StepMachine, width: Int, context: RenderContext)
    -> JourneyExplainerRows.Key
  {
    JourneyExplainerRows.Key(
      facts: JourneyExplainer.Facts(machine), stages: machine.stages, width: width,
      glyphs: context.glyphs)
  }

  /// Keeps the explainer's line counts for the right column's text width in `area` (where
  /// the layout always measures it, and where the model panel sits unless the layout moved it
  /// left), in the glyphs the layout measures with and those of `context` (the model
  /// panel's): a count kept that still applies is taken over, the rest worked out. The left
  /// column's width, which only some layouts ask about, is worked out when asked.
  mutating func refreshExplainerRows(area: Rect, context: RenderContext) {
    guard let machine = engine?.machine else {
      explainerRows = JourneyExplainerRows()
      return
    }
    let width = JourneyLayout.textWidths(area).right
    var entries: [(key: JourneyExplainerRows.Key, lines: Int)] = []
    for glyphs in [JourneyLayout.sizing.glyphs, context.glyphs] {
      let measured = RenderContext(theme: .monochrome, glyphs: glyphs)
      let key = explainerKey(machine, width: width, context: measured)
      guard !entries.contains(where: { $0.key == key }) else { continue }
      let lines =
        explainerRows.lines(for: key)
        ?? explainerLinesWorkedOut(machine, width: width, context: measured)
      entries.append((key, lines))
    }
    explainerRows = JourneyExplainerRows(entries)
  }
}
