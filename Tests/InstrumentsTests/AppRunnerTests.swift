import TerminalUI
import Testing

@testable import Instruments

/// A terminal that replays scripted batches of events and records every frame: the screen
/// it holds after each flush (cells applied to what it showed), and the cells written.
@MainActor
final class FakeBackend: TerminalBackend {
  var size: Size
  let capabilities = Capabilities.full
  var batches: [[Event]]
  var screen = Canvas(size: Size(width: 0, height: 0))
  var frames: [Canvas] = []
  var written: [[CellUpdate]] = []
  var erased: [Bool] = []
  var invalidations = 0
  var timeouts: [Double?] = []
  var clock = 0.0
  /// Runs at every reading of the clock (before it is read).
  var onNow: (() -> Void)?

  init(size: Size, batches: [[Event]]) {
    self.size = size
    self.batches = batches
  }

  func flush(_ updates: [CellUpdate], of canvas: Canvas, erase: Bool) {
    if erase { screen = Canvas(size: size) }
    screen.apply(updates)
    frames.append(screen)
    written.append(updates)
    erased.append(erase)
  }

  func invalidate() { invalidations += 1 }

  func waitForEvents(timeout: Double?) -> [Event] {
    timeouts.append(timeout)
    // Running out of script is a test bug: end the run rather than spin.
    guard !batches.isEmpty else { return [.terminate(signal: 15)] }
    let batch = batches.removeFirst()
    for case .resize(let s) in batch { size = s }
    return batch
  }

  func now() -> Double {
    onNow?()
    return clock
  }
}

