import TerminalUI

/// Drives the app on any `TerminalBackend`: wait for events (no timeout unless a screen
/// animates) → apply all of them, performing the effects each asks for and feeding the
/// results back → draw once. The only place the app reads files or the clock. Tests drive it
/// with a fake backend.
@MainActor
public final class AppRunner {
  public private(set) var state: AppState
  private let backend: any TerminalBackend
  private let afterFirstFrame: (() -> Void)?
  private let recordFrames: Bool
  /// Seconds per frame (state → canvas → terminal), when asked for (FULLSTACK_DIAG_FRAMES).
  public private(set) var frameTimes: [Double] = []
  /// The backend's clock when the first frame was on screen.
  public private(set) var firstFrameAt: Double?

  /// `afterFirstFrame` runs once, right after the first frame is drawn (diagnostics);
  /// `recordFrames` keeps every frame's duration in `frameTimes` (benchmarks).
  public init(
    backend: any TerminalBackend, state: AppState, afterFirstFrame: (() -> Void)? = nil,
    recordFrames: Bool = false
  ) {
    self.backend = backend
    self.state = state
    self.afterFirstFrame = afterFirstFrame
    self.recordFrames = recordFrames
  }

  /// Runs until a quit key or a terminating signal; returns why it stopped.
  public func run() -> App.QuitReason {
    state.size = backend.size
    perform(App.start(state))
    drawFrame()
    firstFrameAt = backend.now()
    afterFirstFrame?()
    while true {
      let deadline = App.nextDeadline(state)
      var events = backend.waitForEvents(timeout: deadline.map { max(0, $0 - backend.now()) })
      if let deadline, backend.now() >= deadline { events.append(.tick(now: backend.now())) }
      for event in events {
        var effects: [Effect] = []
        if case .quit(let reason) = App.update(&state, event, effects: &effects) { return reason }
        perform(effects)
      }
      if !events.isEmpty { drawFrame() }
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
    backend.draw(App.view(state))
    if recordFrames { frameTimes.append(backend.now() - start) }
  }
}
