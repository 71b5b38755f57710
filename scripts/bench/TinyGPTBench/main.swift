// Benchmark driver for the tiny GPT's Swift forward pass (a package executable, built with the
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
let model: TinyGPT
do {
  model = try TinyGPT.load(
    weights: URL(fileURLWithPath: arguments[1]), manifest: URL(fileURLWithPath: arguments[2]))
} catch {
  print("\(error)")
  exit(1)
}
let window = model.architecture.context
let stream = (0..<(window + repeats * window)).map { ($0 * 37 + 11) % model.vocabulary.count }
let tokens = Array(stream[..<window])
var sink = 0.0

func seconds(_ body: () -> Void) -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

// Generation loop: each call extends the previous context by one token (KV cache reused).
let cached = seconds {
  for _ in 0..<repeats {
    for n in 1...window { sink += model.forward(context: Array(tokens[..<n])).logits[0] }
  }
}
// Full window recomputed on every call (the first token alternates, so the cache misses).
let full = seconds {
  for r in 0..<repeats {
    var context = tokens
    context[0] = r % 2
    sink += model.forward(context: context).logits[0]
  }
}
// A long run past the window: every call slides the window by one token.
_ = model.forward(context: Array(stream[..<window]))
let slides = repeats * window
let sliding = seconds {
  for end in (window + 1)...(window + slides) {
    sink += model.forward(context: Array(stream[(end - window)..<end])).logits[0]
  }
}
print(
  "{\"cached_step_us\": \(cached / Double(repeats * window) * 1e6), "
    + "\"full_window_us\": \(full / Double(repeats) * 1e6), "
    + "\"sliding_step_us\": \(sliding / Double(slides) * 1e6), \"sink\": \(sink.isFinite)}")
