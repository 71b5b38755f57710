import ForgeCore
import TerminalUI

extension AppState {
  /// The dossier of the design on the Forge's sliders, derived once per design change by the
  /// Forge's own state (the Exercises' worked example on the design reads it; nothing here
  /// derives a dossier per frame).
  var forgeDossier: Dossier { forge.dossier }
}

extension Exercise.Kind {
  /// The dossier figures this card's equation computes, or feeds straight into, in dossier
  /// order: lit in the panel of the Forge's equations.
  var dossierFigures: [String] {
    switch self {
    case .computeBudget: return ["active_params", "training_tokens", "compute"]
    case .decodeCeiling: return ["active_params", "weights", "decode_ceiling"]
    case .gpuHours: return ["compute", "fleet", "training_cost"]
    case .kvCache: return ["kv_per_user", "users_per_node"]
    }
  }
}

/// The room under a wide card (issue 17): the dossier's chain of equations with the Forge's
/// current numbers, the card's own equations lit, and the card's equation worked on the
/// gallery's real models.
extension ExercisesState {
  /// How much of the dossier's chain the panel shows: every figure or the card's own, and
  /// the figures whose notes go under them.
  struct ChainDetail: Equatable, Sendable {
    var everyFigure: Bool
    var notes: Set<String>
  }

  /// The fullest chain that fits `rows` rows of `width` columns: every figure with the
  /// card's notes and then as many other figures' notes as fit, in dossier order; else every
  /// figure bare; else the card's figures with, then without, their notes. Nil when even
  /// that does not fit.
  func fittedChain(_ dossier: Dossier, width: Int, rows: Int, context: RenderContext)
    -> (ChainDetail, StyledText)?
  {
    func fits(_ d: ChainDetail) -> StyledText? {
      let text = chainText(dossier, detail: d, context: context)
      return TextBlock(text).layout(width: width).count <= rows ? text : nil
    }
    let lit = Set(card.dossierFigures)
    var detail = ChainDetail(everyFigure: true, notes: lit)
    if var best = fits(detail) {
      for figure in dossier.figures where !lit.contains(figure.id) && !figure.trace.notes.isEmpty {
        var more = detail
        more.notes.insert(figure.id)
        if let text = fits(more) {
          detail = more
          best = text
        }
      }
      return (detail, best)
    }
    for d in [
      ChainDetail(everyFigure: true, notes: []), ChainDetail(everyFigure: false, notes: lit),
      ChainDetail(everyFigure: false, notes: []),
    ] {
      if let text = fits(d) { return (d, text) }
    }
    return nil
  }

  /// The fewest rows the room under the card must have before anything goes there.
  static let spareFrom = 5

  /// Draws the Forge's chain and the gallery table side by side in `area` (the rows under
  /// the card), each panel as tall as its text; nothing when the room is too small to show a
  /// panel whole.
  func drawSpare(
    into canvas: inout Canvas, area: Rect, dossier: Dossier, context: RenderContext
  ) {
    guard area.height >= Self.spareFrom else { return }
    let table = galleryText(card, design: dossier.design, context: context)
    let tableLines = TextBlock(table).layout(width: .max)
    let tableWidth = (tableLines.map(\.displayWidth).max() ?? 0) + 4
    var chainArea = area
    // The table beside the chain where the chain keeps at least half the width.
    if tableLines.count + 2 <= area.height, tableWidth * 2 <= area.width {
      let parts = area.columns([.fill, .fixed(tableWidth)], spacing: 1)
      chainArea = parts[0]
      let panel = Panel(galleryTitle(card, design: dossier.design), focused: false).draw(
        into: &canvas, area: parts[1].takingTop(tableLines.count + 2), context: context)
      TextBlock(table).render(
        into: &canvas, area: panel.inset(left: 1, right: 1), context: context)
    }
    let width = chainArea.width - 4
    let rows = chainArea.height - 2
    // The chain is fitted by building it with more and more figures' notes: each built once.
    guard width > 10,
      let (detail, text) = fittedChain(
        dossier.withNotesBuilt, width: width, rows: rows, context: context)
    else { return }
    let height = TextBlock(text).layout(width: width).count + 2
    let title =
      detail.everyFigure
      ? "The dossier's equations on the Forge's design (F1), question \(card.number)'s lit"
      : "Question \(card.number)'s equations on the Forge's design (F1)"
    let panel = Panel(title, focused: false).draw(
      into: &canvas, area: chainArea.takingTop(height), context: context)
    TextBlock(text).render(into: &canvas, area: panel.inset(left: 1, right: 1), context: context)
  }

