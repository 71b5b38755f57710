import Foundation

/// The bundled tiny model: a 2-layer word-level transformer in the Llama shape (RMSNorm,
/// rotary positions, SwiGLU, attention over a sliding 32-token window) trained on the bundled
/// corpus. Its weights are a llama2.c checkpoint, so it runs on `LlamaModel` — the same
/// loader, forward pass and kernels as a real Llama — with a ring-buffer cache and the
/// manifest's word vocabulary.
public enum TinyGPT {
  /// The name the catalog and the command line use.
  public static let name = "tiny-gpt"

  /// Loads a manifest and its checkpoint, refusing anything inconsistent with a
  /// `ModelError` that names the file.
  public static func load(weights: URL, manifest: URL) throws(ModelError) -> LlamaModel {
    let manifestFile = manifest.lastPathComponent
    let data: Data
    do {
      data = try Data(contentsOf: manifest)
    } catch {
      throw ModelError(file: manifestFile, problem: "cannot be read")
    }
    let decoded = try TinyGPTManifest.decode(data, file: manifestFile)
    let checkpoint = try LlamaWeights.mapCheckpoint(at: weights.path)
    if let problem = decoded.architecture.disagreement(
      with: checkpoint.config, manifest: manifestFile)
    {
      throw ModelError(file: weights.lastPathComponent, problem: problem)
    }
    return LlamaModel(
      weights: checkpoint, name: name, vocabulary: Vocabulary(decoded.vocabulary),
      summary: summary(decoded), slidingWindow: true)
  }

  /// One line for screens and help.
  static func summary(_ manifest: TinyGPTManifest) -> String {
    let a = manifest.architecture
    var text =
      "tiny GPT: \(a.layers) layers × \(a.heads) heads, d_model \(a.dModel), "
      + "sliding window \(a.window), \(a.vocabSize) words"
    if let loss = manifest.loss {
      let fmt = { (x: Double) in String(format: "%.2f", x) }
      text +=
        "; held-out loss \(fmt(loss.transformer.heldout)) (bigram \(fmt(loss.bigram.heldout)))"
    }
    return text
  }
}
