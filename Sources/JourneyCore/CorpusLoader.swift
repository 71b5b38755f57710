import Foundation

/// Reads a text file into a log-count bigram model, refusing files it cannot honestly use.
public enum CorpusLoader {
  /// Files larger than this are refused rather than read into memory.
  public static let byteLimit = 50_000_000

  /// The checked text of a corpus file, or a `ModelError` naming the file and the problem.
  public static func text(at path: String) throws(ModelError) -> String {
    func refuse(_ problem: String) -> ModelError { ModelError(file: path, problem: problem) }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw refuse("no such file")
    }
    guard !isDirectory.boolValue else { throw refuse("is a directory, not a text file") }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size <= byteLimit else {
      throw refuse("is \(size) bytes; corpora are limited to \(byteLimit) bytes (50 MB)")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw refuse("cannot be read (check its permissions)")
    }
    guard data.count <= byteLimit else {
      throw refuse("is over \(byteLimit) bytes; corpora are limited to 50 MB")
    }
    guard !data.isEmpty else { throw refuse("is empty") }
    if let offset = data.firstIndex(of: 0) {
      throw refuse("looks binary: NUL byte at offset \(offset - data.startIndex)")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw refuse("looks binary: it is not valid UTF-8 text")
    }
    return text
  }

  /// A bigram model over the file's tokens. The file must contain at least one token and at
  /// least one sentence end ("."), so generation has somewhere to stop.
  public static func model(at path: String, name: String? = nil) throws(ModelError)
    -> BigramModel
  {
    var counter = BigramCounter()
    for token in TokenStream(try text(at: path)) { counter.add(token) }
    let sentences = counter.occurrences(of: Tokenizer.sentenceEnd)
    guard !counter.tokens.isEmpty else {
      throw ModelError(file: path, problem: "holds no tokens (only whitespace)")
    }
    guard sentences > 0 else {
      throw ModelError(file: path, problem: "has no sentences: no token is a period '.'")
    }
    let label = name ?? URL(fileURLWithPath: path).lastPathComponent
    let words = counter.tokens.count
    return BigramModel(
      counter, name: label,
      summary: "log-count bigram of \(label): \(sentences) sentences, \(words) distinct tokens")
  }
}
