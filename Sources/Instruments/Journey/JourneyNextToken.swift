import Foundation
import JourneyCore

/// One bar of the next-token panel: a token, its probability under the settings, and the
/// filter that cut it (nil when it survived). Cut tokens stay in the bars, greyed and struck,
/// so a filter's effect is seen rather than inferred from a shorter list.
struct NextTokenRow: Equatable, Sendable {
  var id: Int
  /// The probability the token is drawn with (0 when cut).
  var probability: Double
  /// Its probability at this temperature before top-k and top-p (the struck bar's length).
  var unfiltered: Double
  /// "top-k" or "top-p" when that filter removed the token.
  var cutBy: String?
}

/// The bars for a set of logits: the `count` likeliest tokens at this temperature before any
/// filter, with the filtered probabilities, and the mass of everything not shown.
struct NextTokenBars: Equatable, Sendable {
  var rows: [NextTokenRow]
  var remainder: Double
  /// The settings the bars were made under (the caption names their filters).
  var settings: SamplerSettings
  /// Whether any shown token was cut (the caption names the filter).
  var anyCut: Bool { rows.contains { $0.cutBy != nil } }

  /// nil at a dead end (every logit is minus infinity).
  init?(logits: [Double], settings: SamplerSettings, count: Int) {
    guard let filtered = Sampler.distribution(logits: logits, settings: settings) else {
      return nil
    }
    let temperatureOnly = SamplerSettings(temperature: settings.temperature)
    guard let plain = Sampler.distribution(logits: logits, settings: temperatureOnly) else {
      return nil
    }
    let kOnly =
      settings.topK.map {
        Sampler.distribution(
          logits: logits, settings: SamplerSettings(temperature: settings.temperature, topK: $0))
      } ?? nil
    self.settings = settings
    let shown = Self.top(count, of: plain.probabilities)
    rows = shown.map { id in
      let p = filtered.probabilities[id]
      var cut: String?
      if p == 0 { cut = (kOnly.map { $0.probabilities[id] == 0 } ?? false) ? "top-k" : "top-p" }
      return NextTokenRow(
        id: id, probability: p, unfiltered: plain.probabilities[id], cutBy: cut)
    }
    remainder = max(0, 1 - rows.reduce(0) { $0 + $1.probability })
  }

  /// Ids of the `n` largest positive values, largest first (ties by id), in one pass.
  static func top(_ n: Int, of values: [Double]) -> [Int] {
    guard n > 0 else { return [] }
    var best: [Int] = []
    func before(_ a: Int, _ b: Int) -> Bool {
      values[a] != values[b] ? values[a] > values[b] : a < b
    }
    for i in values.indices where values[i] > 0 {
      if best.count == n, let last = best.last, !before(i, last) { continue }
      let at = best.firstIndex { before(i, $0) } ?? best.count
      best.insert(i, at: at)
      if best.count > n { best.removeLast() }
    }
    return best
  }
}

/// A drawn token, the bars it was drawn from, and the finished step's pass (what the screen
/// shows at `append` and, dimmed, while the next step has not reached `logits` yet).
struct Draw: Equatable, Sendable {
  var bars: NextTokenBars
  var drawn: SampledToken
  var entropy: Double
  /// The finished step's pass, as the screen shows it.
  var pass: StepPass

  /// The draw the machine just made in its sample stage (nil before one).
  init?(machine: StepMachine, count: Int) {
    guard let drawn = machine.pending, let pass = StepPass(machine),
      let logits = machine.pass?.logits,
      let bars = NextTokenBars(logits: logits, settings: machine.settings, count: count)
    else { return nil }
    self.bars = bars
    self.drawn = drawn
    entropy = machine.distribution?.entropy ?? 0
    self.pass = pass
  }
}

/// What the screen shows of a step's forward pass: attention from the position being
/// predicted (`[layer][head][position]` over the window), the window it covers, and each
/// layer's residual norm and logit-lens guess.
struct StepPass: Equatable, Sendable {
  var attention: [[[Double]]]
  /// Absolute context position of the window's first token, and the window's tokens.
  var windowStart: Int
  var window: [Int]
  var residualNorms: [Double]
  var logitLens: [Int]

  /// The machine's current pass over its window (nil before the first).
  init?(_ machine: StepMachine) {
    guard let pass = machine.pass else { return nil }
    attention = pass.attention
    let w = machine.window
    windowStart = w.start
    window = Array(w.tokens)
    residualNorms = pass.residualNorms
    logitLens = pass.logitLens
  }
}
