import JourneyCore
import TerminalUI

/// Events: keys, mouse clicks on the buttons and slider, and ticks that light the stages.
extension JourneyState {
  public mutating func update(_ event: Event, area: Rect, app: AppState) -> ScreenResult {
    let result = handle(event, area: area)
    refreshExplainerRows(area: area, context: app.renderContext)
    return result
  }

  private mutating func handle(_ event: Event, area: Rect) -> ScreenResult {
    // Work is out with the runner: what it returns replaces the engine, so nothing acts on
    // the engine until it lands (it lands before the next event in the app).
    if awaiting != nil {
      switch event {
      case .key, .mouse: return .handled
      case .tick, .resize, .terminate: return .ignored
      }
    }
    switch event {
    case .tick(let now):
      return tick(now: now)
    case .key(let key):
      guard let action = keymap.action(for: key) else { return .ignored }
      return perform(action, area: area)
    case .mouse(let mouse):
      return click(mouse, area: area)
    case .resize, .terminate:
      return .ignored
    }
  }

  private mutating func perform(_ action: JourneyAction, area: Rect) -> ScreenResult {
    switch action {
    case .stopAuto:
      if case .auto(let added) = animation?.mode {
        stop(because: "AUTO stopped by a key after \(Self.tokens(added))")
      }
      return .handled
    case .field, .usePrompt, .cancelEdit:
      return edit(action)
    default: break
    }
    message = nil
    let page = max(1, layout(area).context.height - 3)
    switch action {
    case .step: return step()
    case .auto: startAuto()
    case .nextStage: return nextStage()
    case .reset: return Self.asking(reset())
    case .temperature(let steps): return Self.asking(nudgeTemperature(by: steps))
    case .topK(let step): return Self.asking(cycleTopK(by: step))
    case .topP(let step): return Self.asking(cycleTopP(by: step))
    case .switchModel: return .done(requestNextModel())
    case .editPrompt: startEditing()
    case .newSeed: return Self.asking(newSeed())
    case .layer(let step): cycleLayer(by: step)
    case .head(let step): cycleHead(by: step)
    case .pace(let steps): changePace(by: steps)
    case .scrollLines(let lines): scroll(by: lines, area: area)
    case .scrollPages(let pages): scroll(by: pages * page, area: area)
    case .stopAuto, .field, .usePrompt, .cancelEdit: break
    }
    return .handled
  }

  /// `.done` with the work, or `.handled` when none is asked for.
  static func asking(_ effects: [Effect]) -> ScreenResult {
    effects.isEmpty ? .handled : .done(effects)
  }

  private mutating func click(_ mouse: MouseEvent, area: Rect) -> ScreenResult {
    let layout = layout(area)
    let point = Point(x: mouse.x, y: mouse.y)
    switch mouse.kind {
    case .press where layout.stepButton.contains(point):
      if case .auto(let n) = animation?.mode {
        stop(because: "AUTO stopped after \(Self.tokens(n))")
      } else {
        return step()
      }
    case .press where layout.autoButton.contains(point):
      if case .auto(let n) = animation?.mode {
        stop(because: "AUTO stopped after \(Self.tokens(n))")
      } else {
        startAuto()
      }
    case .press where layout.slider.contains(point), .drag where layout.slider.contains(point):
      guard let stop = temperatureSlider.stop(atColumn: mouse.x, in: layout.slider) else {
        return .ignored
      }
      return Self.asking(setTemperature(tenths: stop + 1))
    case .scrollUp where layout.context.contains(point): scroll(by: 1, area: area)
    case .scrollDown where layout.context.contains(point): scroll(by: -1, area: area)
    default: return .ignored
    }
    return .handled
  }

  // MARK: - Animation

  /// STEP: animate one token through the stages. A press while a STEP animates is queued:
  /// that token follows as soon as the current one has joined the context (never dropped,
  /// up to `stepQueueLimit` waiting; `n` or `r` clears the queue).
  mutating func step() -> ScreenResult {
    guard let engine, !engine.machine.isAtDeadEnd else {
      deadEnd()
      return .handled
    }
    if animation?.mode == .step {
      guard queuedSteps < Self.stepQueueLimit else {
        message = .info("\(queuedSteps) STEPs already queued (the most); n stops them")
        return .handled
      }
      queuedSteps += 1
      message = .info("\(queuedSteps) more STEP\(queuedSteps == 1 ? "" : "s") queued")
      return .handled
    }
    scrollBack = 0
    litByHand = false
    animation = Animation(mode: .step, deadline: nil)
    return .handled
  }

  /// At most this many STEPs wait behind the one animating (a held key's autorepeat would
  /// otherwise queue a minute of animation).
  static let stepQueueLimit = 20

  /// Whether the model can end a sentence at all (the seed's toy has no period).
  var modelHasPeriod: Bool {
    engine?.model.vocabulary.id(of: Tokenizer.sentenceEnd) != nil
  }

  static func tokens(_ n: Int) -> String { "\(n) token\(n == 1 ? "" : "s")" }

  mutating func startAuto() {
    guard let engine, !engine.machine.isAtDeadEnd else { return deadEnd() }
    scrollBack = 0
    litByHand = false
    queuedSteps = 0
    animation = Animation(mode: .auto(added: 0), deadline: nil)
    message = .info(
      modelHasPeriod
        ? "AUTO: until a period, at most \(Self.autoLimit) tokens; any key stops"
        : "AUTO: \(Self.autoLimit) tokens (this model has no period); any key stops")
  }

