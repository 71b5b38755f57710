import JourneyCore

/// The glow: attention from the current position, for the chosen layer and head (or their
/// averages), mapped onto absolute context positions and bucketed into three levels.
struct AttentionGlow: Equatable {
  /// Weight per absolute position, for the positions the model read.
  var weights: [Int: Double]
  /// What the glow shows, e.g. "layer 2 · head 1" or "average of 2 layers × 2 heads".
  var caption: String

  /// The lower bound of each glow level (index into `Theme.glow`).
  static let levels: [Double] = [0.05, 0.2, 0.5]

  /// The glow level of a weight, or nil when it is too faint to show.
  static func level(of weight: Double) -> Int? {
    levels.lastIndex { weight >= $0 }
  }

  func level(at position: Int) -> Int? { weights[position].flatMap(Self.level(of:)) }

  init?(machine: StepMachine, layer: Int?, head: Int?) {
    guard let attention = machine.pass?.attention, !attention.isEmpty else { return nil }
    let layers = layer.map { attention.indices.contains($0) ? [attention[$0]] : [] } ?? attention
    let rows = layers.flatMap { heads in
      head.map { heads.indices.contains($0) ? [heads[$0]] : [] } ?? heads
    }
    guard let width = rows.first?.count, rows.allSatisfy({ $0.count == width }) else {
      return nil
    }
    let start = machine.window.start
    var weights: [Int: Double] = [:]
    for i in 0..<width {
      weights[start + i] = rows.reduce(0) { $0 + $1[i] } / Double(rows.count)
    }
    let model = machine.model
    // A real model parks much of its attention on the first token (the attention sink); the
    // glow scales the rest by what is left, so the other tokens stay visible.
    var sink: Double?
    if model.subwordTokenizer != nil, start == 0, width > 1, let first = weights[0], first < 1 {
      sink = first
      for i in 1..<width { weights[i] = (weights[i] ?? 0) / (1 - first) }
    }
    self.weights = weights
    if let sink {
      let l = layer.map { "layer \($0 + 1)" } ?? "layers averaged"
      let h = head.map { "head \($0 + 1)" } ?? "heads averaged"
      caption = "\(l), \(h) · sink \(Int((sink * 100).rounded()))% aside"
    } else if model.layerCount == 0 {
      caption = "bigram: it reads only the previous token"
    } else {
      let l = layer.map { "layer \($0 + 1)" } ?? "layers averaged"
      let h = head.map { "head \($0 + 1)" } ?? "heads averaged"
      caption = "\(l), \(h) (l/h to pick)"
    }
  }
}
