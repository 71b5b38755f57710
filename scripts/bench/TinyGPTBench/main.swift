// Benchmark driver for the tiny model's Swift forward pass (LlamaModel with a sliding window) (a package executable, built with the
// app so it can never fall out of step with JourneyCore; not a test).
// scripts/bench_tiny_gpt.py builds it in release and prints a table;
// usage: TinyGPTBench WEIGHTS MANIFEST REPEATS
import Foundation
import JourneyCore

let arguments = CommandLine.arguments
guard arguments.count == 4, let repeats = Int(arguments[3]), repeats > 0 else {
  print("usage: TinyGPTBench WEIGHTS MANIFEST REPEATS")
  exit(64)
}
let model: LlamaModel
do {
  model = try TinyGPT.load(
    weights: URL(fileURLWithPath: arguments[1]), manifest: URL(fileURLWithPath: arguments[2]))
} catch {
  print("\(error)")
  exit(1)
}
let window = model.config.contextLength
let stream = (0..<(window + repeats * window)).map { ($0 * 37 + 11) % model.vocabulary.count }
let tokens = Array(stream[..<window])
var sink: Float = 0

func seconds(_ body: () -> Void) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

// Generation loop over the first window: each step extends the cache by one position.
let cached = seconds {
  for _ in 0..<repeats {
    for (position, token) in tokens.enumerated() {
      sink += model.step(token: token, position: position)[0]
    }
  }
}
// The whole window from scratch, as the Journey pays for a fresh context (the cache emptied,
// every position run, the last one's attention, norms and lens recorded).
let full = seconds {
  for _ in 0..<repeats {
    model.forget()
    sink += Float(model.forward(context: tokens).logits[0])
  }
}
// A long run past the window: every step slides the window by one position (the ring-buffer
// cache overwrites its oldest row; nothing is recomputed).
for (position, token) in tokens.enumerated() { _ = model.step(token: token, position: position) }
let slides = repeats * window
let sliding = seconds {
  for position in window..<(window + slides) {
    sink += model.step(token: stream[position], position: position)[0]
  }
}
print(
  "{\"cached_step_us\": \(cached / Double(repeats * window) * 1e6), "
    + "\"full_window_us\": \(full / Double(repeats) * 1e6), "
    + "\"sliding_step_us\": \(sliding / Double(slides) * 1e6), \"sink\": \(sink.isFinite)}")
