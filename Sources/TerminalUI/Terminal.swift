/// The backend seen from the app: something that shows a Canvas and yields events.
/// The ncurses backend implements it; tests use a fake.
@MainActor
public protocol TerminalBackend: AnyObject {
  /// The current screen size in cells.
  var size: Size { get }
  /// What the terminal can draw.
  var capabilities: Capabilities { get }
  /// Shows the canvas; only cells that changed since the last frame reach the wire.
  func draw(_ canvas: Canvas)
  /// Waits for input. `timeout` nil blocks until something happens (0% CPU idle);
  /// otherwise returns after at most `timeout` seconds, possibly with no events.
  /// Returns every event pending at that moment, in order.
  func waitForEvents(timeout: Double?) -> [Event]
  /// Monotonic seconds.
  func now() -> Double
}
