import JourneyCore
import TerminalUI

/// The sampler settings, the model switcher, the prompt editor, the seed and scrolling.
extension JourneyState {
  /// Top-k values `k` steps through (nil: off).
  static let topKChoices: [Int?] = [nil, 1, 2, 3, 5, 8, 20]
  /// Top-p values `p` steps through (nil: off).
  static let topPChoices: [Double?] = [nil, 0.5, 0.75, 0.9, 0.95]

  /// The temperature in tenths (1...25), the unit the keys and the slider move in.
  var temperatureTenths: Int {
    Int(((engine?.settings.temperature ?? 1) * 10).rounded())
  }

  static var temperatureTenthsRange: ClosedRange<Int> {
    let r = SamplerSettings.temperatureRange
    return Int((r.lowerBound * 10).rounded())...Int((r.upperBound * 10).rounded())
  }

  /// The temperature slider (its stops are the tenths from 0.1 to 2.5).
  var temperatureSlider: Slider {
    let range = Self.temperatureTenthsRange
    return Slider(
      "temperature", stops: range.count, value: temperatureTenths - range.lowerBound,
      valueText: Self.format(temperature: temperatureTenths))
  }

  static func format(temperature tenths: Int) -> String { "\(tenths / 10).\(tenths % 10)" }

  mutating func nudgeTemperature(by steps: Int) -> [Effect] {
    let target = temperatureTenths + steps
    guard Self.temperatureTenthsRange.contains(target) else {
      let bound = steps < 0 ? "lowest" : "highest"
      message = .info("temperature is at its \(bound) setting, \(temperatureText)")
      return []
    }
    return setTemperature(tenths: target)
  }

  mutating func setTemperature(tenths: Int) -> [Effect] {
    guard Self.temperatureTenthsRange.contains(tenths) else { return [] }
    return changeSettings { $0.temperature = Double(tenths) / 10 }
  }

  var temperatureText: String { Self.format(temperature: temperatureTenths) }

  /// `k` / `K`: the next / previous top-k choice.
  mutating func cycleTopK(by step: Int = 1) -> [Effect] {
    changeSettings { $0.topK = Self.next(after: $0.topK, in: Self.topKChoices, by: step) }
  }

  /// `p` / `P`: the next / previous top-p choice.
  mutating func cycleTopP(by step: Int = 1) -> [Effect] {
    changeSettings { $0.topP = Self.next(after: $0.topP, in: Self.topPChoices, by: step) }
  }

  /// The choice `step` places after `value` (before, when negative), wrapping round.
  private static func next<T: Equatable>(after value: T?, in choices: [T?], by step: Int = 1)
    -> T?
  {
    let i = choices.firstIndex(of: value) ?? 0
    let n = choices.count
    return choices[((i + step) % n + n) % n]
  }

  /// New settings re-derive the distribution from the same logits (no draw, no forward pass,
  /// but a pass over the whole vocabulary: asked of the runner).
  private mutating func changeSettings(_ change: (inout SamplerSettings) -> Void) -> [Effect] {
    guard let engine else { return [] }
    var settings = engine.settings
    change(&settings)
    guard settings != engine.settings else { return [] }
    let drawn = engine.machine.history.generatedCount > 0 || engine.machine.pending != nil
    if drawn { settingsChangedMidRun = true }
    return ask(.settings(settings))
  }

  /// `m`: asks for the next model in the catalog (the runner loads it).
  mutating func requestNextModel() -> [Effect] {
    guard !modelNames.isEmpty else { return [] }
    let current = engine.flatMap { modelNames.firstIndex(of: $0.model.name) }
    let name = modelNames[current.map { ($0 + 1) % modelNames.count } ?? 0]
    request = ModelRequest(name: name, switching: true)
    message = .info("loading \(name)…")
    return [.loadModel(name)]
  }

  /// The model `m` asked for has arrived: the same prompt when it knows every word.
  mutating func switchModel(to model: any LanguageModel) {
    var note = ""
    var ids: [Int]
    switch Self.promptIDs(promptText, model: model) {
    case .success(let known): ids = known
    case .failure(let why):
      // Fall back to the default prompt (every bundled model knows it), else its first word.
      ids = (try? Self.promptIDs(Self.defaultPrompt, model: model).get()) ?? [0]
      note = " (\(why.text); prompt reset)"
    }
    replace(
      with: JourneyEngine(
        model: model, prompt: ids, settings: engine?.settings ?? SamplerSettings(),
        seed: engine?.machine.seed ?? 0))
    message = .info("model: \(model.name)\(note)")
  }

  /// The prompt as text (the tokens joined the way the CLI prints them).
  var promptText: String {
    guard let machine = engine?.machine else { return Self.defaultPrompt }
    if let tokenizer = machine.model.subwordTokenizer {
      return String(decoding: tokenizer.text(machine.prompt.dropFirst()), as: UTF8.self)
    }
    return Tokenizer.text(machine.prompt.map(machine.model.vocabulary.token))
  }

  mutating func startEditing() {
    animation = nil
    draft = TextField(promptText, selected: true)
  }