@MainActor
struct AppRunnerTests {
  @Test func drawsOnceAtStartThenOncePerBatch() {
    let backend = FakeBackend(
      size: Size(width: 80, height: 24),
      batches: [[.key(.tab), .key(.tab)], [.key(.char("?"))], [.key(.char("q"))]])
    let runner = AppRunner(backend: backend, state: AppState(size: Size(width: 1, height: 1)))
    #expect(runner.run() == .user)
    #expect(backend.frames.count == 3)
    #expect(
      backend.frames[1].looksSame(as: App.view(AppState(screen: .lifecycle, size: backend.size))))
    #expect(runner.state.showHelp)
  }

  /// With a frame on screen the runner looks for input without waiting (an empty batch: none
  /// pending); with none, it works ahead once and then blocks, without a timeout while
  /// nothing animates. Input that is there at once is taken at once, and no work ahead waits
  /// for it.
  @Test func blocksWithoutTimeoutWhileNothingAnimates() {
    let backend = FakeBackend(
      size: Size(width: 80, height: 24),
      batches: [[], [.key(.down)], [.key(.down)], [], [.key(.char("q"))]])
    let runner = AppRunner(backend: backend, state: AppState(size: backend.size))
    _ = runner.run()
    #expect(backend.timeouts == [0, nil, 0, 0, nil])
  }

  /// Idle on the Forge, the runner works out the designs a stop either side of the slider in
  /// focus (`App.workAhead`) before it blocks; not while input is pending.
  @Test func worksAheadWhileNoInputIsPending() {
    let idle = FakeBackend(
      size: Size(width: 120, height: 40), batches: [[], [.key(.char("q"))]])
    let runner = AppRunner(backend: idle, state: AppState(size: idle.size))
    _ = runner.run()
    var expected = AppState(size: idle.size)
    #expect(App.workAhead(&expected))
    #expect(runner.state.forge.ahead.entries.map(\.key) == expected.forge.ahead.entries.map(\.key))
    #expect(!runner.state.forge.ahead.entries.isEmpty)
    let busy = FakeBackend(size: Size(width: 120, height: 40), batches: [[.key(.char("q"))]])
    let second = AppRunner(backend: busy, state: AppState(size: busy.size))
    _ = second.run()
    #expect(second.state.forge.ahead.entries.isEmpty)
  }

  @Test func takesTheSizeFromTheBackendAndFollowsResizes() {
    let small = Size(width: 40, height: 10)
    let backend = FakeBackend(
      size: Size(width: 100, height: 30), batches: [[.resize(small)], [.key(.char("q"))]])
    let runner = AppRunner(backend: backend, state: AppState(size: Size(width: 1, height: 1)))
    _ = runner.run()
    #expect(backend.frames.first?.size == Size(width: 100, height: 30))
    #expect(backend.frames.last?.size == small)
    #expect(backend.frames.last?.text.contains("too small") == true)
  }

  @Test func aSignalEndsTheRunWithThatSignal() {
    let backend = FakeBackend(
      size: Size(width: 80, height: 24), batches: [[.key(.tab), .terminate(signal: 1)]])
    #expect(AppRunner(backend: backend, state: AppState(size: backend.size)).run() == .signal(1))
  }

  @Test func sendsNothingWhenNothingChanged() {
    // Keys no screen knows change nothing: no frame at all.
    let backend = FakeBackend(
      size: Size(width: 80, height: 24),
      batches: [[.key(.unknown(999))], [.key(.down)], [.key(.unknown(998))], [.key(.char("q"))]])
    _ = AppRunner(backend: backend, state: AppState(size: backend.size)).run()
    #expect(backend.frames.count == 2)
    #expect(backend.erased == [true, false])
    // The next slider gets the focus: a few cells, not the whole screen.
    #expect(backend.written[1].count > 0 && backend.written[1].count < backend.written[0].count / 4)
  }

  @Test func ctrlLRepaintsTheWholeScreenFromAnErasedOne() {
    let backend = FakeBackend(
      size: Size(width: 80, height: 24), batches: [[.key(.ctrl("l"))], [.key(.char("q"))]])
    _ = AppRunner(backend: backend, state: AppState(size: backend.size)).run()
    #expect(backend.invalidations == 1)
    #expect(backend.erased == [true, true])
    #expect(backend.written[1] == backend.written[0])
    #expect(backend.frames[1].looksSame(as: App.view(AppState(size: backend.size))))
  }

  @Test func aResizeRepaintsFromAnErasedScreen() {
    let backend = FakeBackend(
      size: Size(width: 80, height: 24),
      batches: [[.resize(Size(width: 100, height: 30))], [.key(.char("q"))]])
    _ = AppRunner(backend: backend, state: AppState(size: backend.size)).run()
    #expect(backend.erased == [true, true])
    #expect(
      backend.frames[1].looksSame(as: App.view(AppState(size: Size(width: 100, height: 30)))))
  }

  @Test func runsTheFirstFrameHookOnceAfterTheFirstDraw() {
    let backend = FakeBackend(
      size: Size(width: 80, height: 24), batches: [[.key(.tab)], [.key(.char("q"))]])
    var framesWhenCalled: [Int] = []
    let runner = AppRunner(
      backend: backend, state: AppState(size: backend.size),
      afterFirstFrame: { framesWhenCalled.append(backend.frames.count) })
    _ = runner.run()
    #expect(framesWhenCalled == [1])
  }

  /// The screen is up before the model is read, saying what is loading.
  @Test func drawsTheFirstFrameBeforeLoadingTheModel() throws {
    let backend = FakeBackend(size: Size(width: 80, height: 24), batches: [[.key(.char("q"))]])
    let state = AppState(screen: .journey, size: backend.size)
    let name = try #require(state.journey.request?.name)
    _ = AppRunner(backend: backend, state: state).run()
    #expect(backend.frames.count == 2)
    #expect(backend.frames.first?.text.contains("loading \(name)…") == true)
    #expect(backend.frames.last?.text.contains("loading") == false)
    // The attention legend waits for a context to glow.
    #expect(backend.frames.first?.text.contains("glow") == false)
    #expect(backend.frames.last?.text.contains("glow") == true)
  }

  /// `m` shows which model it is loading before it reads it.
  @Test func showsWhatIsLoadingBeforeLoadingIt() throws {
    let backend = FakeBackend(
      size: Size(width: 80, height: 24), batches: [[.key(.char("m"))], [.key(.char("q"))]])
    let runner = AppRunner(backend: backend, state: AppState(screen: .journey, size: backend.size))
    _ = runner.run()
    let name = try #require(runner.state.journey.engine?.model.name)
    try #require(backend.frames.count == 4)
    #expect(backend.frames[2].text.contains("loading \(name)…"))
    #expect(backend.frames[3].text.contains("model: \(name)"))
  }

  /// A reset's pass over the prompt waits for a frame that says it is computing.
  @Test func showsComputingBeforeAPassOverThePrompt() throws {
    let backend = FakeBackend(
      size: Size(width: 80, height: 24), batches: [[.key(.char("r"))], [.key(.char("q"))]])
    _ = AppRunner(backend: backend, state: AppState(screen: .journey, size: backend.size)).run()
    try #require(backend.frames.count == 4)
    #expect(backend.frames[2].text.contains("computing…"))
    #expect(backend.frames[3].text.contains("computing…") == false)
  }
}
