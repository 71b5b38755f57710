import TerminalUI

/// Drives the app on any `TerminalBackend`: wait for events (no timeout unless a screen
/// animates) → apply all of them → draw once. Tests drive it with a fake backend.
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
    drawFrame()
    firstFrameAt = backend.now()
    afterFirstFrame?()
    while true {
      let deadline = App.nextDeadline(state)
      var events = backend.waitForEvents(timeout: deadline.map { max(0, $0 - backend.now()) })
      if let deadline, backend.now() >= deadline { events.append(.tick(now: backend.now())) }
      for event in events {
        if case .quit(let reason) = App.update(&state, event) { return reason }
      }
      if !events.isEmpty { drawFrame() }
    }
  }

  private func drawFrame() {
    let start = recordFrames ? backend.now() : 0
    backend.draw(App.view(state))
    if recordFrames { frameTimes.append(backend.now() - start) }
  }
}