  /// The prompt editor's actions: edits of the field (it opens with the old prompt selected,
  /// so typing replaces it), Enter to use it, Esc to cancel.
  mutating func edit(_ action: JourneyAction) -> ScreenResult {
    guard var field = draft else { return .ignored }
    if message?.isProblem == true { message = nil }
    switch action {
    case .field(let edit): field.apply(edit)
    case .cancelEdit:
      draft = nil
      message = .info("prompt unchanged")
      return .handled
    case .usePrompt:
      return usePrompt(field.string)
    default: return .ignored
    }
    draft = field
    return .handled
  }

  private mutating func usePrompt(_ text: String) -> ScreenResult {
    guard let engine else { return .ignored }
    switch Self.promptIDs(text, model: engine.model) {
    case .success(let ids):
      draft = nil
      let note = Message.info("new prompt: \(ids.count) token\(ids.count == 1 ? "" : "s")")
      return Self.asking(restart(.restart(prompt: ids, seed: engine.machine.seed), note: note))
    case .failure(let why):
      message = .problem("refused: \(why.text)")
    }
    return .handled
  }

  /// `S`: the next seed, from the prompt again, so the run replays with the CLI.
  mutating func newSeed() -> [Effect] {
    guard let engine else { return [] }
    let seed = engine.machine.seed &+ 1
    let note = Message.info("seed \(seed): back to the prompt so the run can be replayed")
    return restart(.restart(prompt: engine.machine.prompt, seed: seed), note: note)
  }

  mutating func reset() -> [Effect] {
    guard let engine else { return [] }
    let note = Message.info("back to the prompt, seed \(engine.machine.seed)")
    return restart(.reset, note: note)
  }

  /// Asks the runner for the pass over the prompt a reset, a new seed or a new prompt needs;
  /// the run stops now, the engine is replaced when the pass lands (`receive`).
  private mutating func restart(_ job: JourneyJob, note: Message) -> [Effect] {
    animation = nil
    queuedSteps = 0
    message = .info("computing…")
    return ask(job, note: note)
  }

  /// Puts a new or restarted engine in place and forgets everything about the old run.
  mutating func replace(with next: JourneyEngine) {
    let layers = next.model.layerCount
    if engine.map({ $0.model !== next.model }) ?? true {
      layer = layers > 0 ? layers - 1 : 0
      head = nil
    }
    engine = next
    // Work asked of the old engine is moot (a model `m` asked for has replaced it).
    awaiting = nil
    animation = nil
    queuedSteps = 0
    lastDraw = nil
    settingsChangedMidRun = false
    stepSeconds = nil
    scrollBack = 0
  }

  /// `l`: the next layer, then the average over layers.
  mutating func cycleLayer(by step: Int = 1) {
    guard let model = engine?.model else { return }
    guard model.layerCount > 1 else {
      message = .info("\(model.name) has \(model.layerCount == 0 ? "no layers" : "one layer")")
      return
    }
    // While a layer's stage is lit the glow shows that layer; `l` then picks among the layers
    // the step has computed so far, for this stage only.
    if let reveal, let lit = reveal.litLayer, let machine = engine?.machine {
      guard reveal.attentionDone > 1 else {
        message = .info(
          "only layer \(lit + 1) has run at this stage: l picks among the layers run so far")
        return
      }
      let pinned = layerPin == StagePin(machine)
      layer = Self.next(
        after: pinned ? layer : lit, in: (0..<reveal.attentionDone).map(Optional.some) + [nil],
        by: step)
      layerPin = StagePin(machine)
      let shown = layer.map { "layer \($0 + 1)" } ?? "layers 1–\(reveal.attentionDone) averaged"
      message = .info("glow: \(shown) at this stage; the next stage lights its own layer")
      return
    }
    layer = Self.next(
      after: layer, in: (0..<model.layerCount).map(Optional.some) + [nil], by: step)
    if let reveal, reveal.attentionDone < reveal.layers {
      let shown = layer.map { "layer \($0 + 1)" } ?? "the average of every layer"
      message = .info("glow: \(shown) once the step has run every layer")
    }
  }

  /// `h`: the next head, then the average over heads.
  mutating func cycleHead(by step: Int = 1) {
    guard let model = engine?.model else { return }
    guard model.headCount > 1 else {
      message = .info("\(model.name) has a single attention head")
      return
    }
    head = Self.next(
      after: head, in: (0..<model.headCount).map(Optional.some) + [nil], by: step)
  }

  mutating func changePace(by steps: Int) {
    paceIndex = min(max(0, paceIndex + steps), Self.paces.count - 1)
    message = .info("each stage stays lit \(Int((pace * 1000).rounded())) ms")
  }

  /// Scrolls the context by whole lines (positive: back in time), within what there is.
  mutating func scroll(by lines: Int, area: Rect) {
    let text = layout(area).contextText
    let total = contextLineCount(width: text.width)
    let visible = text.height
    scrollBack = min(max(0, scrollBack + lines), max(0, total - visible))
  }
}
