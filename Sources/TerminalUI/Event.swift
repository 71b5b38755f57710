/// A key press, decoded from the terminal into something the app can match on.
public enum Key: Hashable, Sendable {
  case char(Character)
  /// Ctrl plus a letter, lower-case ("c" for Ctrl-C).
  case ctrl(Character)
  case up, down, left, right
  case shiftUp, shiftDown, shiftLeft, shiftRight
  case ctrlUp, ctrlDown, ctrlLeft, ctrlRight
  case home, end, pageUp, pageDown
  case tab, backTab, enter, escape, backspace, delete, insert
  /// F1…F12.
  case function(Int)
  /// A key the backend could not name (kept so it can be ignored explicitly).
  case unknown(Int)
}

/// What a mouse did, in cell coordinates of the screen.
public struct MouseEvent: Hashable, Sendable {
  public enum Kind: Hashable, Sendable { case press, drag, release, scrollUp, scrollDown }
  public var kind: Kind
  public var x: Int
  public var y: Int
  public init(_ kind: Kind, x: Int, y: Int) {
    self.kind = kind
    self.x = x
    self.y = y
  }
}

/// Everything that can happen to the app. Time arrives as `.tick(now:)` so animation can
/// be driven by hand in tests.
public enum Event: Hashable, Sendable {
  case key(Key)
  case mouse(MouseEvent)
  case resize(Size)
  /// Seconds on a monotonic clock.
  case tick(now: Double)
  /// A terminating signal (SIGINT, SIGTERM, SIGHUP) arrived.
  case terminate(signal: Int32)
}
