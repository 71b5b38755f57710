import TerminalUI

/// What the Token Journey's keys do.
public enum JourneyAction: Equatable, Sendable {
  case step, auto, nextStage, reset
  /// Temperature by this many tenths.
  case temperature(Int)
  /// Top-k / top-p this many choices on (negative: back).
  case topK(Int)
  case topP(Int)
  case switchModel, editPrompt, newSeed
  /// Attention layer / head this many choices on (negative: back).
  case layer(Int)
  case head(Int)
  /// Stage pace this many steps slower (negative: faster).
  case pace(Int)
  /// Scroll the context by lines (positive: back in time), or by pages.
  case scrollLines(Int)
  case scrollPages(Int)
  /// Any key while AUTO runs.
  case stopAuto
  // The prompt editor.
  case field(TextField.Edit)
  case usePrompt, cancelEdit
}

extension JourneyState {
  /// The keys that work now: the prompt editor's while it is open; while AUTO runs, any key
  /// stops it; otherwise the stepping, sampler, model and view keys.
  public var keymap: Keymap<JourneyAction> {
    if draft != nil {
      return Keymap(
        [
          KeyBinding("Enter", "use prompt", keys: [.enter], .usePrompt),
          KeyBinding("Esc", "cancel", keys: [.escape], .cancelEdit),
        ] + KeyBinding.textField(hinted: ["Backspace", "Ctrl-U", "Ctrl-W"]) { .field($0) },
        text: { .field(.type($0)) })
    }
    let auto: Keymap<JourneyAction>.AnyKey? =
      if case .auto = animation?.mode { .init("any key", "stop AUTO", .stopAuto) } else { nil }
    return Keymap(Self.bindings, anyKey: auto)
  }

  /// The table outside the editor, in the order the hint bar and help list it.
  static let bindings: [KeyBinding<JourneyAction>] = [
    KeyBinding("Space/s", "STEP", priority: 7, keys: [.char(" "), .char("s")], .step),
    KeyBinding("a", "AUTO", priority: 6, keys: [.char("a")], .auto),
    KeyBinding("n", "stage", priority: 5, keys: [.char("n")], .nextStage),
    KeyBinding(
      "[ ]", "temp", priority: 4, [(.char("["), .temperature(-1)), (.char("]"), .temperature(1))]),
    KeyBinding("k", "top-k", priority: 2, keys: [.char("k")], .topK(1)),
    KeyBinding("p", "top-p", priority: 2, keys: [.char("p")], .topP(1)),
    KeyBinding("m", "model", priority: 3, keys: [.char("m")], .switchModel),
    KeyBinding("e", "prompt", priority: 1, keys: [.char("e")], .editPrompt),
    KeyBinding("S", "seed", priority: 1, keys: [.char("S")], .newSeed),
    KeyBinding("r", "reset", priority: 1, keys: [.char("r")], .reset),
    KeyBinding(
      "Left/Right", "temperature down / up", label: .helpOnly,
      [(.left, .temperature(-1)), (.right, .temperature(1))]),
    KeyBinding(
      "- +", "slower / faster stages (= as +)", label: .helpOnly,
      [(.char("-"), .pace(1)), (.char("+"), .pace(-1)), (.char("="), .pace(-1))]),
    KeyBinding(
      "K P", "top-k / top-p back a choice", label: .helpOnly,
      [(.char("K"), .topK(-1)), (.char("P"), .topP(-1))]),
    KeyBinding(
      "l L", "attention layer (or average), next / back", label: .helpOnly,
      [(.char("l"), .layer(1)), (.char("L"), .layer(-1))]),
    KeyBinding(
      "h H", "attention head (or average), next / back", label: .helpOnly,
      [(.char("h"), .head(1)), (.char("H"), .head(-1))]),
    KeyBinding(
      "Up/Down PgUp/PgDn", "scroll the context", label: .helpOnly,
      [
        (.up, .scrollLines(1)), (.down, .scrollLines(-1)), (.pageUp, .scrollPages(1)),
        (.pageDown, .scrollPages(-1)),
      ]),
    .note("click", "STEP and AUTO buttons, temperature slider"),
  ]
}
