import TerminalUI

/// Frames worked out while the panel idles, for the keys likely to come next (`App.keysAhead`:
/// a stop either way on the Forge's slider in focus): the state each key gives, that state
/// drawn, and the cells of it that differ from the screen. When the state after the next
/// events is one of them, its frame goes out as it is, so the key's frame costs its update
/// and the sending alone. Each frame is what drawing its state gives (`App.view`, then the
/// terminal's diff), so nothing on screen depends on whether one was taken. Used by the
/// runner and the frame benchmark.
@MainActor
public final class FramesAhead {
  /// A frame for `state`: its canvas, and the cells of that canvas that differ from the
  /// screen as it was after the terminal's flush number `after`.
  public struct Frame {
    public let state: AppState
    public let canvas: Canvas
    public let updates: [CellUpdate]
    public let after: Int
  }

  public internal(set) var frames: [Frame] = []

  public init() {}

  /// Works out the frames of the keys `App.keysAhead` names for `state`, against what
  /// `terminal` shows now; keys that change nothing, or ask for work (effects), get none.
  /// Pure calls of `App.update` and `App.view`: nothing is sent.
  public func prepare(_ state: AppState, on terminal: Terminal) {
    frames = []
    guard terminal.previous.size == state.size, !terminal.mustErase else { return }
    for key in App.keysAhead(state) {
      var next = state
      var effects: [Effect] = []
      guard App.update(&next, .key(key), effects: &effects) == .running, effects.isEmpty,
        next != state
      else { continue }
      let canvas = App.view(next)
      frames.append(
        Frame(
          state: next, canvas: canvas, updates: Canvas.diff(terminal.previous, canvas),
          after: terminal.flushes))
    }
  }

  /// The frame worked out for this very state, if any.
  public func frame(for state: AppState) -> Frame? { frames.first { $0.state == state } }

  /// Forgets every frame (the screen they were diffed against is about to change).
  public func forget() { frames = [] }

  /// Draws `state` on `terminal`: the frame worked out for it where there is one, else as
  /// `Terminal.draw` does; then forgets every frame. Returns the cells sent.
  @discardableResult
  public func draw(_ state: AppState, on terminal: Terminal) -> Int {
    defer { forget() }
    guard let frame = frame(for: state) else {
      return terminal.draw(size: state.size) { App.view(state, into: &$0) }
    }
    terminal.take(frame.canvas)
    return terminal.flush(terminal.diff(prepared: frame.updates, after: frame.after))
  }
}

extension App {
  /// The keys the frames worked out ahead are for (`FramesAhead`): Left and Right where the
  /// Forge works ahead (`workAhead`), none elsewhere.
  public static func keysAhead(_ state: AppState) -> [Key] {
    let layout = ShellLayout(state)
    guard state.screen == .forge, state.tour == nil, layout.fits else { return [] }
    return [.left, .right]
  }
}
