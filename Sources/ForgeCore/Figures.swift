import Foundation

/// Builds the twelve dossier figures and their traces from a design's metrics (the training
/// half here, the serving half in `ServingFigures.swift`).
struct DossierFigures {
  let design: ForgeDesign
  let metrics: Metrics
  /// Text more than one figure shows, formatted once.
  let n: String
  let c: String
  /// `6.2 M` GPU-hours.
  let gpuHoursScaled: String
  /// The GPU's memory, the weights' bytes and one user's cache in equations.
  let memory: String
  let weightNumber: String
  let kvNumber: String

  init(design: ForgeDesign, metrics: Metrics) {
    self.design = design
    self.metrics = metrics
    n = Format.number(metrics.activeParams)
    c = Format.number(design.budget)
    gpuHoursScaled = Format.scaledCount(metrics.gpuHours)
    memory = Format.number(design.gpu.memory)
    weightNumber = Format.number(metrics.weightBytes)
    kvNumber = Format.number(metrics.kvPerUser)
  }

  /// The GPU-hours equation on one line (the fleet's note and the cost's, built with them).
  var hoursLine: String {
    Equations.gpuHours(compute: design.budget, mfu: design.mfu, gpu: design.gpu).line
  }

  var all: [Figure] {
    [
      totalParams, activeParams, trainingTokens, tokensPerParam, predictedLoss, compute, fleet,
      trainingCost, weights, decodeCeiling, kvPerUser, usersPerNode,
    ]
  }

  var gpu: String { design.gpu.name }

  func figure(
    _ id: String, _ label: String, _ value: Double, _ unit: String, _ text: String,
    detail: String = "", _ trace: Trace
  ) -> Figure {
    Figure(id: id, label: label, value: value, unit: unit, text: text, detail: detail, trace: trace)
  }

  var totalParams: Figure {
    let m = metrics
    let total = Format.params(m.totalParams)
    let text = total + (design.isDense ? " dense" : " MoE")
    return figure(
      "total_params", "Total params", m.totalParams, "params", text,
      Trace(
        formula: "N_total = ratio·N", substituted: "\(Format.number(design.moeRatio))·\(n)",
        result: total, notes: design.isDense ? ["dense: ratio 1"] : []))
  }

  var activeParams: Figure {
    let m = metrics
    let active = Format.params(m.activeParams)
    return figure(
      "active_params", "Active / token", m.activeParams, "params", active,
      Trace(
        formula: design.isDense ? "N = N_opt/√f" : "N = N*/√f",
        substituted: "\(Format.number(m.optimalParams))/√\(Format.number(design.overtrain))",
        result: active, eq: "EQ 4.2", notes: { activeParamsNotes }))
  }

  var activeParamsNotes: [String] {
    let m = metrics
    let law = m.law
    let ab =
      "((\(law.alpha)·\(law.a))/(\(law.beta)·\(law.b)))^(1/\(Format.number(law.alpha + law.beta)))"
    let cPart = "(\(c)/6)^\(Format.number(law.beta / (law.alpha + law.beta)))"
    var notes: [String]
    if design.isDense {
      notes = [
        "N_opt = ((αA)/(βB))^(1/(α+β))·(C/6)^(β/(α+β)) = \(ab)·\(cPart) = "
          + Format.params(m.optimalParams)
      ]
    } else {
      let s = Format.number(design.moeRatio)
      let k = Format.number(design.moeK)
      let exponent = Format.number(design.moeK * law.alpha / (law.alpha + law.beta))
      notes = [
        "N* = ((αA)/(βB))^(1/(α+β))·S^(−kα/(α+β))·(C/6)^(β/(α+β)) = \(ab)·\(s)^−\(exponent)·"
          + "\(cPart) = \(Format.params(m.optimalParams)) active (S = \(s), k = \(k))",
        "added for MoE: the loss counts N_eff = N·S^k (an effective parameter count, after"
          + " Clark et al. 2022), so minimising L at fixed C = 6·N_active·D puts the optimum at"
          + " fewer active parameters the sparser the model (sparsity at fixed compute, Abnar"
          + " et al. 2025); S = 1 gives EQ 4.2",
        "dense optimum at this budget: " + Format.params(m.denseOptimalParams)
          + "; k is a heuristic (advanced settings), not a fitted constant",
      ]
    }
    notes.append(
      "f = \(Format.significant(design.overtrain, 3)) is measured from that optimum:"
        + " over-training shrinks N and grows D at fixed C, and f = 1 gives the lowest loss")
    return notes
  }