  /// The dossier's traces with the Forge's numbers: a line naming the design, then each
  /// figure's equation with its numbers substituted (the card's own lit) and, as `detail`
  /// allows, the notes under it.
  func chainText(_ dossier: Dossier, detail: ChainDetail, context: RenderContext) -> StyledText {
    let theme = context.theme
    let g = context.glyphs
    let lit = Set(card.dossierFigures)
    var text = StyledText("Design now: ", style: theme.title)
    text.append(
      LifecycleFigures.designLine(dossier.design, glyphs: g) + "\n", style: theme.accent)
    text.append(
      g.text(
        "The Forge computes these from it; change the design on F1 and every number here "
          + "follows."),
      style: theme.muted)
    for figure in dossier.figures where detail.everyFigure || lit.contains(figure.id) {
      let own = lit.contains(figure.id)
      text.append("\n")
      text.append(
        g.text(figure.label) + ": ", style: own ? theme.title : theme.muted)
      text.append(g.text(figure.trace.line), style: own ? theme.accent : theme.text)
      guard detail.notes.contains(figure.id) else { continue }
      for note in figure.trace.notes {
        text.append("\n    \(g.bullet) " + g.text(note), style: theme.muted)
      }
    }
    return text
  }

  /// `Question 2's equation on real models, on one H100 at FP8`.
  func galleryTitle(_ kind: Exercise.Kind, design: ForgeDesign) -> String {
    let base = "Question \(kind.number)'s equation on real models"
    switch kind {
    case .computeBudget: return base
    case .decodeCeiling: return base + ", one \(design.gpu.name) at \(design.precision.label)"
    case .gpuHours:
      return base + ", \(design.gpu.name)s at \(Format.number(design.mfu * 100))% MFU"
    case .kvCache: return base + ", one user at \(Format.context(design.context))"
    }
  }

  /// The gallery's models worked through the card's equation, on the Forge design's GPU,
  /// precision, MFU and context where the equation needs them: a header and one aligned row
  /// per model, then a line saying where the numbers come from.
  func galleryText(_ kind: Exercise.Kind, design: ForgeDesign, context: RenderContext)
    -> StyledText
  {
    let theme = context.theme
    let g = context.glyphs
    let none = "undisclosed"
    let header: [String]
    let rows: [[String]]
    let note: String
    let models = Gallery.models
    switch kind {
    case .computeBudget:
      header = ["Model", "N active", "D tokens", "C = 6·N·D"]
      rows = models.map { m in
        [
          m.name, Format.params(m.activeParams), m.tokens.map(Format.tokens) ?? none,
          m.compute.map { Exercise.figures($0) + " FLOPs" } ?? none,
        ]
      }
      note = "N and D as published; C by the card's 6·N·D."
    case .decodeCeiling:
      header = ["Model", "N active", "bytes read/token", "tok/s"]
      rows = models.map { m in
        let bytes = m.activeParams * design.precision.bytes
        let rate = Serving.decodeCeiling(
          bandwidth: design.gpu.bandwidth, activeParams: m.activeParams,
          bytes: design.precision.bytes)
        return [
          m.name, Format.params(m.activeParams), Format.size(bytes),
          Format.tokensPerSecond(rate, precise: true),
        ]
      }
      note =
        "tok/s = \(Exercise.exact(design.gpu.bandwidth)) B/s ÷ bytes read per token "
        + "(weights alone, EQ 7.1)."
    case .gpuHours:
      header = ["Model", "C = 6·N·D", "\(design.gpu.name)-hours", "90-day fleet"]
      rows = models.map { m in
        guard let c = m.compute else { return [m.name, none, none, none] }
        let hours = Metrics.gpuHours(compute: c, mfu: design.mfu, peak: design.gpu.peakFLOPs)
        return [
          m.name, Exercise.figures(c) + " FLOPs", Exercise.figures(hours),
          hours < Metrics.runHours
            ? "< 1 \(design.gpu.unitWord)"
            : Format.count(hours / Metrics.runHours) + " × " + design.gpu.name,
        ]
      }
      note =
        "hours = C ÷ (\(Format.number(design.mfu))·\(Exercise.exact(design.gpu.peakFLOPs))"
        + " FLOP/s·3600), the Forge's GPU and MFU."
    case .kvCache:
      header = ["Model", "L · KV heads · attention", "KV/token", "KV/user"]
      rows = models.map { m in
        [
          m.name, "\(m.layers) · \(m.kvHeads) · \(m.attention.label)",
          Format.kibibytes(m.kvBytesPerToken),
          Format.gigabytes(m.kvBytesPerToken * Double(design.context)),
        ]
      }
      note = "KV/user = KV/token × \(design.context) tokens, 16-bit (MLA: one latent/layer)."
    }
    let cells = ([header] + rows).map { $0.map { g.text($0) } }
    let widths = header.indices.map { c in cells.map { $0[c].displayWidth }.max() ?? 0 }
    func line(_ row: [String]) -> String {
      row.enumerated().map { c, cell in
        c == 0
          ? cell.padded(to: widths[c])
          : String(repeating: " ", count: widths[c] - cell.displayWidth) + cell
      }.joined(separator: "  ")
    }
    var text = StyledText(line(cells[0]), style: theme.title.adding(.underline))
    for row in cells.dropFirst() { text.append("\n" + line(row), style: theme.text) }
    text.append("\n" + g.text(note), style: theme.muted)
    return text
  }
}
