import ForgeCore
import TerminalUI

/// The dossier of a real model beside the design's, on the design's GPU, precision and context:
/// one row per figure with a priority (0 is kept longest when rows run out).
struct ForgeCompareRows {
  struct Row: Equatable {
    var label: String
    var you: String
    var model: String
    var priority: Int
    /// Shorter labels, longest first, for a panel too narrow for `label`.
    var shorter: [String] = []
  }

  let rows: [Row]
  /// How each side's KV cache was computed, written out in full.
  let kvNotes: [String]
  /// The model's KV per token in a few words, for compact panels.
  let kvShort: String
  let source: String
  /// Where the model sits against the compute-optimal ratio, in words.
  let verdict: String
  /// Said first when the design's context is past the model's own maximum.
  let warning: String?

  /// Below this many times the compute-optimal tokens per parameter a model is called
  /// under-trained; above `overTrained`, over-trained; between, near the optimum.
  static let underTrained = 0.5
  static let overTrained = 2.0

  init(
    design d: ForgeDesign, model: GalleryModel, glyphs g: GlyphSet,
    law: ScalingLaw = .chinchillaRefit
  ) {
    let m = Metrics(d, law: law)
    let c = Gallery.compare(model, on: d, law: law)
    let s = c.serving
    let times = String(g.times)
    let na = "n/a"
    let ctx = Format.context(d.context)
    // Both sides against their own optimum: Chinchilla's for dense, N* for an MoE.
    let youOver = m.tokensPerActiveParam / m.optimalTokensPerParam
    func over(_ x: Double) -> String { Format.ratio(x) + times }
    func loss(_ x: Double) -> String { ForgePlotLegend.loss(x) }
    func shards(_ n: Int) -> String { "\(n) \(times) \(d.gpu.name)" }
    rows = [
      Row(
        label: "Total params", you: Format.params(m.totalParams),
        model: Format.params(model.totalParams), priority: 2),
      Row(
        label: "Active params", you: Format.params(m.activeParams),
        model: Format.params(model.activeParams), priority: 1),
      Row(
        label: "Tokens", you: Format.tokens(m.tokens),
        model: model.tokens.map(Format.tokens) ?? na, priority: 2),
      Row(
        label: "Over-training", you: over(youOver), model: c.overtraining.map(over) ?? na,
        priority: 0),
      Row(label: "Loss", you: loss(m.loss), model: c.loss.map(loss) ?? na, priority: 1),
      Row(
        label: "Weights " + d.precision.label, you: Format.gigabytes(m.weightBytes),
        model: Format.gigabytes(s.weightBytes), priority: 0),
      Row(label: "GPUs to serve", you: shards(m.shards), model: shards(s.shards), priority: 2),
      Row(
        label: "Decode ceiling", you: Format.tokensPerSecond(m.decodeCeiling),
        model: Format.tokensPerSecond(s.decodeCeiling), priority: 0),
      Row(
        label: "KV cache per token", you: Format.kibibytes(m.shape.kvBytesPerToken),
        model: Format.kibibytes(model.kvBytesPerToken), priority: 1, shorter: ["KV per token"]),
      Row(
        label: "KV cache per user at " + ctx, you: Format.gigabytes(m.kvPerUser),
        model: Format.gigabytes(s.kvPerUser), priority: 0,
        shorter: ["KV per user at " + ctx, "KV per user, " + ctx, "KV per user"]),
      // Users at full context on the GPUs that serve the model (the row above), as the
      // dossier's "Concurrent users" counts them; then on a whole node.
      Row(
        label: "Users on the GPUs to serve", you: "\(m.usersPerNode)",
        model: "\(s.usersPerNode)", priority: 0,
        shorter: ["Users on GPUs to serve", "Users, GPUs to serve", "Users served"]),
      Row(
        label: "Users on a whole \(d.gpu.nodeSize)-\(d.gpu.unitWord) \(d.gpu.nodeWord)",
        you: Self.fullNode(m.serving), model: Self.fullNode(s), priority: 1,
        shorter: ["Users on \(d.gpu.nodeSize) \(d.gpu.unitWord)s"]),
    ]
    let mine = Equations.kvPerUser(shape: m.shape, context: d.context)
    kvNotes = [
      model.shortName + " " + model.kvTrace.line + " (" + model.attention.label
        + Self.attentionNote(model.attention) + ")",
      "you " + mine.line + " (GQA-\(m.shape.kvHeads), \(m.shape.layers) layers from N)",
    ].map { Self.plain($0, glyphs: g) }
    let latent = if case .mla = model.attention { " latent" } else { "" }
    kvShort = Self.plain(
      "KV/token " + model.kvTrace.substituted + " B, " + model.attention.label + latent,
      glyphs: g)
    source = Self.plain("Source: " + model.source, glyphs: g)
    let own = model.moeRatio > 1 ? " (against its own MoE optimum)" : ""
    verdict = Self.plain(
      model.shortName + ": " + Self.verdict(overtraining: c.overtraining, times: times) + own,
      glyphs: g)
    warning = c.contextWarning.map { Self.plain(String(g.warn) + " " + $0, glyphs: g) }
  }

  /// Users on one whole node, or the nodes one user needs.
  static func fullNode(_ s: Serving) -> String {
    s.spansNodes ? "needs \(s.nodes) nodes" : "\(s.usersPerFullNode)"
  }

  /// Over-training in words: under-trained, near the optimum, or over-trained and why.
  static func verdict(overtraining: Double?, times: String) -> String {
    guard let x = overtraining else { return "training tokens undisclosed, over-training unknown" }
    let ratio = Format.ratio(x) + times + " the compute-optimal tokens/param"
    if x < underTrained { return ratio + ": under-trained, too big for its data" }
    if x > overTrained { return ratio + ": over-trained, paid in training to serve cheaply" }
    return ratio + ": near compute-optimal"
  }

  /// What the attention type caches, for the KV note.
  static func attentionNote(_ a: Attention) -> String {
    switch a {
    case .mha: ": every head keeps K and V"
    case .gqa: ": heads share KV groups"
    case .mla: ": one latent per layer"
    }
  }

  /// `s` as the glyph set can show it: in ASCII, ForgeCore's multiplying dots become `*` (a
  /// `.` would read as a decimal point) and times signs become `x`.
  static func plain(_ s: String, glyphs g: GlyphSet) -> String {
    guard !g.isUnicode else { return s }
    return String(
      s.map { ch -> Character in
        switch ch {
        case "\u{B7}": "*"
        case "\u{D7}": g.times
        default: ch
        }
      })
  }

  /// The rows to show in `height` table rows, dropping the least important first and keeping
  /// the order.
  func visible(in height: Int) -> [Row] {
    guard height > 0 else { return [] }
    var kept = rows
    for level in stride(from: rows.map(\.priority).max() ?? 0, through: 0, by: -1)
    where kept.count > height {
      while kept.count > height, let i = kept.lastIndex(where: { $0.priority == level }) {
        kept.remove(at: i)
      }
    }
    return Array(kept.prefix(height))
  }
}
