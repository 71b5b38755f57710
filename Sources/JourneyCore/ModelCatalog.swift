import Assets
import Foundation

/// Turns a model name from the command line or the screen's model switcher into a model:
/// "seed-toy", "corpus", "tiny-gpt", or a path to a corpus text file.
public struct ModelCatalog: Sendable {
  /// A named model the catalog can load.
  public struct Entry: Sendable {
    public let name: String
    public let summary: String
    /// Loads the model; errors should describe themselves in one line (like `ModelError`).
    public let load: @Sendable () throws -> any LanguageModel

    public init(
      name: String, summary: String,
      load: @escaping @Sendable () throws -> any LanguageModel
    ) {
      self.name = name
      self.summary = summary
      self.load = load
    }
  }

  /// Named models in switcher order.
  public private(set) var entries: [Entry]

  public init(entries: [Entry] = ModelCatalog.bundled + ModelCatalog.fromEnvironment()) {
    self.entries = entries
  }

  /// The environment variables naming a llama2.c checkpoint and its tokenizer; with both set,
  /// the catalog offers that model after the bundled ones (the panel's --checkpoint and
  /// --tokenizer set them).
  public static let checkpointVariable = "FULLSTACK_CHECKPOINT"
  public static let tokenizerVariable = "FULLSTACK_TOKENIZER"

  /// An entry for the checkpoint the environment names, or none.
  public static func fromEnvironment(
    _ environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> [Entry] {
    guard let checkpoint = environment[checkpointVariable], !checkpoint.isEmpty,
      let tokenizer = environment[tokenizerVariable], !tokenizer.isEmpty
    else { return [] }
    return [llamaEntry(checkpoint: checkpoint, tokenizer: tokenizer)]
  }

  /// A llama2.c checkpoint as a catalog entry, named after its file ("stories260K").
  public static func llamaEntry(checkpoint: String, tokenizer: String) -> Entry {
    let name = ((checkpoint as NSString).lastPathComponent as NSString).deletingPathExtension
    return Entry(name: name, summary: "llama2.c checkpoint \(checkpoint)") {
      try LlamaModel.load(checkpoint: checkpoint, tokenizer: tokenizer)
    }
  }

  /// The model the CLI and the screen start with.
  public static let defaultName = "corpus"

  /// The models shipped under Assets.
  public static let bundled: [Entry] = [
    Entry(name: "seed-toy", summary: "the seed's 14-word toy bigram table (scores as logits)") {
      try seedToy()
    },
    Entry(name: "corpus", summary: "log-count bigram of the bundled corpus") {
      try CorpusLoader.model(at: try assetPath("corpus.txt"), name: "corpus")
    },
    Entry(
      name: "tiny-gpt",
      summary:
        "a 2-layer, 2-head word-level transformer (Llama-shaped, 32-token sliding window) "
        + "trained on the bundled corpus"
    ) {
      try TinyGPT.loadBundled()
    },
  ]

  /// Adds (or replaces) a named model, e.g. the tiny transformer.
  public mutating func register(_ entry: Entry) {
    entries.removeAll { $0.name == entry.name }
    entries.append(entry)
  }

  public var names: [String] { entries.map(\.name) }

  /// Loads a named model, or treats anything that is not a name as a corpus file path.
  public func load(_ nameOrPath: String) throws -> any LanguageModel {
    if let entry = entries.first(where: { $0.name == nameOrPath }) { return try entry.load() }
    let looksLikePath = nameOrPath.contains("/") || nameOrPath.contains(".")
    guard looksLikePath || FileManager.default.fileExists(atPath: nameOrPath) else {
      throw ModelError(
        file: nameOrPath,
        problem: "unknown model; choose \(names.joined(separator: ", ")) or a corpus file path")
    }
    return try CorpusLoader.model(at: nameOrPath)
  }

  /// The seed's toy table, read from Assets/data/seed-toy.txt.
  public static func seedToy() throws(ModelError) -> BigramModel {
    let path = try assetPath("seed-toy.txt")
    let text = try CorpusLoader.text(at: path)
    return try BigramModel(
      table: text, source: path, name: "seed-toy",
      summary: "the seed's toy bigram: 14 words, scores used as logits")
  }

  private static func assetPath(_ name: String) throws(ModelError) -> String {
    guard let url = AssetFiles.url(name) else {
      throw ModelError(file: name, problem: "missing from the app's bundled data")
    }
    return url.path
  }
}
