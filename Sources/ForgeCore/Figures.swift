import Foundation

/// Builds the twelve dossier figures and their traces from a design's metrics.
struct DossierFigures {
  let design: ForgeDesign
  let metrics: Metrics

  var all: [Figure] {
    [
      totalParams, activeParams, trainingTokens, tokensPerParam, predictedLoss, compute, fleet,
      trainingCost, weights, decodeCeiling, kvPerUser, usersPerNode,
    ]
  }

  private var n: String { Format.number(metrics.activeParams) }
  private var c: String { Format.number(design.budget) }
  private var gpu: String { design.gpu.name }

  private func figure(
    _ id: String, _ label: String, _ value: Double, _ unit: String, _ text: String,
    _ trace: Trace
  ) -> Figure {
    Figure(id: id, label: label, value: value, unit: unit, text: text, trace: trace)
  }

  var totalParams: Figure {
    let m = metrics
    let text = Format.params(m.totalParams) + (design.isDense ? " dense" : " MoE")
    return figure(
      "total_params", "Total params", m.totalParams, "params", text,
      Trace(
        formula: "N_total = ratio·N", substituted: "\(Format.number(design.moeRatio))·\(n)",
        result: Format.params(m.totalParams), notes: design.isDense ? ["dense: ratio 1"] : []))
  }

  var activeParams: Figure {
    let m = metrics
    let law = m.law
    let optimum =
      "N_opt = ((αA)/(βB))^(1/(α+β))·(C/6)^(β/(α+β)) = ((\(law.alpha)·\(law.a))/"
      + "(\(law.beta)·\(law.b)))^(1/\(Format.number(law.alpha + law.beta)))·(\(c)/6)^"
      + "\(Format.number(law.beta / (law.alpha + law.beta))) = \(Format.params(m.optimalParams))"
    return figure(
      "active_params", "Active / token", m.activeParams, "params", Format.params(m.activeParams),
      Trace(
        formula: "N = N_opt/√f",
        substituted: "\(Format.number(m.optimalParams))/√\(Format.number(design.overtrain))",
        result: Format.params(m.activeParams), eq: "EQ 4.2",
        notes: [optimum, "over-training shrinks N and grows D at fixed C"]))
  }

  var trainingTokens: Figure {
    figure(
      "training_tokens", "Training tokens", metrics.tokens, "tokens",
      Format.tokens(metrics.tokens),
      Trace(
        formula: "D = C/(6N)", substituted: "\(c)/(6·\(n))", result: Format.tokens(metrics.tokens),
        eq: "EQ 4.1", notes: ["from the budget C = 6ND"]))
  }

  var tokensPerParam: Figure {
    let m = metrics
    let label = design.isDense ? "Tokens / param" : "Tokens / active param"
    var notes = [
      "Chinchilla-optimal at this budget: "
        + Format.ratio(m.law.optimalTokensPerParam(compute: design.budget))
    ]
    if !design.isDense { notes.append("per total param: " + Format.ratio(m.tokensPerTotalParam)) }
    return figure(
      "tokens_per_param", label, m.tokensPerActiveParam, "tokens/param",
      Format.ratio(m.tokensPerActiveParam),
      Trace(
        formula: "D/N", substituted: "\(Format.number(m.tokens))/\(n)",
        result: Format.ratio(m.tokensPerActiveParam), notes: notes))
  }

  var predictedLoss: Figure {
    let m = metrics
    let law = m.law
    let nEff = Format.number(m.effectiveParams)
    var notes = [
      "Chinchilla refit E=\(law.e), A=\(law.a), B=\(law.b), α=\(law.alpha), β=\(law.beta)"
    ]
    if !design.isDense {
      notes.append(
        "MoE heuristic: N_eff = N·ratio^k = \(n)·\(Format.number(design.moeRatio))^"
          + "\(Format.number(design.moeK)) (k=0.5 geometric mean; k=0 MoE buys nothing; "
          + "k=1 as good as dense of the same total size)")
    }
    let loss = String(format: "%.3f", m.loss)
    return figure(
      "predicted_loss", "Predicted loss", m.loss, "nats/token", loss,
      Trace(
        formula: "L = E + A/N_eff^α + B/D^β",
        substituted: "\(law.e) + \(law.a)/\(nEff)^\(law.alpha) + \(law.b)/"
          + "\(Format.number(m.tokens))^\(law.beta)",
        result: loss, eq: "EQ 4.1", notes: notes))
  }

