// Benchmark driver for the Llama forward pass (not part of the package).
// scripts/bench/llama_bench.py compiles it with swiftc -O -wmo together with Sources/JourneyCore
// (minus the two files that read the app's bundled assets) and prints a table.
// usage: llama-bench CHECKPOINT TOKENIZER REPEATS
// Prints one JSON line: µs a position for greedy decoding over the whole context (the KV cache
// filled from position 0 to the last, the argmax fed back, BOS not treated as the end), best
// and median of REPEATS passes in wall-clock time and in the thread's CPU time (which other
// processes on a shared machine do not inflate), and the first 64 tokens it chose.
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

func cpuSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let repeats = Int(arguments[3]), repeats > 0 else {
  print("usage: llama-bench CHECKPOINT TOKENIZER REPEATS")
  exit(64)
}
let model: LlamaModel
do {
  model = try LlamaModel.load(checkpoint: arguments[1], tokenizer: arguments[2])
} catch {
  print("\(error)")
  exit(1)
}
let positions = model.config.contextLength
var chosen: [Int] = []
var times: [Double] = []
var cpuTimes: [Double] = []
for _ in 0..<repeats {
  var token = LlamaTokenizer.bos
  var picked: [Int] = []
  picked.reserveCapacity(positions)
  let start = DispatchTime.now().uptimeNanoseconds
  let cpuStart = cpuSeconds()
  for position in 0..<positions {
    let logits = model.step(token: token, position: position)
    token = Kernels.argmax(logits.baseAddress!, count: logits.count)
    picked.append(token)
  }
  let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  cpuTimes.append((cpuSeconds() - cpuStart) / Double(positions) * 1e6)
  times.append(elapsed / Double(positions) * 1e6)
  chosen = picked
}
let sorted = times.sorted()
let cpuSorted = cpuTimes.sorted()
print(
  "{\"positions\": \(positions), \"best_us\": \(sorted[0]), "
    + "\"median_us\": \(sorted[sorted.count / 2]), \"cpu_best_us\": \(cpuSorted[0]), "
    + "\"cpu_median_us\": \(cpuSorted[cpuSorted.count / 2]), "
    + "\"tokens\": \(Array(chosen.prefix(64)))}")
