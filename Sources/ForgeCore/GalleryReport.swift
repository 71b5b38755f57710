/// The gallery table (each model beside the design's GPU, precision and context) as plain output.
public enum GalleryReport {
  static let headers = [
    "Model", "Total", "Active", "Tokens", "C (6ND)", "Published C", "L", "KV heads", "d_head",
    "Ctx", "Attn", "KV/token", "Weights", "GPUs", "Decode", "KV/user", "Users", "Users/node",
    "Over-train", "Source",
  ]

  static func row(_ c: Comparison) -> [String] {
    let m = c.model
    let s = c.serving
    let kvHeads = if case .mla = m.attention { "latent" } else { "\(m.kvHeads)" }
    return [
      m.name, Format.params(m.totalParams), Format.params(m.activeParams),
      m.tokens.map(Format.tokens) ?? "n/a", m.compute.map(Format.flops) ?? "n/a",
      m.publishedCompute.map(Format.flops) ?? "-", "\(m.layers)", kvHeads, "\(m.headDim)",
      Format.context(m.context), m.attention.label, Format.kibibytes(m.kvBytesPerToken),
      Format.size(s.weightBytes), "\(s.shards)", Format.tokensPerSecond(s.decodeCeiling),
      Format.size(s.kvPerUser), "\(s.usersPerNode)",
      s.spansNodes ? "\(s.nodes) nodes" : "\(s.usersPerFullNode)",
      c.overtraining.map { Format.ratio($0) + "×" } ?? "n/a", m.source,
    ]
  }

  /// The setting every row is compared on, in words.
  static func caption(_ d: ForgeDesign) -> String {
    "Served on \(d.gpu.name) at \(d.precision.label), KV per user at \(Format.context(d.context))"
      + " context; KV cache 16-bit, every layer full attention (MLA caches its latent);"
      + " GPUs = the fewest holding the weights and one user's cache; Users/node = users on one"
      + " whole \(d.gpu.nodeWords); over-training = tokens/param ÷ the compute-optimal ratio at"
      + " the model's own 6ND budget and sparsity (MoE: its own N*, k = \(Format.number(d.moeK)))."
  }

  /// One line per model served past its own maximum context.
  static func warnings(_ comparisons: [Comparison]) -> [String] {
    comparisons.compactMap(\.contextWarning).map { "Warning: " + $0 + "." }
  }

  public static func render(on design: ForgeDesign, as format: ReportFormat) -> String {
    let comparisons = Gallery.models.map { Gallery.compare($0, on: design) }
    switch format {
    case .json:
      return Report.json(comparisons)
    case .markdown:
      var lines = ["# Gallery of real models", "", caption(design), ""]
      lines.append("| " + headers.joined(separator: " | ") + " |")
      lines.append("|" + String(repeating: "---|", count: headers.count))
      for c in comparisons { lines.append("| " + row(c).joined(separator: " | ") + " |") }
      let notes = warnings(comparisons)
      if !notes.isEmpty { lines += [""] + notes.map { "- " + $0 } }
      return lines.joined(separator: "\n")
    case .text:
      let rows = [headers] + comparisons.map(row)
      let widths = headers.indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
      let table = rows.map { r in
        r.indices.map { r[$0].padding(widths[$0] + 1) }.joined().trimmingTrailingSpaces()
      }
      let notes = warnings(comparisons)
      return
        (["GALLERY OF REAL MODELS", caption(design), ""] + table
        + (notes.isEmpty ? [] : [""] + notes)).joined(separator: "\n")
    }
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var s = self
    while s.hasSuffix(" ") { s.removeLast() }
    return s
  }
}
