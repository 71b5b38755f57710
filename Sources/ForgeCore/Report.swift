import Foundation

/// Output format of the plain (non-screen) commands.
public enum ReportFormat: String, CaseIterable, Sendable {
  case text, json, markdown
}

/// Plain renderings of a dossier: text, JSON (stable schema) and Markdown.
public enum Report {
  /// Pretty, key-sorted JSON: the schema is the `Dossier` Codable shape.
  public static func json<T: Encodable>(_ value: T) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// The design's six decisions and advanced settings, one per line. The advanced settings
  /// carry the panel's plain names, their usual technical names in parentheses.
  static func designLines(_ d: ForgeDesign) -> [(String, String)] {
    Decision.allCases.map { ($0.label, d.words(for: $0)) } + [
      ("Utilisation (MFU)", Format.number(d.mfu)),
      ("Expert worth (MoE k)", Format.number(d.moeK) + (d.isDense ? " (unused: dense)" : "")),
      ("KV cache", d.attention == .gqa ? "GQA" : "MLA (DeepSeek-V3 latent)"),
    ]
  }

  /// The preset note when the design is a preset named after (or set beside) a real model.
  static func realNote(_ d: ForgeDesign) -> String? {
    Preset.allCases.first { $0.design == d }?.realNote
  }

  public static func render(_ dossier: Dossier, as format: ReportFormat, trace: Bool) -> String {
    switch format {
    case .json: return json(dossier)
    case .text: return text(dossier, trace: trace)
    case .markdown: return markdown(dossier, trace: trace)
    }
  }

  static func text(_ dossier: Dossier, trace: Bool) -> String {
    var lines = ["MODEL DOSSIER"]
    for (k, v) in designLines(dossier.design) { lines.append("  " + k.padding(24) + v) }
    if let note = realNote(dossier.design) { lines.append("  " + "Named after".padding(24) + note) }
    lines.append("")
    // The values in one column, two spaces past the longest label, which is never cut.
    let longest = "Longest context / user"
    let column = (dossier.figures.map(\.label.count) + [longest.count]).max()! + 2
    for f in dossier.figures { lines.append("  " + f.label.padding(column) + f.fullText) }
    lines.append(
      "  " + longest.padding(column) + Format.count(Double(dossier.longestContext)) + " tokens")
    lines.append("")
    lines.append("VERDICTS")
    for v in dossier.verdicts {
      lines.append("  [" + v.severity.rawValue.uppercased().padding(4) + "] " + v.message)
    }
    if trace {
      lines.append("")
      lines.append("EQUATIONS")
      for f in dossier.figures {
        lines.append("  " + f.trace.line)
        for n in f.trace.notes { lines.append("      " + n) }
      }
    }
    return lines.joined(separator: "\n")
  }

  static func markdown(_ dossier: Dossier, trace: Bool) -> String {
    var lines = ["# Model dossier", "", "| Decision | Value |", "|---|---|"]
    for (k, v) in designLines(dossier.design) { lines.append("| \(k) | \(v) |") }
    lines += ["", "| Figure | Value |", "|---|---|"]
    for f in dossier.figures { lines.append("| \(f.label) | \(f.fullText) |") }
    lines.append(
      "| Longest context / user | \(Format.count(Double(dossier.longestContext))) tokens |")
    lines += ["", "## Verdicts", ""]
    for v in dossier.verdicts { lines.append("- **\(v.severity.rawValue)** — \(v.message)") }
    if trace {
      lines += ["", "## Equations", ""]
      for f in dossier.figures {
        lines.append("- `\(f.trace.line)`")
        for n in f.trace.notes { lines.append("  - \(n)") }
      }
    }
    return lines.joined(separator: "\n")
  }
}

extension String {
  /// Left-aligned in at least `width` columns (never truncated).
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
