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

  /// Short lines for the box itself; empty for boxes the Forge does not model.
  static func lines(for stage: LifecycleStage, dossier: Dossier, glyphs: GlyphSet) -> [String] {
    func text(_ id: String) -> String { glyphs.text(dossier[id]?.text ?? "?") }
    let design = dossier.design
    switch stage {
    case .data: return ["D " + text("training_tokens"), text("tokens_per_param") + " tok/param"]
    case .pretraining:
      return ["C " + Format.flops(design.budget), text("fleet"), text("training_cost")]
    case .base: return [text("total_params"), "loss " + text("predicted_loss")]
    case .compress: return [text("weights") + " " + design.precision.label]
    case .serve:
      let users = dossier["users_per_node"]?.value == 1 ? " user/node" : " users/node"
      return [text("decode_ceiling"), text("users_per_node") + users]
    default: return []
    }
  }

  /// The design in a few words: `10^25.0 FLOPs · dense · 4× over · 128K · FP8 · H100`.
  static func designLine(_ design: ForgeDesign, glyphs: GlyphSet) -> String {
    let over = Format.significant(design.overtrain, 3) + "\(glyphs.times) over"
    let parts = [
      design.words(for: .compute), design.words(for: .architecture), over,
      design.words(for: .context), design.words(for: .precision), design.gpu.name,
    ]
    return parts.joined(separator: " \(glyphs.middleDot) ")
  }
}
