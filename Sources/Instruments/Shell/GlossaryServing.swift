import ForgeCore

/// The glossary's terms for what a design costs to train and to serve, and for the Forge's
/// plot: decode ceiling, GPU-hours, tensor parallelism, MLA, IsoFLOP and the loss frontier,
/// each with the design's numbers.
extension Glossary {
  static func serving(_ d: Dossier) -> [Entry] {
    let design = d.design
    let m = Metrics(design)
    let gpu = design.gpu.name
    let unit = design.gpu.unitWord
    let fullContext = d["decode_ceiling"]?.detail ?? ""
    let shards = m.shards
    return [
      Entry(
        term: "decode ceiling",
        text: "The fastest one user's stream can decode: each token reads every active weight "
          + "once, so memory bandwidth ÷ weight bytes (EQ 7.1), \(d.text("decode_ceiling")) on "
          + "one \(gpu) here"
          + (fullContext.isEmpty
            ? "."
            : "; at full context the KV cache is read too: "
              + fullContext + ".")),
      Entry(
        term: "GPU-hours",
        text: "\(unit.capitalized)s times hours: the training compute over what one \(gpu) "
          + "sustains (its peak times the utilisation), \(Format.scaledCount(m.gpuHours)) "
          + "\(unit)-hours here; over 90 days that is the fleet (\(d.text("fleet"))), at "
          + "$\(Format.number(design.gpu.pricePerHour))/h the cost (\(d.text("training_cost")))."),
      Entry(
        term: "tensor parallelism",
        text: "Each layer's weights split across \(unit)s that read their shares at once, so "
          + "their bandwidths add up"
          + (shards > 1
            ? ": the \(shards) × \(gpu) that serve this design decode faster than one, less "
              + "the time the shards spend exchanging results."
            : "; one \(gpu) holds this design, so there is nothing to split.")),
      Entry(
        term: "MLA (latent KV cache), kv_lora_rank",
        text: "Multi-head latent attention (DeepSeek-V3): each layer caches one latent per token, "
          + "kv_lora_rank \(KVAttention.mlaRank) plus \(KVAttention.mlaRope) rotary elements, instead of "
          + "every KV head's keys and values, a far smaller KV cache; `a` switches the design "
          + "to it."),
      Entry(
        term: "IsoFLOP curve, loss frontier",
        text: "The plot (g): the IsoFLOP curve is the predicted loss of every model size trained "
          + "on the same compute (\(Format.flops(design.budget))), lowest at the compute-optimal "
          + "size (\(Format.params(m.optimalParams))); the loss frontier (v) is that lowest loss "
          + "at each budget."),
    ]
  }
}
