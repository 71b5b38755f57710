/// One dossier figure: a value, its unit, its text as shown, a second figure beside it where
/// one belongs (`6.2 M H100-h` beside `$12.5 M`), and how it was computed.
public struct Figure: Codable, Sendable, Equatable, Identifiable {
  public let id: String
  public let label: String
  public let value: Double
  public let unit: String
  public let text: String
  /// Shown after the text with a middle dot when there is room; empty when there is none.
  public let detail: String
  public let trace: Trace

  public init(
    id: String, label: String, value: Double, unit: String, text: String, detail: String = "",
    trace: Trace
  ) {
    self.id = id
    self.label = label
    self.value = value
    self.unit = unit
    self.text = text
    self.detail = detail
    self.trace = trace
  }

  /// `$12.5 M · 6.2 M GPU-hours`, or the text alone.
  public var fullText: String { detail.isEmpty ? text : text + " · " + detail }
}

/// The model dossier: a pure function of a design. Twelve figures in the seed's order,
/// verdicts, and the longest context one user can have on the serving node.
public struct Dossier: Codable, Sendable, Equatable {
  public let design: ForgeDesign
  public let figures: [Figure]
  public let verdicts: [Verdict]
  /// Longest context (tokens) one user can have on the node.
  public let longestContext: Int

  public init(_ design: ForgeDesign) {
    let m = Metrics(design)
    self.design = design
    figures = DossierFigures(design: design, metrics: m).all
    verdicts = Verdicts.evaluate(design, m)
    longestContext = m.longestContext
  }

  private init(design: ForgeDesign, figures: [Figure], verdicts: [Verdict], longestContext: Int) {
    self.design = design
    self.figures = figures
    self.verdicts = verdicts
    self.longestContext = longestContext
  }

  /// The same dossier with every trace's notes built once and held, for a reader that reads
  /// them again and again (the traces build their notes each time they are read).
  public var withNotesBuilt: Dossier {
    Dossier(
      design: design,
      figures: figures.map { f in
        var trace = f.trace
        trace.notes = f.trace.notes
        return Figure(
          id: f.id, label: f.label, value: f.value, unit: f.unit, text: f.text, detail: f.detail,
          trace: trace)
      }, verdicts: verdicts, longestContext: longestContext)
  }

  /// Figure ids in the seed's dossier order.
  public static let figureIDs = [
    "total_params", "active_params", "training_tokens", "tokens_per_param", "predicted_loss",
    "compute", "fleet", "training_cost", "weights", "decode_ceiling", "kv_per_user",
    "users_per_node",
  ]

  /// The figure with `id`; every id in `figureIDs` is present.
  public subscript(id: String) -> Figure? { figures.first { $0.id == id } }

  /// The worst severity among the verdicts.
  public var worst: Severity { verdicts.map(\.severity).max() ?? .ok }
}
