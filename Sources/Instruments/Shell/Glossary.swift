import ForgeCore
import JourneyCore
import TerminalUI

/// The glossary (`G` on any screen, or from the help overlay): each term the screen on show
/// uses, explained in a sentence with the numbers it shows now.
enum Glossary {
  /// One term and its explanation.
  struct Entry: Equatable {
    var term: String
    var text: String
  }

  /// The terms of the screen on show, with its current numbers.
  static func entries(_ app: AppState) -> [Entry] {
    switch app.screen {
    case .forge: forge(app.forge.dossier) + units(app.forge.dossier) + serving(app.forge.dossier)
    case .lifecycle:
      forge(app.forge.dossier) + units(app.forge.dossier) + serving(app.forge.dossier)
        + lifecycle(app.forge.design) + reading
    case .exercises:
      // The equations under a wide card carry the dossier's notes (memory, parallelism).
      forge(app.forge.dossier) + units(app.forge.dossier) + serving(app.forge.dossier)
        + lifecycle(app.forge.design).filter {
          ["HBM, memory, links", "parallelism, rooflines"].contains($0.term)
        }
    case .journey: journey(app.journey)
    case .reading: readingEntries(app)
    }
  }

  /// The Reading list's terms: its roads and the words the item notes use (precisions,
  /// memory, experts, the KV cache).
  static func readingEntries(_ app: AppState) -> [Entry] {
    let design = app.forge.design
    let forge = forge(app.forge.dossier)
    let lifecycleTerms: Set<String> = ["SFT, RL, RLVR", "LoRA, QLoRA", "HBM, memory, links"]
    var out: [Entry] = Array(forge.prefix(3))
    out += journey(app.journey).prefix(4)
    out += reading
    out += forge.filter { $0.term.hasPrefix("MoE") || $0.term == "KV cache" }
    out += units(app.forge.dossier).filter { $0.term.hasPrefix("FP8") }
    out += lifecycle(design).filter { lifecycleTerms.contains($0.term) }
    // The decode ceiling, and MLA (the DeepSeek-V3 note names the Forge's MLA setting).
    out += serving(app.forge.dossier).filter {
      $0.term == "decode ceiling" || $0.term.hasPrefix("MLA")
    }
    return out
  }

  static func forge(_ d: Dossier) -> [Entry] {
    let design = d.design
    let m = Metrics(design)
    let f = design.overtrain
    let ratio = Format.significant(f, 3) + "×"
    let trained =
      f < 1
      ? "Under 1× it is under-trained: \(ratio) the Chinchilla tokens, a bigger model on less data."
      : "This design is \(ratio) past it: \(d.text("active_params")) params instead of "
        + "\(Format.params(m.optimalParams)), on \(d.text("training_tokens")) tokens."
    let sparse = design.moeRatio > 1
    return [
      Entry(
        term: "Chinchilla optimum, \"past Chinchilla\"",
        text: "For a budget C, EQ 4.2 gives the loss-minimising size N_opt (about 20 tokens per "
          + "parameter); training f× past it shrinks N by √f and grows D by √f. " + trained),
      Entry(
        term: "EQ numbers",
        text: "The seed's equations: EQ 4.1 the loss L = E + A/N^α + B/D^β and the budget "
          + "C = 6ND, EQ 4.2 the optimal size, EQ 3.5 the KV cache, EQ 7.1 the decode "
          + "ceiling (bandwidth ÷ weight bytes, \(d.text("decode_ceiling")) here)."),
      Entry(
        term: "Effective size (N_eff)",
        text: sparse
          ? "The dense size that would score the same loss: \(Format.params(m.effectiveParams)) "
            + "for this MoE's \(d.text("active_params")) active of \(d.number("total_params"))."
          : "The dense size that would score the same loss; for a dense model it is N itself, "
            + "\(Format.params(m.effectiveParams))."),
      Entry(
        term: "MoE, expert worth (MoE k)",
        text: "A mixture of experts stores S× the parameters it runs per token (S = "
          + "\(Format.significant(design.moeRatio, 3)) now); the experts' worth k = "
          + "\(Format.number(design.moeK)) says how much of that stored size counts for the loss "
          + "(N_eff = N_active·S^k)."),
      Entry(
        term: "Utilisation (MFU)",
        text: "Model FLOPs utilisation: the share of the GPU's peak a training run sustains, "
          + "\(Int((design.mfu * 100).rounded()))% here; it sets the GPU-hours, the fleet "
          + "(\(d.text("fleet"))) and the cost (\(d.text("training_cost")))."),
      Entry(
        term: "KV cache",
        text: "The keys and values attention keeps for every token of context: "
          + "\(d.text("kv_per_user")) for one user at full context (EQ 3.5), so a node serves "
          + "\(d.text("users_per_node")) at once."),
    ]
  }

