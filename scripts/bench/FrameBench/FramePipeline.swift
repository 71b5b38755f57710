import Instruments
import NcursesTerminal
import TerminalUI

/// The frame path as the app runs it, timed phase by phase.
@MainActor
final class FramePipeline {
  struct Times {
    var view: Double
    var diff: Double
    var flush: Double
  }

  let backend: NcursesBackend

  init(backend: NcursesBackend) { self.backend = backend }

  /// Before the diffing terminal: the backend erases and writes every cell, ncurses diffs;
  /// there is no separate diff phase and no way to ask for a full paint.
  @discardableResult
  func draw(_ state: AppState, fullPaint: Bool) -> Times {
    let t0 = backend.now()
    let canvas = App.view(state)
    let t1 = backend.now()
    backend.draw(canvas)
    let t2 = backend.now()
    return Times(view: t1 - t0, diff: 0, flush: t2 - t1)
  }
}