  var trainingTokens: Figure {
    let tokens = Format.tokens(metrics.tokens)
    return figure(
      "training_tokens", "Training tokens", metrics.tokens, "tokens", tokens,
      Trace(
        formula: "D = C/(6N)", substituted: "\(c)/(6·\(n))", result: tokens,
        eq: "EQ 4.1", notes: ["from the budget C = 6ND"]))
  }

  var tokensPerParam: Figure {
    let m = metrics
    let label = design.isDense ? "Tokens / param" : "Tokens / active param"
    let isDense = design.isDense
    let ratio = Format.ratio(m.tokensPerActiveParam)
    return figure(
      "tokens_per_param", label, m.tokensPerActiveParam, "tokens/param", ratio,
      Trace(
        formula: "D/N", substituted: "\(Format.number(m.tokens))/\(n)", result: ratio,
        notes: {
          var notes = [
            (isDense ? "Chinchilla-optimal at this budget: " : "MoE-optimal at this budget: ")
              + Format.ratio(m.optimalTokensPerParam)
          ]
          if !isDense { notes.append("per total param: " + Format.ratio(m.tokensPerTotalParam)) }
          return notes
        }))
  }

  var predictedLoss: Figure {
    let m = metrics
    let law = m.law
    let nEff = Format.number(m.effectiveParams)
    let loss = Format.fixed(m.loss, 3)
    return figure(
      "predicted_loss", "Predicted loss", m.loss, "nats/token", loss,
      Trace(
        formula: "L = E + A/N_eff^α + B/D^β",
        substituted: "\(law.e) + \(law.a)/\(nEff)^\(law.alpha) + \(law.b)/"
          + "\(Format.number(m.tokens))^\(law.beta)",
        result: loss, eq: "EQ 4.1", notes: { predictedLossNotes }))
  }

  var predictedLossNotes: [String] {
    let law = metrics.law
    var notes = [
      "Chinchilla refit E=\(law.e), A=\(law.a), B=\(law.b), α=\(law.alpha), β=\(law.beta)"
    ]
    if !design.isDense {
      notes.append(
        "MoE heuristic: N_eff = N·ratio^k = \(n)·\(Format.number(design.moeRatio))^"
          + "\(Format.number(design.moeK)) (k=0.5 geometric mean; k=0 MoE buys nothing; "
          + "k=1 as good as dense of the same total size)")
    }
    return notes
  }

  var compute: Figure {
    var trace = Equations.trainingCompute(params: metrics.activeParams, tokens: metrics.tokens)
    trace.notes = ["the budget is the input; N and D are chosen to spend it"]
    return figure(
      "compute", "Compute C", design.budget, "FLOPs",
      Format.flops(design.budget) + " (" + Format.flopsPower(design.budget) + ")", trace)
  }

  /// `2,890 × H100`; under one GPU `< 1 GPU` with the GPU-hours beside it (`1,234 GPU-hours`).
  var fleet: Figure {
    let m = metrics
    let small = m.fleet < 1
    let text = small ? "< 1 \(design.gpu.unitWord)" : Format.count(m.fleet) + " × \(gpu)"
    return figure(
      "fleet", "Fleet for 90-day run", m.fleet, "GPUs", text,
      detail: small ? Format.count(m.gpuHours) + " \(design.gpu.unitWord)-hours" : "",
      Trace(
        formula: "fleet = GPU-hours/(90·24)",
        substituted: "\(Format.number(m.gpuHours))/2160",
        result: text,
        notes: {
          var notes = [hoursLine, gpuHoursScaled + " \(gpu)-hours"]
          if small {
            notes.append(
              "under one \(design.gpu.unitWord) for 90 days: one \(gpu) runs it in "
                + Format.count(m.gpuHours) + " hours")
          }
          return notes
        }))
  }

  var trainingCost: Figure {
    let m = metrics
    let cost = Format.money(m.trainingCost)
    return figure(
      "training_cost", "Training compute cost", m.trainingCost, "USD", cost,
      detail: gpuHoursScaled + " \(design.gpu.unitWord)-hours",
      Trace(
        formula: "cost = GPU-hours·price",
        substituted: "\(Format.number(m.gpuHours))·\(Format.number(design.gpu.pricePerHour))",
        result: cost,
        notes: {
          [
            "$\(Format.number(design.gpu.pricePerHour))/h per \(gpu): " + GPU.priceNote,
            "GPU-hours beside it: " + gpuHoursScaled + " \(gpu)-hours (" + hoursLine + ")",
          ]
        }))
  }
}
