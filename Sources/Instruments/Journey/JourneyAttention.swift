import JourneyCore

/// The glow: attention from the position being predicted, for one layer and head (or their
/// averages), mapped onto absolute context positions and bucketed into three levels. It
/// follows the step: nothing before the first attention stage, the lit layer during a
/// layer's stages, then the chosen layer.
struct AttentionGlow: Equatable {
  /// Weight per absolute position, for the positions the model read.
  var weights: [Int: Double]
  /// The layer shown (nil: averaged over layers) and head (nil: averaged over heads).
  var layer: Int?
  var head: Int?
  /// What the glow shows, e.g. "lit layer 2, head 1" or "all layers and heads averaged".
  var caption: String

  /// The lower bound of each glow level (index into `Theme.glow`).
  static let levels: [Double] = [0.05, 0.2, 0.5]

  /// The glow level of a weight, or nil when it is too faint to show.
  static func level(of weight: Double) -> Int? {
    levels.lastIndex { weight >= $0 }
  }

  func level(at position: Int) -> Int? { weights[position].flatMap(Self.level(of:)) }

  /// The glow for what the step has revealed, nil before any attention is computed.
  init?(
    reveal: Reveal, layer chosenLayer: Int?, head chosenHead: Int?, bigram: Bool,
    subword: Bool = false, pinned: Bool = false
  ) {
    let (layer, none) = reveal.glowLayer(chosen: chosenLayer, pinned: pinned)
    guard !none else { return nil }
    // Only the layers computed so far (an average never includes a layer not yet run).
    let attention = Array(reveal.attention.prefix(reveal.attentionDone))
    let head = chosenHead.flatMap { h in attention.allSatisfy { $0.indices.contains(h) } ? h : nil }
    guard let row = Self.row(attention, layer: layer, head: head) else { return nil }
    var weights = Dictionary(
      uniqueKeysWithValues: row.enumerated().map { (reveal.windowStart + $0, $1) })
    // A real model parks much of its attention on the first token (the attention sink); the
    // glow scales the rest by what is left, so the other tokens stay visible.
    var sink: Double?
    if subword, reveal.windowStart == 0, row.count > 1, let first = weights[0], first < 1 {
      sink = first
      for i in 1..<row.count { weights[i] = (weights[i] ?? 0) / (1 - first) }
    }
    self.weights = weights
    self.layer = layer
    self.head = head
    if bigram {
      caption = "bigram: it reads only the previous token"
    } else {
      let lit = reveal.litLayer != nil && layer == reveal.litLayer ? "lit " : ""
      let layers =
        reveal.attentionDone < reveal.layers ? "layers 1–\(reveal.attentionDone)" : "layers"
      caption =
        switch (layer, head) {
        case (let l?, let h?): "\(lit)layer \(l + 1), head \(h + 1)"
        case (let l?, nil): "\(lit)layer \(l + 1), heads averaged"
        case (nil, let h?): "head \(h + 1), \(layers) averaged"
        case (nil, nil):
          reveal.attentionDone < reveal.layers
            ? "\(layers) and heads averaged" : "all layers and heads averaged"
        }
      if pinned && reveal.litLayer != nil && layer != reveal.litLayer {
        caption += " (picked with l)"
      }
    }
    if let sink { caption += " · sink \(Int((sink * 100).rounded()))%" }
  }

  /// One layer's head (or the average of the chosen rows) over the window.
  static func row(_ attention: [[[Double]]], layer: Int?, head: Int?) -> [Double]? {
    let layers = layer.map { attention.indices.contains($0) ? [attention[$0]] : [] } ?? attention
    let rows = layers.flatMap { heads in
      head.map { heads.indices.contains($0) ? [heads[$0]] : [] } ?? heads
    }
    guard let width = rows.first?.count, rows.allSatisfy({ $0.count == width }) else {
      return nil
    }
    return (0..<width).map { i in rows.reduce(0) { $0 + $1[i] } / Double(rows.count) }
  }
}
