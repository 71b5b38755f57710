import ForgeCore
import Foundation

/// The advanced settings behind `a`: training MFU, the MoE efficiency exponent k and the KV
/// cache's attention (GQA or an MLA latent), each slid along stops like a decision, with the
/// seed's default always shown beside it.
public enum AdvancedSetting: CaseIterable, Sendable {
  case mfu, moeK, attention

  /// Plain words; the glossary (`G`) gives the usual names (MFU, MoE k) beside them.
  public var label: String {
    switch self {
    case .mfu: "Utilisation"
    case .moeK: "Expert worth"
    case .attention: "KV cache"
    }
  }

  /// What the setting means, in one line.
  public var meaning: String {
    switch self {
    case .mfu: "share of peak FLOP/s a training run sustains (MFU)"
    case .moeK: "what MoE's extra experts are worth (k: 0 none, 1 in full)"
    case .attention: "GQA-8, or MLA: one 512+64 latent/layer (DeepSeek-V3)"
    }
  }

  /// MFU 5% … 100% in steps of 5; k 0 … 1 in steps of 0.1 (the CLI's accepted ranges).
  public var stops: [Double] {
    switch self {
    case .mfu: (1...20).map { Double($0) / 20 }
    case .moeK: (0...10).map { Double($0) / 10 }
    case .attention: KVAttention.allCases.indices.map(Double.init)
    }
  }

  public func value(in design: ForgeDesign) -> Double {
    switch self {
    case .mfu: design.mfu
    case .moeK: design.moeK
    case .attention: Double(KVAttention.allCases.firstIndex(of: design.attention) ?? 0)
    }
  }

  /// The seed's value.
  public var defaultValue: Double { value(in: .seedDefault) }

  /// The stop nearest to the design's value.
  public func stopIndex(in design: ForgeDesign) -> Int {
    let v = value(in: design)
    return stops.indices.min { abs(stops[$0] - v) < abs(stops[$1] - v) } ?? 0
  }

  /// A copy of `design` with this setting on `stop` (clamped to the ends).
  public func setting(_ design: ForgeDesign, toStop stop: Int) -> ForgeDesign {
    let v = stops[min(max(stop, 0), stops.count - 1)]
    var d = design
    switch self {
    case .mfu: d.mfu = v
    case .moeK: d.moeK = v
    case .attention: d.attention = KVAttention.allCases[Int(v)]
    }
    return d
  }

  /// True when the info box lists the setting: MFU and k always, the KV choice once changed.
  public func shown(in design: ForgeDesign) -> Bool {
    self != .attention || value(in: design) != defaultValue
  }

  /// `45%`, `0.5` or `MLA`.
  public func words(_ v: Double) -> String {
    switch self {
    case .mfu: Format.fixed(v * 100, 0) + "%"
    case .moeK: Format.fixed(v, 1)
    case .attention: KVAttention.allCases[min(max(Int(v), 0), KVAttention.allCases.count - 1)].label
    }
  }

  /// `Utilisation 45%` with `(default 45%)` when it differs from the seed; the KV choice only when it is
  /// not the seed's GQA (see `shown(in:)`).
  public func summary(in design: ForgeDesign) -> String {
    let v = value(in: design)
    let now = label + " " + words(v)
    return v == defaultValue ? now : now + " (default " + words(defaultValue) + ")"
  }
}
