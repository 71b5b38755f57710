import JourneyCore
import TerminalUI

/// The Token Journey screen: press STEP and watch one token travel through the model, stage
/// by stage, then join the context. Update lives in JourneyUpdate*.swift, drawing in
/// JourneyView*.swift, the rects both use in JourneyLayout.swift.
public struct JourneyState: Screen {
  /// The engine, or nil when the chosen model could not be loaded (`message` says why).
  var engine: JourneyEngine?
  /// The model names `m` cycles through, in catalog order.
  let modelNames: [String]
  /// The stage animation in progress (STEP or AUTO), nil when idle.
  var animation: Animation?
  /// STEP presses waiting behind the STEP that is animating.
  var queuedSteps = 0
  /// Index into `Self.paces`: how long each stage stays lit while animating.
  var paceIndex = Self.defaultPace
  /// One line of news or a refusal, under the controls.
  var message: Message?
  /// The prompt being typed after `e`, nil when not editing.
  var draft: String?
  /// Which attention the glow shows: a layer (nil: the average over layers) and a head
  /// (nil: the average over heads).
  var layer: Int?
  var head: Int?
  /// Lines the context is scrolled back from its end (0 follows the newest token).
  var scrollBack = 0
  /// The last token drawn, with the bars and pass it came from: shown at append, and dimmed
  /// while the next step has not reached logits. Dropped with a new model, prompt or seed.
  var lastDraw: Draw?
  /// The settings changed after tokens were drawn, so no single CLI line replays this run.
  var settingsChangedMidRun = false
  /// Seconds the forward pass of the latest step took (measured inside the model wrapper).
  var stepSeconds: Double?
  /// The last stage was lit by hand (`n`): the explainer follows the lit stage. STEP and AUTO
  /// light stages faster than anyone reads, so after them it explains the whole loop.
  var litByHand = false

  /// Stage paces in seconds, `-` and `+` move between them.
  static let paces: [Double] = [0.03, 0.06, 0.09, 0.12, 0.2, 0.35, 0.6]
  static let defaultPace = 2
  /// AUTO stops after this many tokens even without a period (the seed's toy has none).
  static let autoLimit = 40
  public static let defaultPrompt = "the"

  /// The screen as the app opens it: the catalog's default model on the default prompt.
  public init() {
    self.init(model: ModelCatalog.defaultName)
  }

  /// A screen on a named model, prompt, settings and seed (what `fullstack journey` takes).
  public init(
    model: String, prompt: String = JourneyState.defaultPrompt,
    settings: SamplerSettings = SamplerSettings(), seed: UInt64 = 0
  ) {
    modelNames = ModelCatalog().names
    switch Self.load(model, prompt: prompt, settings: settings, seed: seed) {
    case .success(let engine): self.engine = engine
    case .failure(let problem): message = .problem(problem.text)
    }
    layer = engine.map { $0.model.layerCount > 0 ? $0.model.layerCount - 1 : 0 }
  }

  /// Seconds each stage stays lit.
  var pace: Double { Self.paces[paceIndex] }

  public var capturesText: Bool { draft != nil }

  public var nextDeadline: Double? { animation.map { $0.deadline ?? 0 } }
}

/// A STEP or AUTO run, lighting one stage per `pace` seconds.
struct Animation: Equatable, Sendable {
  enum Mode: Equatable, Sendable {
    /// One token, stopping when it joins the context.
    case step
    /// Token after token until a period, `JourneyState.autoLimit` tokens, or any key.
    case auto(added: Int)
  }
  var mode: Mode
  /// When the next stage lights; nil: at the very next tick (right after the key).
  var deadline: Double?
}

/// A line under the controls: news, or why something was refused.
struct Message: Equatable, Sendable {
  var text: String
  var isProblem: Bool

  static func info(_ text: String) -> Message { Message(text: text, isProblem: false) }
  static func problem(_ text: String) -> Message { Message(text: text, isProblem: true) }
}

/// Why a model or prompt was refused, in one line.
struct Refusal: Error, Equatable {
  var text: String
}

extension JourneyState {
  /// Loads a named model and tokenises the prompt against its vocabulary.
  static func load(
    _ name: String, prompt: String, settings: SamplerSettings, seed: UInt64
  ) -> Result<JourneyEngine, Refusal> {
    loadModel(name).flatMap { model in
      promptIDs(prompt, model: model).map {
        JourneyEngine(model: model, prompt: $0, settings: settings, seed: seed)
      }
    }
  }

  /// A model from the catalog, or a refusal naming it and what is wrong.
  static func loadModel(_ name: String) -> Result<any LanguageModel, Refusal> {
    do {
      return .success(try ModelCatalog().load(name))
    } catch {
      return .failure(Refusal(text: "model \(name): \(error)"))
    }
  }

  /// The prompt's token ids, or a refusal naming the words the model does not know.
  static func promptIDs(_ text: String, model: any LanguageModel) -> Result<[Int], Refusal> {
    let words = Tokenizer.tokens(text)
    guard !words.isEmpty else { return .failure(Refusal(text: "the prompt has no words")) }
    let unknown = words.filter { model.vocabulary.id(of: $0) == nil }
    guard unknown.isEmpty else {
      let list = unknown.map { "'\($0)'" }.joined(separator: ", ")
      let s = unknown.count == 1 ? "" : "s"
      return .failure(Refusal(text: "\(model.name) has never seen the word\(s) \(list)"))
    }
    return .success(words.map { model.vocabulary.id(of: $0)! })
  }
}
