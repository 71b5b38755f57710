import JourneyCore

/// What the screen may show of the step on display: each result appears when the step
/// reaches the stage that computes it (the bars at `logits`, a layer's attention at its
/// `attn` stage, its output at its `MLP` stage), so "stop at logits and talk" is never
/// undercut by a result drawn early.
///
/// The machine computes the whole pass at once; this is the view's discipline over it. At
/// `append` the machine already holds the next context's pass, so the step on display is the
/// one just finished, kept in `Draw` from its sample stage.
@dynamicMemberLookup
struct Reveal: Equatable {
  /// The step's pass (its attention, window, residual norms and logit lens), read through
  /// `reveal.attention` and the like.
  var pass: StepPass
  subscript<T>(dynamicMember field: KeyPath<StepPass, T>) -> T { pass[keyPath: field] }

  /// Layers whose attention has been computed, and whose MLP output has.
  var attentionDone: Int
  var mlpDone: Int
  /// The layer of the lit attention or MLP stage (the glow shows it), nil elsewhere.
  var litLayer: Int?
  /// True once the step has reached `logits`: the bars may show its distribution.
  var logitsDone: Bool
  /// True at `append`: this is the finished step, whose token has joined the context.
  var finished: Bool

  /// Layers the model runs (the bigram's one trivial layer counts, as the strip shows it).
  var layers: Int { pass.attention.count }

  /// Layers of the lens and norms on show: those whose MLP has run.
  var shownLens: ArraySlice<Int> { pass.logitLens.prefix(mlpDone) }
  var shownNorms: ArraySlice<Double> { pass.residualNorms.prefix(mlpDone) }

  /// Nothing computed yet: before the first stage, or while the text and tokens are read.
  /// Returns the reveal for the lit stage otherwise.
  init?(machine: StepMachine, finished draw: Draw?) {
    guard let stage = machine.stage else { return nil }
    guard let pass = stage == .append ? draw?.pass : StepPass(machine) else { return nil }
    self.pass = pass
    finished = stage == .append
    let all = pass.attention.count
    litLayer = nil
    logitsDone = false
    switch stage {
    case .text, .tokens, .embed:
      (attentionDone, mlpDone) = (0, 0)
    case .attention(let l):
      (attentionDone, mlpDone, litLayer) = (min(l + 1, all), min(l, all), l)
    case .mlp(let l):
      (attentionDone, mlpDone, litLayer) = (min(l + 1, all), min(l + 1, all), l)
    case .unembed:
      (attentionDone, mlpDone) = (all, all)
    case .logits, .sample, .append:
      (attentionDone, mlpDone, logitsDone) = (all, all, true)
    }
  }

  /// The layer the glow shows: the lit stage's, else the chosen one (nil: the average of the
  /// layers computed), once every layer has run; nil with `none` true when no attention is
  /// computed yet.
  /// `pinned`: the layer was picked at this very stage, so a computed layer (or the average
  /// of those computed) shows instead of the lit one.
  func glowLayer(chosen: Int?, pinned: Bool = false) -> (layer: Int?, none: Bool) {
    if pinned, litLayer != nil, chosen.map({ $0 < attentionDone }) ?? true {
      return (chosen, false)
    }
    if let litLayer { return (litLayer, false) }
    if attentionDone < layers || layers == 0 { return (nil, true) }
    return (chosen.flatMap { $0 < layers ? $0 : nil }, false)
  }
}
