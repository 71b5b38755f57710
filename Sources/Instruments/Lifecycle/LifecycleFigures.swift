import ForgeCore
import TerminalUI

extension AppState {
  /// The design the Forge screen currently shows; the Lifecycle's live figures follow it.
  var forgeDesign: ForgeDesign { forge.design }
}

/// The live figures a lifecycle box shows, read from the Forge design's dossier.
enum LifecycleFigures {
  /// The dossier figures behind a box (their traces go in the explanation).
  static func figureIDs(for stage: LifecycleStage) -> [String] {
    switch stage {
    case .data: return ["training_tokens", "tokens_per_param"]
    case .pretraining: return ["compute", "fleet", "training_cost"]
    case .base: return ["total_params", "predicted_loss"]
    case .compress: return ["weights"]
    case .serve: return ["decode_ceiling", "kv_per_user", "users_per_node"]
    default: return []
    }
  }

  /// Short lines for the box itself, in plain words, each at most `width` wide where the
  /// words allow; empty for boxes the Forge does not model. Serving's users read as the
  /// Forge dossier reads them (`1 · 8 on 8 GPUs`), the second figure on a line of its own
  /// when the two do not fit on one.
  static func lines(for stage: LifecycleStage, dossier: Dossier, width: Int, glyphs: GlyphSet)
    -> [String]
  {
    func text(_ id: String) -> String { glyphs.text(dossier[id]?.text ?? "?") }
    /// The first of `candidates` that fits the width (the last one otherwise).
    func fitting(_ candidates: String...) -> String {
      candidates.first { $0.displayWidth <= width } ?? candidates.last ?? ""
    }
    let design = dossier.design
    switch stage {
    case .data:
      return [
        fitting(text("training_tokens") + " tokens", text("training_tokens") + " tok"),
        fitting(
          text("tokens_per_param") + " tokens/param", text("tokens_per_param") + " tok/param"),
      ]
    case .pretraining:
      return [Format.flops(design.budget) + " FLOPs", text("fleet"), text("training_cost")]
    case .base:
      return [
        fitting(text("total_params") + " params", text("total_params")),
        "loss " + text("predicted_loss"),
      ]
    case .compress: return [text("weights") + " " + design.precision.label]
    case .serve:
      let ceiling = fitting(text("decode_ceiling") + " per user", text("decode_ceiling"))
      guard let users = dossier["users_per_node"] else { return [ceiling] }
      let value = glyphs.text(users.text)
      let detail = glyphs.text(users.detail)
      let separator = glyphs.isUnicode ? " · " : ", "
      if detail.isEmpty { return [ceiling, "users " + value] }
      let whole = "users " + value + separator + detail
      if whole.displayWidth <= width { return [ceiling, whole] }
      return [ceiling, "users " + value, detail]
    default: return []
    }
  }

  /// The design in a few words: `10^25.0 FLOPs · dense · 4× past Chinchilla · 128K · FP8 ·
  /// H100`, in the Forge's own words for each decision.
  static func designLine(_ design: ForgeDesign, glyphs: GlyphSet) -> String {
    let parts = [
      design.words(for: .compute), design.words(for: .architecture),
      design.words(for: .overtrain), design.words(for: .context),
      design.words(for: .precision), design.gpu.name,
    ]
    return glyphs.text(parts.joined(separator: " \(glyphs.middleDot) "))
  }
}
