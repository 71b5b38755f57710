import Foundation

/// The serving half of the dossier: weights, decode ceilings, KV cache and users.
extension DossierFigures {
  private var s: Serving { metrics.serving }

  var weights: Figure {
    let m = metrics
    let w = weightNumber
    let kv = kvNumber
    let size = Format.size(m.weightBytes)
    return figure(
      "weights", "Weights on disk", m.weightBytes, "bytes", size,
      detail: "\(s.shards) × \(gpu)",
      Trace(
        formula: "weights = N_total·bytes",
        substituted: "\(Format.number(m.totalParams))·\(Format.number(design.precision.bytes))",
        result: size,
        notes: {
          [
            "\(design.precision.label) = \(Format.number(design.precision.bytes)) byte/param",
            "the seed's shards = ceil(weights/(0.9·memory)) = ceil(\(w)/(0.9·\(memory))) = "
              + "\(s.weightShards) × \(gpu) hold the weights alone",
            "served on ceil((weights + KV/user)/(0.9·memory)) = ceil((\(w) + \(kv))/(0.9·"
              + "\(memory))) = \(s.shards) × \(gpu): added so the GPUs also hold one user's cache",
          ]
        }))
  }

  var decodeCeiling: Figure {
    let m = metrics
    var trace = Equations.decodeCeiling(
      activeParams: m.activeParams, precision: design.precision, gpu: design.gpu)
    let ctx = Format.context(design.context)
    trace.appendNotes { decodeCeilingNotes(context: ctx) }
    return figure(
      "decode_ceiling", "Single-stream ceiling", m.decodeCeiling, "tok/s",
      Format.tokensPerSecond(m.decodeCeiling),
      detail: Format.tokensPerSecond(s.fullContextCeiling) + " at " + ctx, trace)
  }

  /// The decode ceiling's notes after the equation's own.
  func decodeCeilingNotes(context ctx: String) -> [String] {
    let m = metrics
    let bw = Format.number(design.gpu.bandwidth)
    let active = Format.number(m.activeParams * design.precision.bytes)
    let kv = kvNumber
    var notes = [
      "at full \(ctx) context the stream also reads its KV cache each token: \(bw)/(\(active) + "
        + "\(kv)) = " + Format.tokensPerSecond(s.fullContextCeiling, precise: true)
        + " (added: EQ 7.1 counts the weights only)"
    ]
    if s.shards > 1 {
      let agg = Format.significant(s.aggregateBandwidth / 1e12, 4) + " TB/s"
      let tp = s.aggregateBandwidth / (m.activeParams * design.precision.bytes)
      let tpFull = s.aggregateBandwidth / (m.activeParams * design.precision.bytes + m.kvPerUser)
      notes.append(
        "tensor parallelism over the \(s.shards) × \(gpu) reads every shard at once: "
          + "\(s.shards)·\(bw) B/s = \(agg) raises the ceiling to "
          + Format.tokensPerSecond(tp, precise: true) + ", "
          + Format.tokensPerSecond(tpFull, precise: true) + " at full \(ctx) (less the"
          + " all-reduce time between shards)")
    } else {
      notes.append("one \(gpu) holds it all: no tensor parallelism to add bandwidth")
    }
    if !design.isDense { notes.append("MoE reads only the active experts at batch 1") }
    return notes
  }

  var kvPerUser: Figure {
    let m = metrics
    let shape = m.shape
    let size = Format.size(m.kvPerUser)
    var trace: Trace
    let heads: String
    if let latent = shape.latent {
      trace = Trace(
        formula: "KV/user = L·(kv_lora_rank + rope)·T·bytes",
        substituted: "\(shape.layers)·(\(KVAttention.mlaRank) + \(KVAttention.mlaRope))·"
          + "\(design.context)·" + Format.number(Shape.kvBytes),
        result: size,
        notes: {
          [
            "MLA (DeepSeek-V3): one \(latent)-element latent per layer instead of per-head K and"
              + " V; 16-bit"
          ]
        })
      heads = "MLA latent \(KVAttention.mlaRank) + \(KVAttention.mlaRope)"
    } else {
      trace = Equations.kvPerUser(shape: shape, context: design.context)
      trace.result = size
      heads =
        shape.kvHeads < Shape.gqaHeads
        ? "GQA-\(shape.kvHeads) (KV heads capped at the \(shape.queryHeads) query heads)"
        : "GQA-8"
    }
    trace.appendNotes {
      [
        "shape from N: L = round(96·(N/156e9)^(1/3)) = \(shape.layers), d_model ≈ √(N/12L) = "
          + "\(shape.dModel), \(heads), head dim 128, every layer full attention"
      ]
    }
    return figure(
      "kv_per_user", "KV cache / user at full context", m.kvPerUser, "bytes", size, trace)
  }

  var usersPerNode: Figure {
    let m = metrics
    let unit = design.gpu.unitWord
    let nodeSize = design.gpu.nodeSize
    let detail =
      s.spansNodes
      ? "needs \(s.nodes) \(design.gpu.nodeWord)s"
      : "\(s.usersPerFullNode) on \(nodeSize) \(unit)s"
    return figure(
      "users_per_node", "Concurrent users / node", Double(m.usersPerNode), "users",
      "\(m.usersPerNode)", detail: detail,
      Trace(
        formula: "users = floor((0.9·memory·GPUs − weights)/KV)",
        substituted: "floor((0.9·\(memory)·\(m.shards) − "
          + "\(weightNumber))/\(kvNumber))",
        result: "\(m.usersPerNode)", notes: { usersPerNodeNotes }))
  }

  var usersPerNodeNotes: [String] {
    let m = metrics
    let nodeSize = design.gpu.nodeSize
    return [
      "GPUs = ceil((weights + KV)/(0.9·memory)) = \(s.shards): the fewest that hold the weights"
        + " and one user's cache",
      "on a whole \(design.gpu.nodeWords): floor((0.9·\(memory)·\(nodeSize) − "
        + "\(weightNumber))/\(kvNumber)) = "
        + "\(s.usersPerFullNode)"
        + (s.spansNodes ? " (one user needs \(s.nodes) \(design.gpu.nodeWord)s)" : ""),
      "longest context for one user on the \(design.gpu.nodeWord)s that hold the weights: "
        + Format.count(Double(m.longestContext)) + " tokens",
    ]
  }
}
