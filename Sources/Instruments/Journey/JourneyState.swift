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
  var draft: TextField?
  /// Which attention the glow shows: a layer (nil: the average over layers) and a head
  /// (nil: the average over heads).
  var layer: Int?
  var head: Int?
  /// The stage at which `l` picked the layer while a layer's stage was lit: at that stage the
  /// glow shows the pick instead of the lit layer; the next stage lights its own layer again.
  var layerPin: StagePin?
  /// Lines the context is scrolled back from its end (0 follows the newest token).
  var scrollBack = 0
  /// The last token drawn, with the bars and pass it came from: shown at append, and dimmed
  /// while the next step has not reached logits. Dropped with a new model, prompt or seed.
  var lastDraw: Draw?
  /// The settings changed after tokens were drawn, so no single CLI line replays this run.
  var settingsChangedMidRun = false
  /// Seconds the forward pass of the latest step took: the model's `forward` alone, by the
  /// clock the runner gave the effect that ran it.
  var stepSeconds: Double?
  /// Engine work asked of the runner and not back yet (`update` never runs the model). Until
  /// it lands, the screen takes no keys, clicks or ticks: they would act on the engine the
  /// work replaces. The runner performs every effect before the next event, so none waits.
  var awaiting: JourneyRequest?
  /// The last stage was lit by hand (`n`): the explainer follows the lit stage. STEP and AUTO
  /// light stages faster than anyone reads, so after them it explains the whole loop.
  var litByHand = false
  /// The explainer's line counts for the widths the next frame asks at (kept by `update`).
  var explainerRows = JourneyExplainerRows()

  /// Stage paces in seconds, `-` and `+` move between them.
  static let paces: [Double] = [0.03, 0.06, 0.09, 0.12, 0.2, 0.35, 0.6]
  static let defaultPace = 2
  /// AUTO stops after this many tokens even without a period (the seed's toy has none).
  static let autoLimit = 40
  public static let defaultPrompt = "the"

  /// The model asked for and not yet loaded (the runner performs `startEffects`, or the
  /// effect `m` returned), with what to do when it arrives.
  var request: ModelRequest?

  /// The screen as the app opens it: asking for the catalog's default model on the default
  /// prompt. Nothing is read until the runner performs `startEffects`.
  public init() {
    self.init(requesting: ModelCatalog.defaultName)
  }

  /// A screen asking for a named model, prompt, settings and seed (what `fullstack journey`
  /// takes); the model arrives through `startEffects`.
  public init(
    requesting model: String, prompt: String = JourneyState.defaultPrompt,
    settings: SamplerSettings = SamplerSettings(), seed: UInt64 = 0
  ) {
    modelNames = ModelCatalog().names
    request = ModelRequest(name: model, prompt: prompt, settings: settings, seed: seed)
    message = .info("loading \(model)…")
  }

  /// A screen on a model already loaded.
  init(
    model: any LanguageModel, prompt: String = JourneyState.defaultPrompt,
    settings: SamplerSettings = SamplerSettings(), seed: UInt64 = 0
  ) {
    modelNames = ModelCatalog().names
    open(model, prompt: prompt, settings: settings, seed: seed)
  }

  /// What the screen needs before it can show anything: the model it asks for.
  var startEffects: [Effect] { request.map { [.loadModel($0.name)] } ?? [] }

  /// Starts on a loaded model, or says why the prompt was refused.
  private mutating func open(
    _ model: any LanguageModel, prompt: String, settings: SamplerSettings, seed: UInt64
  ) {
    message = nil
    switch Self.promptIDs(prompt, model: model) {
    case .success(let ids):
      engine = JourneyEngine(model: model, prompt: ids, settings: settings, seed: seed)
    case .failure(let problem): message = .problem(problem.text)
    }
    layer = engine.map { $0.model.layerCount > 0 ? $0.model.layerCount - 1 : 0 }
    layerPin = nil
  }

  /// A model the runner loaded: the first one opens the screen, a later one (`m`) replaces
  /// the engine's. A model nobody asked for (any more) is dropped.
  mutating func receive(model name: String, _ result: Result<any LanguageModel, Refusal>) {
    guard let asked = request, asked.name == name else { return }
    request = nil
    switch result {
    case .failure(let why): message = .problem(why.text)
    case .success(let model):
      if asked.switching {
        switchModel(to: model)
      } else {
        open(model, prompt: asked.prompt, settings: asked.settings, seed: asked.seed)
      }
    }
  }

  /// Seconds each stage stays lit.
  var pace: Double { Self.paces[paceIndex] }

  public var capturesText: Bool { draft != nil }

  public var nextDeadline: Double? { animation.map { $0.deadline ?? 0 } }
}

/// One lit stage of one step: the context's length and the stage's index.
struct StagePin: Equatable, Sendable {
  var position: Int
  var stage: Int

  /// The stage lit now, nil when none is.
  init?(_ machine: StepMachine) {
    guard let stage = machine.stageIndex else { return nil }
    (position, self.stage) = (machine.history.totalCount, stage)
  }
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

/// Work on the engine asked of the runner, and the line to show once it lands.
struct JourneyRequest: Equatable {
  var engine: JourneyEngine
  var job: JourneyJob
  var note: Message?
}

/// A line under the controls: news, or why something was refused.
struct Message: Equatable, Sendable {
  var text: String
  var isProblem: Bool

  static func info(_ text: String) -> Message { Message(text: text, isProblem: false) }
  static func problem(_ text: String) -> Message { Message(text: text, isProblem: true) }
}

/// A model asked of the runner, and what to open it on.
struct ModelRequest: Equatable, Sendable {
  var name: String
  var prompt: String = JourneyState.defaultPrompt
  var settings = SamplerSettings()
  var seed: UInt64 = 0
  /// `m`: the model replaces the running one on the same prompt, settings and seed.
  var switching = false
}

/// Why a model or prompt was refused, in one line.
struct Refusal: Error, Equatable {
  var text: String
}

extension JourneyState {
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
    // A subword tokenizer encodes any text (bytes it has no piece for fall back to bytes).
    if let tokenizer = model.subwordTokenizer {
      return .success(tokenizer.encode(text))
    }
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
