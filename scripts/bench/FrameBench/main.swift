// Frame benchmark (issue 14): the panel's frame path timed in phases on a real terminal.
// Run by scripts/bench/frames.sh inside tmux panes of 80x24 and 250x70; not a test.
//
// usage: frame-bench OUTPUT [FRAMES [SCENARIO,...]]   (all scenarios unless named, e.g.
//        "slider move", for profiling one of them under callgrind)
// For each scenario it applies one key per frame to a fresh AppState (a scenario's keys before
// the last of a step, such as Down before a move on the next slider, get frames of their own,
// reported in a row "…, keys before"; FRAME_BENCH_KEYS_IN_ONE_FRAME=1 puts them in one) and times
//   update (the events -> state, and the effects' results taken into it; the effects' work,
//   such as the model's forward pass, is performed untimed, as the runner's), view (state ->
//   canvas), diff (previous canvas -> cell updates), flush (updates -> bytes -> one write),
// then waits, untimed, until the terminal has taken the frame (`waitForTerminal`; not with
// FRAME_BENCH_BACK_TO_BACK=1), and writes
// one line per scenario to OUTPUT: name, size, frames, and median / p99 in microseconds of
// each phase, of the whole frame (the four together), of the part of the flush inside `write`
// (the kernel's and the terminal's time), of the app's own part (the frame less that), and of
// the frame's on-CPU time (the thread's CPU clock: the frame less any time it was not running),
// and of the runner's idle work after the frame (`App.workAhead`, performed as the runner does
// once a frame is on screen and no key waits, with the frames of the keys likely next; not
// part of the frame; FRAME_BENCH_NO_AHEAD=1 skips it, FRAME_BENCH_NO_FRAMES_AHEAD=1 the frames).
import ForgeCore
import Instruments
import NcursesTerminal
import TerminalUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 2, arguments.count <= 4 else {
  print("usage: frame-bench OUTPUT [FRAMES [SCENARIO,...]]")
  exit(64)
}
let output = arguments[1]
let frames = arguments.count >= 3 ? Int(arguments[2]) ?? 0 : 1000
let only = arguments.count == 4 ? Set(arguments[3].split(separator: ",").map(String.init)) : nil
guard frames > 0 else {
  print("frame-bench: FRAMES must be a positive number")
  exit(64)
}

let backend: NcursesBackend
do {
  backend = try NcursesBackend()
} catch {
  print("\(error)")
  exit(1)
}
let pipeline = FramePipeline(backend: backend)

/// The events of one scenario, frame by frame, from a fresh state.
struct Scenario {
  var name: String
  var screen: ScreenID
  /// The events for frame `i` given the state before it.
  var events: (Int, AppState) -> [Event]
  /// Repaint the whole screen before each frame (the cost a full paint has).
  var fullPaint = false
}

/// One stop right, one stop back, on each of the six sliders in turn: four moves on one, then
/// the next (Down; from the last slider, Up back to the first), so every slider takes its share.
func sliderMoves(_ i: Int, _ state: AppState) -> [Event] {
  var events: [Event] = []
  if i % 4 == 3 {
    let all = Decision.allCases
    let at = all.firstIndex(of: state.forge.focus) ?? 0
    events = at == all.count - 1 ? Array(repeating: .key(.up), count: at) : [.key(.down)]
  }
  return events + [.key(i % 2 == 0 ? .right : .left)]
}

/// Each slider swept one stop at a time to its right end, then to its left end, then the next
/// slider (Down; from the last, Up to the first). Unlike `sliderMoves`, whose moves go back
/// and forth, nearly every move lands on a design other than the one just left, so nothing the
/// state kept of the design before can be reused.
@MainActor
final class Sweep {
  private var rightward = true
  private var legs = 0

  func events(_ i: Int, _ state: AppState) -> [Event] {
    let decision = state.forge.focus
    let stop = state.forge.design.stopIndex(for: decision)
    var events: [Event] = []
    if rightward ? stop >= decision.stopCount - 1 : stop <= 0 {
      rightward.toggle()
      legs += 1
      if legs == 2 {
        legs = 0
        rightward = true
        let all = Decision.allCases
        let at = all.firstIndex(of: decision) ?? 0
        events = at == all.count - 1 ? Array(repeating: .key(.up), count: at) : [.key(.down)]
      }
    }
    return events + [.key(rightward ? .right : .left)]
  }
}

let sweep = Sweep()
let sweepFull = Sweep()

let scenarios = [
  Scenario(name: "slider move", screen: .forge, events: sliderMoves),
  // STEP, then a tick at every stage deadline; a new STEP when the animation ends.
  Scenario(name: "STEP animation", screen: .journey) { _, state in
    if let deadline = App.nextDeadline(state) { return [.tick(now: deadline)] }
    return [.key(.char(" "))]
  },
  Scenario(name: "tab switch", screen: .forge) { _, _ in [.key(.tab)] },
  // The same slider moves, each frame drawn on an erased screen (every cell sent, as after
  // Ctrl-L): what a move would cost if the frame did not follow the change.
  Scenario(name: "full paint", screen: .forge, events: sliderMoves, fullPaint: true),
  Scenario(name: "slider sweep", screen: .forge, events: sweep.events),
  Scenario(name: "sweep full paint", screen: .forge, events: sweepFull.events, fullPaint: true),
]

func percentile(_ values: [Double], _ p: Double) -> Double {
  let sorted = values.sorted()
  let rank = Int((p * Double(sorted.count - 1)).rounded())
  return sorted[max(0, min(sorted.count - 1, rank))]
}