  /// `n`: stop any animation (and queued STEPs) and light the next stage by hand.
  mutating func nextStage() -> ScreenResult {
    animation = nil
    queuedSteps = 0
    guard engine.map({ !$0.machine.isAtDeadEnd }) ?? false else {
      deadEnd()
      return .handled
    }
    scrollBack = 0
    litByHand = true
    if case .needsPass(let effect) = advance() { return .done([effect]) }
    return .handled
  }

  /// Lights the next stage when the deadline has passed (asking for the forward pass when the
  /// next stage is `append`).
  mutating func tick(now: Double) -> ScreenResult {
    guard var run = animation else { return .ignored }
    if let deadline = run.deadline, now < deadline { return .ignored }
    // The next stage lights a pace after this one was drawn, however late this tick came:
    // a slow terminal slows the animation instead of queueing frames.
    run.deadline = now + pace
    switch advance() {
    case .deadEnd:
      animation = nil
      queuedSteps = 0
      if case .auto(let n) = run.mode { autoEndOfText(after: n) } else { deadEnd() }
    case .needsPass(let effect):
      animation = run
      return .done([effect])
    case .lit:
      animation = run
      if engine?.machine.stage == .append { appended() }
    }
    return .handled
  }

  /// Asks the runner for work on the engine on show (`awaiting` until it lands); `note` is the
  /// line to show when it does.
  mutating func ask(_ job: JourneyJob, note: Message? = nil) -> [Effect] {
    guard let engine else { return [] }
    awaiting = JourneyRequest(engine: engine, job: job, note: note)
    return [.journey(engine, job)]
  }

  /// Work the runner did on the engine: the engine after it, and for the `append` stage how
  /// long the model's pass took by the runner's clock. Work nobody is waiting for (any more),
  /// or for an engine no longer on show, is dropped.
  mutating func receive(_ outcome: JourneyOutcome) {
    guard let asked = awaiting, asked.job == outcome.job, asked.engine == outcome.before,
      engine == outcome.before
    else { return }
    awaiting = nil
    switch outcome.job {
    case .advance:
      engine = outcome.after
      switch outcome.after.machine.stage {
      case .sample: lastDraw = outcome.draw ?? lastDraw
      case .append:
        stepSeconds = outcome.passSeconds
        if animation != nil { appended() }
      default: break
      }
    case .reset, .restart:
      replace(with: outcome.after)
    case .settings:
      engine = outcome.after
    }
    if let note = asked.note { message = note }
  }

  /// A token joined the context during STEP or AUTO: STEP ends; AUTO goes on, or stops at a
  /// period, at its limit or at a dead end.
  private mutating func appended() {
    guard let run = animation, let machine = engine?.machine else { return }
    switch run.mode {
    case .step:
      // A queued STEP starts at the next tick, a pace from now.
      if queuedSteps > 0 && !machine.isAtDeadEnd {
        queuedSteps -= 1
        message =
          queuedSteps > 0
          ? .info("\(queuedSteps) more STEP\(queuedSteps == 1 ? "" : "s") queued") : nil
      } else {
        animation = nil
        queuedSteps = 0
      }
    case .auto(let added):
      let count = added + 1
      if machine.endsSentence {
        let last = machine.history.last ?? 0
        let what =
          machine.model.subwordTokenizer != nil && (last == 1 || last == 2)
          ? "the end of text" : "a period"
        stop(because: "AUTO stopped at \(what) after \(Self.tokens(count))")
      } else if count >= Self.autoLimit {
        stop(
          because: modelHasPeriod
            ? "AUTO stopped after \(count) tokens: no period yet (its limit)"
            : "AUTO stopped after \(count) tokens: this model has no period")
      } else if machine.isAtDeadEnd {
        autoEndOfText(after: count)
      } else {
        animation?.mode = .auto(added: count)
      }
    }
  }

  enum Advance: Equatable {
    case lit, deadEnd
    /// The next stage is `sample` or `append`: the runner draws, or runs (and times) the
    /// model, see `receive`.
    case needsPass(Effect)
  }

  /// AUTO ran into a token nothing follows: the end of the text this model can write.
  private mutating func autoEndOfText(after count: Int) {
    let last = engine.flatMap { m in m.machine.history.last.map(m.model.vocabulary.token) }
    stop(
      because: "AUTO stopped at the end of text after \(Self.tokens(count)): nothing follows '"
        + (last ?? "?") + "' in this model (r resets)")
  }

  /// Lights the next stage. `sample` (the draw and its bars, over the whole vocabulary, kept
  /// with the pass they came from: the screen shows them at append and, dimmed, until the next
  /// step reaches logits) and `append` (the forward pass) are asked of the runner instead.
  private mutating func advance() -> Advance {
    guard var engine, let next = engine.nextStage else { return .deadEnd }
    if next == .sample || next == .append { return .needsPass(ask(.advance)[0]) }
    engine.advanceStage()
    self.engine = engine
    return .lit
  }

  mutating func stop(because reason: String) {
    animation = nil
    queuedSteps = 0
    message = .info(reason)
  }

  private mutating func deadEnd() {
    guard let machine = engine?.machine else { return }
    let last = machine.history.last.map(machine.model.vocabulary.token) ?? "?"
    message = .problem("'\(last)' is never followed by anything in this model: r resets")
  }

  /// How many bars the next-token panel shows at most (on tall screens; 8 on small ones).
  static let maxBars = 20
}
