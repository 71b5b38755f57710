// Benchmark driver for the tiny GPT's Swift forward pass (not part of the package).
// scripts/bench_tiny_gpt.py compiles it with swiftc -O together with the TinyGPT sources
// and prints a table; usage: tiny-gpt-bench WEIGHTS MANIFEST REPEATS
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 4, let repeats = Int(arguments[3]), repeats > 0 else {
  print("usage: tiny-gpt-bench WEIGHTS MANIFEST REPEATS")
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
let tokens = (0..<window).map { ($0 * 37 + 11) % model.vocabulary.count }
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
print(
  "{\"cached_step_us\": \(cached / Double(repeats * window) * 1e6), "
    + "\"full_window_us\": \(full / Double(repeats) * 1e6), \"sink\": \(sink.isFinite)}")
