/// The backend seen from the app: something that writes cells and yields events.
/// The ncurses backend implements it; tests use a fake.
@MainActor
public protocol TerminalBackend: AnyObject {
  /// The current screen size in cells.
  var size: Size { get }
  /// What the terminal can draw.
  var capabilities: Capabilities { get }
  /// Writes these cells of `canvas` (a wide character covers the next cell too) and shows
  /// the result at once; the rest of `canvas` already looks as the screen shows it. With
  /// `erase` the screen is cleared first: the cells are then all that differs from an
  /// erased screen (first frame, resize, after `invalidate`).
  func flush(_ updates: [CellUpdate], of canvas: Canvas, erase: Bool)
  /// The screen may have been scribbled on (Ctrl-L): the next flush must repaint every cell
  /// on the wire, not only what the backend believes changed.
  func invalidate()
  /// Waits for input. `timeout` nil blocks until something happens (0% CPU idle);
  /// otherwise returns after at most `timeout` seconds, possibly with no events.
  /// Returns every event pending at that moment, in order.
  func waitForEvents(timeout: Double?) -> [Event]
  /// Monotonic seconds.
  func now() -> Double
}

/// A diffing terminal, the ratatui way: the app renders into `current`, `diff` compares it
/// with `previous` (what the screen shows), `flush` sends only the changed cells to the
/// backend, then the two canvases swap roles. Both canvases are reused frame after frame.
/// The screen is erased and repainted only for the first frame, after a resize, and after
/// `invalidate` (Ctrl-L); a frame that looks like the last one sends nothing.
@MainActor
public final class Terminal {
  public let backend: any TerminalBackend
  /// What the screen shows (after the last flush).
  public private(set) var previous = Canvas(size: Size(width: 0, height: 0))
  /// The frame being drawn.
  public private(set) var current = Canvas(size: Size(width: 0, height: 0))
  /// The next flush starts from an erased screen.
  public private(set) var mustErase = true
  /// Frames flushed so far: what a frame worked out ahead was diffed against is the screen
  /// as it was after the frame of this number.
  public private(set) var flushes = 0
  private var updates: [CellUpdate] = []

  public init(backend: any TerminalBackend) { self.backend = backend }

  /// Draws a frame into `current`, blanked at `size` first.
  public func render(size: Size, _ draw: (inout Canvas) -> Void) {
    current.reset(to: size)
    draw(&current)
  }

  /// The cells the next flush sends: all that differ from the screen (from an erased one
  /// when it must be erased or its size changed).
  public func diff() -> [CellUpdate] {
    if mustErase || previous.size != current.size {
      mustErase = true
      Canvas.repaint(current, into: &updates)
    } else {
      Canvas.diff(previous, current, into: &updates)
    }
    return updates
  }

  /// Takes `canvas`, drawn ahead, as the frame being drawn (in place of `render`).
  public func take(_ canvas: Canvas) { current = canvas }

  /// `updates`, worked out ahead as the cells of `current` that differ from the screen as it
  /// was after flush number `after`, where the screen is still that one and need not be
  /// erased; else `diff()`.
  public func diff(prepared updates: [CellUpdate], after: Int) -> [CellUpdate] {
    guard after == flushes, !mustErase, previous.size == current.size else { return diff() }
    return updates
  }

  /// Sends `updates` (from `diff`) and makes `current` the screen. Nothing reaches the
  /// backend when nothing changed. Returns the number of cells sent.
  @discardableResult
  public func flush(_ updates: [CellUpdate]) -> Int {
    if mustErase || !updates.isEmpty { backend.flush(updates, of: current, erase: mustErase) }
    mustErase = false
    flushes += 1
    swap(&previous, &current)
    return updates.count
  }

  /// Render, diff and flush in one go; returns the number of cells sent.
  @discardableResult
  public func draw(size: Size, _ render: (inout Canvas) -> Void) -> Int {
    self.render(size: size, render)
    return flush(diff())
  }

  /// The screen cannot be trusted (Ctrl-L): the next frame erases and repaints it all.
  public func invalidate() {
    mustErase = true
    backend.invalidate()
  }
}