  static func journey(_ journey: JourneyState) -> [Entry] {
    let machine = journey.engine?.machine
    let settings = machine?.settings ?? SamplerSettings()
    let entropy = machine?.distribution?.entropy
    let norms = machine?.pass?.residualNorms ?? []
    let lens = machine?.pass?.logitLens ?? []
    let vocab = machine?.model.vocabulary
    let tau = JourneyState.format(temperature: Int((settings.temperature * 10).rounded()))
    return [
      Entry(
        term: "logits",
        text: "One score a word of the vocabulary for what comes next; softmax turns them into "
          + "the probabilities the bars show."),
      Entry(
        term: "τ (temperature)",
        text: "Logits are divided by τ before softmax: τ \(tau) now; below 1 the top word "
          + "wins more often, above 1 the distribution flattens."),
      Entry(
        term: "top-k",
        text: settings.topK.map { "Only the \($0) most likely words may be drawn (now k = \($0))." }
          ?? "Keep only the k most likely words before drawing; off now."),
      Entry(
        term: "top-p",
        text: settings.topP.map {
          "Only the most likely words whose probabilities add up to p = \(Format.number($0)) "
            + "may be drawn."
        } ?? "Keep the fewest most likely words whose probabilities reach p; off now."),
      Entry(
        term: "entropy",
        text: "How spread out the next-word distribution is, in bits: 0 is certain, "
          + "log2(n) is n words equally likely"
          + (entropy.map { "; \(JourneyState.fixed($0, 2)) bits now." } ?? ".")),
      Entry(
        term: "residual norm",
        text: "The length of the vector each layer adds to and passes on (the residual stream)"
          + (norms.isEmpty
            ? "; a lookup table has none."
            : ": "
              + norms.enumerated().map {
                "layer \($0.offset + 1) \(JourneyState.fixed($0.element, 2))"
              }
              .joined(separator: ", ") + " now.")),
      Entry(
        term: "logit lens",
        text: "The word each layer's residual stream would predict if it went straight to the "
          + "unembedding"
          + (lens.isEmpty || vocab == nil
            ? "; a lookup table has no layers to read."
            : ": "
              + lens.enumerated().map { "layer \($0.offset + 1) '\(vocab!.token($0.element))'" }
              .joined(separator: ", ") + " now.")),
    ]
  }

  /// The glossary as an overlay over `area`, scrolled to `firstLine`: one column up to 100
  /// wide; where that is taller than the screen and the screen is wide, the entries flow into
  /// side-by-side columns (whole entries, in order) so more of them show at once.
  static func overlay(_ app: AppState, area: Rect, firstLine: Int, context: RenderContext)
    -> Overlay
  {
    let title = "Glossary: \(app.screen.title)"
    let footer = StyledText(
      context.glyphs.text("↑↓ scroll · G or Esc closes"), style: context.theme.muted)
    let all = entries(app)
    func block(_ entry: Entry, width: Int) -> [StyledText] {
      StyledText(context.glyphs.text(entry.term), style: context.theme.key).wrapped(to: width)
        + StyledText(context.glyphs.text(entry.text), style: context.theme.text).wrapped(
          to: width)
    }
    let rows = max(1, area.height - 2)
    let single = min(area.width, 100) - 4
    var lines: [StyledText] = []
    for (i, entry) in all.enumerated() {
      if i > 0 { lines.append(StyledText()) }
      lines += block(entry, width: single)
    }
    lines += [StyledText(), footer]
    let gap = 3
    var best: [StyledText]?
    for columns in 2...4 where lines.count > rows {
      let width = min(100, (area.width - 4 - gap * (columns - 1)) / columns)
      guard width >= 50 else { break }
      let blocks = all.map { block($0, width: width) }
      let total = blocks.map(\.count).reduce(0, +) + blocks.count - 1
      let target = (total + columns - 1) / columns
      // Whole entries, in order, each column filled to about an equal share.
      var flowed: [[StyledText]] = [[]]
      for entry in blocks {
        if flowed[flowed.count - 1].count + entry.count > target, flowed.count < columns,
          !flowed[flowed.count - 1].isEmpty
        {
          flowed.append([])
        }
        if !flowed[flowed.count - 1].isEmpty { flowed[flowed.count - 1].append(StyledText()) }
        flowed[flowed.count - 1] += entry
      }
      let height = flowed.map(\.count).max() ?? 0
      let joined = (0..<height).map { row in
        var line = StyledText()
        for (c, column) in flowed.enumerated() where row < column.count {
          line.append(String(repeating: " ", count: max(0, c * (width + gap) - line.displayWidth)))
          line = line + column[row]
        }
        return line
      }
      best = joined + [StyledText(), footer]
      if height + 2 <= rows { break }
    }
    return Overlay(
      title, lines: best ?? lines, maxWidth: best == nil ? min(area.width, 100) : area.width,
      firstLine: firstLine)
  }
}
