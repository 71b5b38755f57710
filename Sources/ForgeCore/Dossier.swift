/// One dossier figure: a value, its unit, its text as shown, and how it was computed.
public struct Figure: Codable, Sendable, Equatable, Identifiable {
  public let id: String
  public let label: String
  public let value: Double
  public let unit: String
  public let text: String
  public let trace: Trace
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
