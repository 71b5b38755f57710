import Foundation
import JourneyCore

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// `fullstack journey --checkpoint FILE --tokenizer FILE`: generation with a llama2.c
/// checkpoint, printed the way llama2.c's `run.c` prints it: the prompt's pieces, then each
/// generated piece as it comes, then one newline.
struct LlamaJourney {
  enum SamplerKind: String {
    case numpy, llama2c
  }

  let model: LlamaModel
  let tokenizer: LlamaTokenizer
  let prompt: String
  let tokens: Int
  let temperature: Double
  let topK: Int?
  let topP: Double?
  let seed: UInt64
  let sampler: SamplerKind
  let untilPeriod: Bool
  let reportSpeed: Bool

  /// Checks the settings against the model; a problem is one line for a usage error.
  static func problem(
    temperature: Double, topK: Int?, topP: Double?, seed: UInt64, sampler: SamplerKind
  ) -> String? {
    switch sampler {
    case .numpy:
      return SamplerSettings(temperature: temperature, topK: topK, topP: topP).problem
    case .llama2c:
      if topK != nil { return "--top-k does not exist in llama2.c's sampler (use --sampler numpy)" }
      if temperature < 0 { return "--temperature must be 0 (greedy) or more (got \(temperature))" }
      if let p = topP, !(0...1).contains(p) {
        return "--top-p must be from 0 to 1 with --sampler llama2c (0 and 1 turn it off; got \(p))"
      }
      if temperature > 0 && seed == 0 {
        return "--sampler llama2c needs --seed 1 or more when it samples "
          + "(its xorshift stream stays at 0 from seed 0; run.c refuses it too)"
      }
      return nil
    }
  }

  /// Runs the generation, writing to standard output; returns a usage problem, if any.
  func run() -> String? {
    let ids = tokenizer.encode(prompt)
    let context = model.config.contextLength
    guard ids.count - 1 + tokens <= context else {
      return "--tokens \(tokens) runs past \(model.name)'s \(context)-position context "
        + "(the prompt takes \(ids.count) with BOS; at most \(context - ids.count + 1) more fit)"
    }
    var numpy = NumpyRandom(seed: seed)
    var llama2c = Llama2cSampler(
      temperature: Float(temperature), topP: Float(topP ?? Double(Llama2cSampler.defaultTopP)),
      seed: seed)
    let settings = SamplerSettings(temperature: temperature, topK: topK, topP: topP)
    var logits = [Float](repeating: 0, count: model.config.vocabSize)
    var out = OutputBuffer()
    var token = ids[0]
    var position = 0
    var generated = 0
    let start = DispatchTime.now().uptimeNanoseconds
    while generated < tokens {
      let next: Int
      let produced = model.step(token: token, position: position)
      if position < ids.count - 1 {
        next = ids[position + 1]
      } else {
        generated += 1
        if temperature == 0 {
          next = Kernels.argmax(produced.baseAddress!, count: produced.count)
        } else {
          switch sampler {
          case .llama2c:
            next = logits.withUnsafeMutableBufferPointer { buffer in
              _ = buffer.update(fromContentsOf: produced)
              return llama2c.sample(buffer)
            }
          case .numpy:
            let distribution = Sampler.distribution(
              logits: produced.map(Double.init), settings: settings)!
            next = Sampler.sample(distribution, random: &numpy)
          }
        }
      }
      position += 1
      // As in run.c: BOS delimits stories, so a generated BOS ends the text.
      if next == LlamaTokenizer.bos { break }
      let piece = tokenizer.decode(previous: token, token: next)
      out.write(LlamaTokenizer.printable(piece))
      token = next
      if untilPeriod && position >= ids.count && piece.last == UInt8(ascii: ".") { break }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    out.write([0x0A])
    out.flush()
    if reportSpeed {
      Stderr.line(
        String(
          format: "%d positions in %.6f s: %.1f µs a position, %.0f tok/s", position, seconds,
          seconds / Double(max(position, 1)) * 1e6, Double(position) / seconds))
    }
    return nil
  }
}

/// Standard output in raw bytes (pieces may be parts of a UTF-8 character). On a terminal each
/// piece is written as it comes, like run.c's `fflush`; into a pipe or file it is buffered.
private struct OutputBuffer {
  private let live = isatty(STDOUT_FILENO) != 0
  private var pending: [UInt8] = []

  mutating func write(_ bytes: some Collection<UInt8>) {
    pending += bytes
    if live || pending.count >= 1 << 16 { flush() }
  }

  mutating func flush() {
    var done = 0
    while done < pending.count {
      let n = pending.withUnsafeBufferPointer {
        systemWrite(STDOUT_FILENO, $0.baseAddress! + done, $0.count - done)
      }
      if n <= 0 { break }
      done += n
    }
    pending.removeAll(keepingCapacity: true)
  }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafePointer<UInt8>, _ count: Int) -> Int {
  write(fd, buffer, count)
}
