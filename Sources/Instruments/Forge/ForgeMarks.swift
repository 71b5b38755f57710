import ForgeCore

/// How a figure moved with the last move.
public enum FigureChange: Equatable, Sendable {
  case up, down
  /// The text changed but not the value (say, the GPU's name in the fleet).
  case other
}

/// What the dossier marks beside its figures: the last move's changes, and the figures a
/// failing or warning verdict is about.
public enum ForgeMarks {
  /// The figures each verdict is about, by verdict id.
  static let verdictFigures: [String: [String]] = [
    "kv_fits": ["kv_per_user", "users_per_node"],
    "node_fit": ["weights", "users_per_node"],
    "fleet": ["fleet"],
    "data": ["training_tokens"],
    "decode_speed": ["decode_ceiling"],
    "cost": ["training_cost"],
    "undertrained": ["tokens_per_param"],
    "precision": ["weights"],
  ]

  /// A few words for each check, for the checklist of passing verdicts.
  static let checkNames: [String: String] = [
    "kv_fits": "KV fits", "node_fit": "one node", "fleet": "fleet", "data": "data",
    "decode_speed": "speed", "cost": "cost", "undertrained": "trained", "precision": "precision",
  ]

  /// Figures whose shown text differs between `before` and `now`, by id, with the direction
  /// their values moved.
  public static func changes(from before: Dossier?, to now: Dossier) -> [String: FigureChange] {
    guard let before else { return [:] }
    var out: [String: FigureChange] = [:]
    for (i, figure) in now.figures.enumerated() {
      // The figure before in the same place, where the two dossiers list the same figures.
      let same = i < before.figures.count && before.figures[i].id == figure.id
      guard let old = same ? before.figures[i] : before[figure.id],
        // Text and detail compared first: no joined strings built for a figure that stayed.
        old.text != figure.text || old.detail != figure.detail,
        old.fullText != figure.fullText
      else { continue }
      if figure.value > old.value {
        out[figure.id] = .up
      } else if figure.value < old.value {
        out[figure.id] = .down
      } else {
        out[figure.id] = .other
      }
    }
    return out
  }

  /// The worst verdict about each figure, for figures some verdict warns or fails about.
  public static func severities(_ dossier: Dossier) -> [String: Severity] {
    var out: [String: Severity] = [:]
    for verdict in dossier.verdicts where verdict.severity != .ok {
      for id in verdictFigures[verdict.id] ?? [] {
        out[id] = max(out[id] ?? .ok, verdict.severity)
      }
    }
    return out
  }

  /// The verdicts, worst first (in the core's order among equals).
  public static func ranked(_ verdicts: [Verdict]) -> [Verdict] {
    verdicts.enumerated().sorted { a, b in
      a.element.severity != b.element.severity
        ? a.element.severity > b.element.severity : a.offset < b.offset
    }.map(\.element)
  }
}
