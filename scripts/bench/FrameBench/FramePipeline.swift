import Instruments
import NcursesTerminal
import TerminalUI

/// The frame path as the app runs it (`AppRunner` through a `Terminal`), timed phase by phase.
@MainActor
final class FramePipeline {
  struct Times {
    /// `App.update` for the frame's events (the effects they ask for are the runner's, untimed).
    var update = 0.0
    var view: Double
    var diff: Double
    var flush: Double
    /// The part of `flush` spent inside `write` (the kernel's and the terminal's time).
    var write: Double
    /// The thread's CPU time over the four phases.
    var cpu = 0.0
    /// Cells the diff sent.
    var cells = 0
    /// `App.workAhead` after the frame was on screen: the runner's idle work before the next
    /// key, not part of the frame.
    var ahead = 0.0

    /// The whole frame by the wall clock.
    var frame: Double { update + view + diff + flush }
  }

  let backend: NcursesBackend
  let terminal: Terminal
  /// The frames of the keys likely next, worked out in the idle time after each frame.
  let framesAhead = FramesAhead()

  init(backend: NcursesBackend) {
    self.backend = backend
    terminal = Terminal(backend: backend)
  }

  /// One frame; `fullPaint` erases and repaints the whole screen, as after Ctrl-L.
  @discardableResult
  func draw(_ state: AppState, fullPaint: Bool) -> Times {
    if fullPaint { terminal.invalidate() }
    let written = backend.writeSeconds
    let t0 = backend.now()
    // As `FramesAhead.draw`, in phases: a frame worked out ahead for this state is taken (the
    // view's phase is then finding it) with its cells (the diff's), else drawn and diffed.
    let frame = framesAhead.frame(for: state)
    if let frame {
      terminal.take(frame.canvas)
    } else {
      terminal.render(size: state.size) { App.view(state, into: &$0) }
    }
    let t1 = backend.now()
    let updates =
      frame.map { terminal.diff(prepared: $0.updates, after: $0.after) } ?? terminal.diff()
    let t2 = backend.now()
    let cells = terminal.flush(updates)
    framesAhead.forget()
    let t3 = backend.now()
    return Times(
      view: t1 - t0, diff: t2 - t1, flush: t3 - t2, write: backend.writeSeconds - written,
      cells: cells)
  }
}
