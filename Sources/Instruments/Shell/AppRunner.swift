import TerminalUI

/// Drives the app on any `TerminalBackend`: draw at once, then wait for events (no timeout
/// unless a screen animates) → apply all of them, performing the effects each asks for and
/// feeding the results back → when the state changed, render once and send the cells that
/// changed (`Terminal`; a frame worked out ahead for this very state goes out as it is) →
/// while no input is pending, the work the next key may need (`App.workAhead`, and the frames
/// of the keys likely next, `FramesAhead`). Ctrl-L is the terminal's: it repaints the whole
/// screen. The only place the app reads files or the clock. Tests drive it with a fake
/// backend.
@MainActor
public final class AppRunner {
  public private(set) var state: AppState
  private let backend: any TerminalBackend
  private let terminal: Terminal
  /// The frames of the keys likely to come next, drawn while idle (`FramesAhead`).
  private let framesAhead = FramesAhead()
  private let afterFirstFrame: (() -> Void)?
  private let recordFrames: Bool
  private let afterFrame: ((Canvas) -> Void)?
  /// Seconds per frame (state → canvas → terminal), when asked for (FULLSTACK_DIAG_FRAMES).
  public private(set) var frameTimes: [Double] = []
  /// The backend's clock when the first frame with the start work done (the model asked
  /// for loaded) was on screen; a frame saying what is loading comes before it.
  public private(set) var firstFrameAt: Double?

  /// `afterFirstFrame` runs once, right after the first frame is drawn (diagnostics);
  /// `recordFrames` keeps every frame's duration in `frameTimes` (benchmarks); `afterFrame`
  /// sees every canvas once it is on screen (FULLSTACK_DIAG_CANVAS).
  public init(
    backend: any TerminalBackend, state: AppState, afterFirstFrame: (() -> Void)? = nil,
    recordFrames: Bool = false, afterFrame: ((Canvas) -> Void)? = nil
  ) {
    self.backend = backend
    self.terminal = Terminal(backend: backend)
    self.state = state
    self.afterFirstFrame = afterFirstFrame
    self.recordFrames = recordFrames
    self.afterFrame = afterFrame
  }

  /// Runs until a quit key or a terminating signal; returns why it stopped.
  public func run() -> App.QuitReason {
    state.size = backend.size
    // The panel is up before any model is read: what is loading shows while it loads.
    drawFrame()
    perform(App.start(state))
    drawFrame()
    firstFrameAt = backend.now()
    afterFirstFrame?()
    // The work ahead for the state on screen is done (`App.workAhead`).
    var workedAhead = false
    while true {
      let deadline = App.nextDeadline(state)
      // Idle, with the frame on screen: the work the next key may need, unless input waits.
      var events = workedAhead ? [] : backend.waitForEvents(timeout: 0)
      if events.isEmpty {
        if !workedAhead {
          _ = App.workAhead(&state)
          framesAhead.prepare(state, on: terminal)
          workedAhead = true
        }
        events = backend.waitForEvents(timeout: deadline.map { max(0, $0 - backend.now()) })
      }
      if let deadline, backend.now() >= deadline { events.append(.tick(now: backend.now())) }
      var before = state
      var redraw = false
      for event in events {
        if event == .key(.ctrl("l")) {
          terminal.invalidate()
          redraw = true
          continue
        }
        var effects: [Effect] = []
        if case .quit(let reason) = App.update(&state, event, effects: &effects) { return reason }
        // Slow work waits for a frame that says it is under way ("loading…", "computing…").
        if effects.contains(where: \.takesAWhile), state != before {
          drawFrame()
          before = state
        }
        perform(effects)
      }
      if redraw || state != before {
        drawFrame()
        workedAhead = false
      }
    }
  }

  /// Does the work `update` asked for, timed by the backend's monotonic clock.
  private func perform(_ effects: [Effect]) {
    guard !effects.isEmpty else { return }
    let backend = self.backend
    App.perform(effects, on: &state, clock: { backend.now() })
  }

  private func drawFrame() {
    let start = recordFrames ? backend.now() : 0
    framesAhead.draw(state, on: terminal)
    if recordFrames { frameTimes.append(backend.now() - start) }
    afterFrame?(terminal.previous)
  }
}
