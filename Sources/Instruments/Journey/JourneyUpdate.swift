import JourneyCore
import TerminalUI

/// Events: keys, mouse clicks on the buttons and slider, and ticks that light the stages.
extension JourneyState {
  public mutating func update(_ event: Event, area: Rect, app: AppState) -> ScreenResult {
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
      stop(because: "AUTO stopped by a key")
      return .handled
    case .type, .deleteBack, .usePrompt, .cancelEdit:
      return edit(action)
    default: break
    }
    message = nil
    let page = max(1, JourneyLayout(area).context.height - 3)
    switch action {
    case .step: return step()
    case .auto: startAuto()
    case .nextStage: return nextStage()
    case .reset: reset()
    case .temperature(let steps): nudgeTemperature(by: steps)
    case .topK(let step): cycleTopK(by: step)
    case .topP(let step): cycleTopP(by: step)
    case .switchModel: return .done(requestNextModel())
    case .editPrompt: startEditing()
    case .newSeed: newSeed()
    case .layer(let step): cycleLayer(by: step)
    case .head(let step): cycleHead(by: step)
    case .pace(let steps): changePace(by: steps)
    case .scrollLines(let lines): scroll(by: lines, area: area)
    case .scrollPages(let pages): scroll(by: pages * page, area: area)
    case .stopAuto, .type, .deleteBack, .usePrompt, .cancelEdit: break
    }
    return .handled
  }

  private mutating func click(_ mouse: MouseEvent, area: Rect) -> ScreenResult {
    let layout = JourneyLayout(area)
    let point = Point(x: mouse.x, y: mouse.y)
    switch mouse.kind {
    case .press where layout.stepButton.contains(point):
      if case .auto = animation?.mode { stop(because: "AUTO stopped") } else { return step() }
    case .press where layout.autoButton.contains(point):
      if case .auto = animation?.mode { stop(because: "AUTO stopped") } else { startAuto() }
    case .press where layout.slider.contains(point), .drag where layout.slider.contains(point):
      guard let stop = temperatureSlider.stop(atColumn: mouse.x, in: layout.slider) else {
        return .ignored
      }
      setTemperature(tenths: stop + 1)
    case .scrollUp where layout.context.contains(point): scroll(by: 1, area: area)
    case .scrollDown where layout.context.contains(point): scroll(by: -1, area: area)
    default: return .ignored
    }
    return .handled
  }

  // MARK: - Animation

  /// STEP: animate one token through the stages (finishing at once a token already lit by a
  /// previous STEP, so a second press never waits).
  mutating func step() -> ScreenResult {
    guard let engine, !engine.machine.isAtDeadEnd else {
      deadEnd()
      return .handled
    }
    if animation?.mode == .step {
      animation = nil
      while true {
        switch advance() {
        case .lit where self.engine?.machine.stage != .append: continue
        case .lit, .deadEnd: return .handled
        case .needsPass(let effect): return .done([effect])
        }
      }
    }
    scrollBack = 0
    litByHand = false
    animation = Animation(mode: .step, deadline: nil)
    return .handled
  }

  mutating func startAuto() {
    guard let engine, !engine.machine.isAtDeadEnd else { return deadEnd() }
    scrollBack = 0
    litByHand = false
    animation = Animation(mode: .auto(added: 0), deadline: nil)
    message = .info("AUTO: until a period (at most \(Self.autoLimit) tokens); any key stops")
  }

  /// `n`: stop any animation and light the next stage by hand.
  mutating func nextStage() -> ScreenResult {
    animation = nil
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
      deadEnd()
    case .needsPass(let effect):
      animation = run
      return .done([effect])
    case .lit:
      animation = run
      if engine?.machine.stage == .append { appended() }
    }
    return .handled
  }

  /// The forward pass the runner ran for the `append` stage: the engine after it, and how long
  /// it took by the runner's clock. A pass for an engine that is no longer on show is dropped.
  mutating func receive(pass before: JourneyEngine, after: JourneyEngine, seconds: Double) {
    guard engine == before else { return }
    engine = after
    stepSeconds = seconds
    if animation != nil { appended() }
  }

  /// A token joined the context during STEP or AUTO: STEP ends; AUTO goes on, or stops at a
  /// period, at its limit or at a dead end.
  private mutating func appended() {
    guard let run = animation, let machine = engine?.machine else { return }
    switch run.mode {
    case .step:
      animation = nil
    case .auto(let added):
      let count = added + 1
      if machine.endsSentence {
        let last = machine.history.last ?? 0
        let what =
          machine.model.subwordTokenizer != nil && (last == 1 || last == 2)
          ? "the end of the text" : "a period"
        stop(because: "AUTO reached \(what) after \(count) token\(count == 1 ? "" : "s")")
      } else if count >= Self.autoLimit {
        stop(because: "AUTO stopped after \(count) tokens without a period")
      } else if machine.isAtDeadEnd {
        animation = nil
        deadEnd()
      } else {
        animation?.mode = .auto(added: count)
      }
    }
  }

  enum Advance: Equatable {
    case lit, deadEnd
    /// The next stage is `append`: the runner runs (and times) the model, see `receive`.
    case needsPass(Effect)
  }

  /// Lights the next stage, keeping the draw; the `append` stage (the forward pass) is asked
  /// of the runner instead.
  private mutating func advance() -> Advance {
    guard var engine, let next = engine.nextStage else { return .deadEnd }
    if next == .append { return .needsPass(.forwardPass(engine)) }
    engine.advanceStage()
    switch engine.machine.stage {
    case .text?: lastDraw = nil
    case .sample?:
      if let drawn = engine.machine.pending, let dist = engine.machine.distribution {
        let top = dist.top(Self.topCount)
        lastDraw = Draw(top: top.entries, remainder: top.remainder, drawn: drawn)
      }
    default: break
    }
    self.engine = engine
    return .lit
  }

  mutating func stop(because reason: String) {
    animation = nil
    message = .info(reason)
  }

  private mutating func deadEnd() {
    guard let machine = engine?.machine else { return }
    let last = machine.history.last.map(machine.model.vocabulary.token) ?? "?"
    message = .problem("'\(last)' is never followed by anything in this model: r resets")
  }

  /// How many bars the next-token panel shows.
  static let topCount = 8
}