/// One line of OUTPUT: name, size, frames, then the median and p99 of each phase.
@MainActor func summary(_ name: String, _ times: [FramePipeline.Times]) -> String {
  let phases: [(String, [Double])] = [
    ("update", times.map(\.update)), ("view", times.map(\.view)), ("diff", times.map(\.diff)),
    ("flush", times.map(\.flush)),
    ("frame", times.map(\.frame)), ("write", times.map(\.write)),
    ("app", times.map { $0.frame - $0.write }), ("cpu", times.map(\.cpu)),
    ("ahead", times.map(\.ahead)),
  ]
  let stats = phases.map { phase, values in
    "\(phase) \(Int((percentile(values, 0.5) * 1e6).rounded())) "
      + "\(Int((percentile(values, 0.99) * 1e6).rounded()))"
  }
  let cells = times.map { Double($0.cells) }
  let sent = "cells \(Int(percentile(cells, 0.5))) \(Int(percentile(cells, 0.99)))"
  return "\(name)|\(backend.size.width)x\(backend.size.height)|\(times.count)|"
    + stats.joined(separator: "|") + "|" + sent
}

var lines: [String] = []
/// Frames after which the terminal did not answer within a second (reported: the wait is
/// what keeps one frame's write from queueing behind the last).
var unanswered = 0
/// FRAME_BENCH_BACK_TO_BACK=1 draws frames back to back without the wait (how the benchmark
/// ran before 2026-12-03): a frame's write may then wait for tmux to parse the frames before.
let waitsForTerminal = getenv("FRAME_BENCH_BACK_TO_BACK").map { String(cString: $0) } != "1"
/// FRAME_BENCH_NO_AHEAD=1 skips the runner's idle work between frames (`App.workAhead`), as
/// before 2026-12-03 or as keys that come faster than the panel idles between them.
let worksAhead = getenv("FRAME_BENCH_NO_AHEAD").map { String(cString: $0) } != "1"
/// FRAME_BENCH_KEYS_IN_ONE_FRAME=1 applies all of a frame's keys before one drawing (how the
/// benchmark ran before 2026-12-03's second change: a slider move after a focus move landed
/// in the same frame as it, on a design nobody had worked out ahead).
/// FRAME_BENCH_NO_FRAMES_AHEAD=1 keeps the runner's idle work on the Forge's designs but not
/// the frames it draws ahead for Left and Right (`FramesAhead`, since 2026-12-03).
let framesAhead = getenv("FRAME_BENCH_NO_FRAMES_AHEAD").map { String(cString: $0) } != "1"
let keysInOneFrame = getenv("FRAME_BENCH_KEYS_IN_ONE_FRAME").map { String(cString: $0) } == "1"
for scenario in scenarios where only?.contains(scenario.name) ?? true {
  var state = AppState(
    screen: scenario.screen, size: backend.size, capabilities: backend.capabilities)
  // The runner's work: the effects the start and each event ask for (loading the Journey's
  // model, the timed forward pass of each STEP), performed outside the timed phases.
  App.perform(App.start(state), on: &state, clock: { backend.now() })
  pipeline.draw(state, fullPaint: true)
  if worksAhead {
    _ = App.workAhead(&state)
    if framesAhead { pipeline.framesAhead.prepare(state, on: pipeline.terminal) }
  }
  /// One frame: `events` applied (update timed), drawn, waited for, then the idle work.
  func frame(_ events: [Event]) -> FramePipeline.Times {
    var update = 0.0
    var cpu = 0.0
    for event in events {
      var effects: [Effect] = []
      let c0 = threadCPU()
      let t0 = backend.now()
      _ = App.update(&state, event, effects: &effects)
      update += backend.now() - t0
      cpu += threadCPU() - c0
      // The work itself (a model's pass) is the runner's, untimed; taking its result into
      // the state is the frame's, and counts with the update.
      for effect in effects {
        let result = effect.perform(clock: { backend.now() })
        let c1 = threadCPU()
        let t1 = backend.now()
        App.receive(&state, result)
        update += backend.now() - t1
        cpu += threadCPU() - c1
      }
    }
    let c0 = threadCPU()
    var t = pipeline.draw(state, fullPaint: scenario.fullPaint)
    t.update = update
    t.cpu = cpu + threadCPU() - c0
    if waitsForTerminal, !waitForTerminal() { unanswered += 1 }
    // The runner's idle work before the next key, timed on its own.
    if worksAhead {
      let a0 = backend.now()
      _ = App.workAhead(&state)
      if framesAhead { pipeline.framesAhead.prepare(state, on: pipeline.terminal) }
      t.ahead = backend.now() - a0
    }
    return t
  }
  var times: [FramePipeline.Times] = []
  // The keys before a frame's last (a slider's focus moving to the next), each in a frame of
  // its own, as a person's keys are apart.
  var before: [FramePipeline.Times] = []
  for i in 0..<frames {
    let events = scenario.events(i, state)
    if keysInOneFrame {
      times.append(frame(events))
    } else {
      for event in events.dropLast() { before.append(frame([event])) }
      times.append(frame(Array(events.suffix(1))))
    }
  }
  lines.append(summary(scenario.name, times))
  if !before.isEmpty { lines.append(summary("\(scenario.name), keys before", before)) }
}
backend.restore()
if unanswered > 0 {
  print("frame-bench: the terminal did not answer after \(unanswered) frames")
}
guard let file = fopen(output, "w") else {
  print("frame-bench: could not write \(output)")
  exit(1)
}
fputs(lines.joined(separator: "\n") + "\n", file)
fclose(file)