  var compute: Figure {
    var trace = Equations.trainingCompute(params: metrics.activeParams, tokens: metrics.tokens)
    trace.notes = ["the budget is the input; N and D are chosen to spend it"]
    return figure(
      "compute", "Compute C", design.budget, "FLOPs",
      Format.flops(design.budget) + " (" + Format.flopsPower(design.budget) + ")", trace)
  }

  var fleet: Figure {
    let m = metrics
    let hours = Equations.gpuHours(compute: design.budget, mfu: design.mfu, gpu: design.gpu)
    return figure(
      "fleet", "Fleet for 90-day run", m.fleet, "GPUs", Format.count(m.fleet) + " × \(gpu)",
      Trace(
        formula: "fleet = GPU-hours/(90·24)",
        substituted: "\(Format.number(m.gpuHours))/2160",
        result: Format.count(m.fleet) + " × \(gpu)",
        notes: [hours.line, Format.scaledCount(m.gpuHours) + " \(gpu)-hours"]))
  }

  var trainingCost: Figure {
    let m = metrics
    return figure(
      "training_cost", "Training compute cost", m.trainingCost, "USD", Format.money(m.trainingCost),
      Trace(
        formula: "cost = GPU-hours·price",
        substituted: "\(Format.number(m.gpuHours))·\(Format.number(design.gpu.pricePerHour))",
        result: Format.money(m.trainingCost),
        notes: ["$\(Format.number(design.gpu.pricePerHour))/h per \(gpu): " + GPU.priceNote]))
  }

  var weights: Figure {
    let m = metrics
    return figure(
      "weights", "Weights on disk", m.weightBytes, "bytes", Format.gigabytes(m.weightBytes),
      Trace(
        formula: "weights = N_total·bytes",
        substituted: "\(Format.number(m.totalParams))·\(Format.number(design.precision.bytes))",
        result: Format.gigabytes(m.weightBytes),
        notes: [
          "\(design.precision.label) = \(Format.number(design.precision.bytes)) byte/param",
          "shards = ceil(weights/(0.9·memory)) = ceil(\(Format.number(m.weightBytes))/(0.9·"
            + "\(Format.number(design.gpu.memory)))) = \(m.shards) × \(gpu)",
        ]))
  }

  var decodeCeiling: Figure {
    let m = metrics
    var trace = Equations.decodeCeiling(
      activeParams: m.activeParams, precision: design.precision, gpu: design.gpu)
    trace.notes.append("one GPU's bandwidth; tensor parallelism across shards raises it")
    if !design.isDense { trace.notes.append("MoE reads only the active experts at batch 1") }
    return figure(
      "decode_ceiling", "Single-stream ceiling", m.decodeCeiling, "tok/s",
      Format.tokensPerSecond(m.decodeCeiling), trace)
  }

  var kvPerUser: Figure {
    let m = metrics
    let s = m.shape
    var trace = Equations.kvPerUser(shape: s, context: design.context)
    trace.notes.append(
      "shape from N: L = round(96·(N/156e9)^(1/3)) = \(s.layers), d_model ≈ √(N/12L) = "
        + "\(s.dModel), GQA-8, head dim 128, every layer full attention")
    return figure(
      "kv_per_user", "KV cache / user @ full ctx", m.kvPerUser, "bytes",
      Format.gigabytes(m.kvPerUser), trace)
  }

  var usersPerNode: Figure {
    let m = metrics
    return figure(
      "users_per_node", "Concurrent users / node", Double(m.usersPerNode), "users",
      "\(m.usersPerNode)",
      Trace(
        formula: "users = floor((0.9·memory·shards − weights)/KV)",
        substituted: "floor((0.9·\(Format.number(design.gpu.memory))·\(m.shards) − "
          + "\(Format.number(m.weightBytes)))/\(Format.number(m.kvPerUser)))",
        result: "\(m.usersPerNode)",
        notes: [
          "longest context for one user: " + Format.count(Double(m.longestContext)) + " tokens"
        ]))
  }
}
