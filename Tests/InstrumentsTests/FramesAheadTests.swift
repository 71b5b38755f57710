import TerminalUI
import TestSupport
import Testing

@testable import Instruments

/// The frames worked out while the panel idles are the frames drawing their states gives,
/// are taken only for their very state, and go out as they are.
@MainActor
struct FramesAheadTests {
  /// A terminal showing `state`, on a backend that records what it is sent.
  static func showing(_ state: AppState) -> (FakeBackend, Terminal) {
    let backend = FakeBackend(size: state.size, batches: [])
    let terminal = Terminal(backend: backend)
    terminal.draw(size: state.size) { App.view(state, into: &$0) }
    return (backend, terminal)
  }

  @Test(arguments: [Size(width: 250, height: 70), Size(width: 80, height: 24)])
  func eachFrameIsTheOneItsStateDraws(size: Size) {
    var rng = SeededRandom(seed: UInt64(size.width))
    let keys: [Key] = [.right, .left, .down, .up, .char("t"), .char("a"), .escape, .char("2")]
    var state = AppState(size: size)
    for step in 0..<40 {
      _ = App.update(&state, .key(keys[Int.random(in: 0..<keys.count, using: &rng)]))
      _ = App.workAhead(&state)
      let (_, terminal) = Self.showing(state)
      let ahead = FramesAhead()
      ahead.prepare(state, on: terminal)
      var moves = 0
      for key in App.keysAhead(state) {
        var next = state
        _ = App.update(&next, .key(key))
        guard next != state else { continue }
        moves += 1
        let frame = ahead.frame(for: next)
        #expect(frame != nil, "step \(step)")
        guard let frame else { continue }
        let drawn = App.view(next)
        #expect(frame.canvas == drawn, "step \(step)")
        #expect(frame.updates == Canvas.diff(terminal.previous, drawn), "step \(step)")
        #expect(frame.after == terminal.flushes, "step \(step)")
      }
      #expect(ahead.frames.count == moves, "step \(step)")
      // A state no key ahead gives has no frame.
      var other = state
      _ = App.update(&other, .key(.down))
      if other != state { #expect(ahead.frame(for: other) == nil, "step \(step)") }
    }
  }

  /// Drawn through `FramesAhead`, a key's frame sends the cells a plain draw sends, whether
  /// it was worked out ahead or not; a frame marked ahead shows that it was the one taken.
  @Test func aFrameWorkedOutAheadIsSentAsItIs() throws {
    var state = AppState(size: Size(width: 250, height: 70))
    _ = App.workAhead(&state)
    var next = state
    _ = App.update(&next, .key(.right))
    let (plainBackend, plain) = Self.showing(state)
    plain.draw(size: next.size) { App.view(next, into: &$0) }
    let (backend, terminal) = Self.showing(state)
    let ahead = FramesAhead()
    ahead.prepare(state, on: terminal)
    ahead.draw(next, on: terminal)
    #expect(backend.written.last == plainBackend.written.last)
    #expect(backend.screen == plainBackend.screen)
    #expect(ahead.frames.isEmpty, "forgotten once a frame is drawn")
    // A state with no frame ahead is drawn as usual.
    var down = next
    _ = App.update(&down, .key(.down))
    ahead.prepare(next, on: terminal)
    ahead.draw(down, on: terminal)
    plain.draw(size: down.size) { App.view(down, into: &$0) }
    #expect(backend.screen == plainBackend.screen)
    // Marked: the frame taken is the one worked out (its cells are sent, not worked out).
    ahead.prepare(down, on: terminal)
    let frame = try #require(ahead.frames.first)
    var canvas = frame.canvas
    canvas[0, 0] = Cell("M")
    ahead.frames[0] = FramesAhead.Frame(
      state: frame.state, canvas: canvas,
      updates: frame.updates + [CellUpdate(x: 0, y: 0, cell: Cell("M"))], after: frame.after)
    ahead.draw(frame.state, on: terminal)
    #expect(backend.screen[0, 0].glyph == "M")
    // After Ctrl-L the frame worked out goes out whole on an erased screen.
    ahead.prepare(frame.state, on: terminal)
    let again = try #require(ahead.frames.first)
    terminal.invalidate()
    ahead.draw(again.state, on: terminal)
    #expect(backend.erased.last == true)
    #expect(backend.screen.looksSame(as: App.view(again.state)))
  }

  /// Only the Forge works frames out, and not for a key that asks for work or changes nothing.
  @Test func otherScreensWorkNoFramesOut() {
    for screen in [ScreenID.journey, .lifecycle, .exercises, .reading] {
      let state = AppState(screen: screen, size: Size(width: 120, height: 40))
      let (_, terminal) = Self.showing(state)
      let ahead = FramesAhead()
      ahead.prepare(state, on: terminal)
      #expect(ahead.frames.isEmpty, "\(screen)")
    }
    // The Forge's last stop on the compute slider: only Left moves.
    var state = AppState(size: Size(width: 120, height: 40))
    for _ in 0..<40 { _ = App.update(&state, .key(.right)) }
    let (_, terminal) = Self.showing(state)
    let ahead = FramesAhead()
    ahead.prepare(state, on: terminal)
    #expect(ahead.frames.count == 1)
  }
}
