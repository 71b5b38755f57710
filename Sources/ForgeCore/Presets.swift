import Foundation

/// The seed's classic designs.
public enum Preset: Int, CaseIterable, Codable, Sendable {
  case seedDefault, chinchilla, llama3Economics, frontier2025, irresponsible

  /// Name on the command line: `default`, `chinchilla`, `llama3-8b`, `frontier`,
  /// `irresponsible`.
  public var name: String {
    switch self {
    case .seedDefault: "default"
    case .chinchilla: "chinchilla"
    case .llama3Economics: "llama3-8b"
    case .frontier2025: "frontier"
    case .irresponsible: "irresponsible"
    }
  }

  /// Title for a menu.
  public var title: String {
    switch self {
    case .seedDefault: "Seed default: 10^25, dense, 4×, 128K, FP8, H100"
    case .chinchilla: "Chinchilla: 10^22, dense, 1×"
    case .llama3Economics: "Llama-3-8B economics: 10^24.3, dense, 32×"
    case .frontier2025: "2025 frontier: 10^25.5, MoE 18:1, 128K, FP8, B200"
    case .irresponsible: "Irresponsible: 1M context on an RTX 4090"
    }
  }

  public var design: ForgeDesign {
    switch self {
    case .seedDefault: ForgeDesign()
    case .chinchilla: ForgeDesign(budget: 1e22, overtrain: 1)
    case .llama3Economics: ForgeDesign(budget: pow(10, 24.3), overtrain: 32)
    case .frontier2025: ForgeDesign(budget: pow(10, 25.5), moeRatio: 18, gpu: GPU.named("b200")!)
    case .irresponsible: ForgeDesign(context: 1 << 20, gpu: GPU.named("rtx4090")!)
    }
  }

  /// The gallery model the preset is named after or set beside (`r` on the Forge opens it in
  /// the comparison): the real Chinchilla, the real Llama-3-8B, DeepSeek-V3 for the frontier.
  public var realModelID: String? {
    switch self {
    case .chinchilla: "chinchilla"
    case .llama3Economics: "llama3-8b"
    case .frontier2025: "deepseek-v3"
    case .seedDefault, .irresponsible: nil
    }
  }

  public var realModel: GalleryModel? {
    realModelID.flatMap { id in Gallery.models.first { $0.id == id } }
  }

  /// Where the preset differs from the model it is named after, in one line: the real
  /// model's active size, tokens and compute beside the preset's own.
  public var realNote: String? {
    guard let real = realModel, let tokens = real.tokens, let c = real.compute else { return nil }
    let m = Metrics(design)
    let theirs =
      "\(Format.params(real.activeParams)) active on \(Format.tokens(tokens)) tokens at "
      + Format.flops(real.publishedCompute ?? c)
    let mine =
      "this preset: \(Format.params(m.activeParams)) on \(Format.tokens(m.tokens)) at "
      + Format.flops(design.budget)
    switch self {
    case .frontier2025: return "Beside it, DeepSeek-V3: \(theirs); \(mine)."
    default: return "The real \(real.name): \(theirs); \(mine)."
    }
  }

  /// `realNote` in a few words: `not the real 70.0 B/1.4 T`.
  public var realShort: String? {
    guard let real = realModel, let tokens = real.tokens else { return nil }
    let theirs = Format.params(real.activeParams) + "/" + Format.tokens(tokens)
    switch self {
    case .frontier2025: return "DeepSeek-V3: \(theirs)"
    default: return "not the real \(theirs)"
    }
  }

  public static func named(_ text: String) -> Preset? {
    let key = GPU.normalized(text)
    return allCases.first { GPU.normalized($0.name) == key }
  }
}
