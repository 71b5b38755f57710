import Foundation

/// A lookup-table language model: the last token's row of scores is the next token's logits.
///
/// Its "embedding" is that same row (a bigram reads its logits straight out of the table it
/// embeds into), it has no layers, and its one attention head puts all weight on the last
/// token of the context, because that is the only token it reads.
public final class BigramModel: LanguageModel {
  public let name: String
  public let summary: String
  public let vocabulary: Vocabulary
  /// For each vocabulary id, its possible successors and their logits, in table order.
  public let successors: [[(id: Int, logit: Double)]]

  public var layerCount: Int { 0 }
  public var headCount: Int { 1 }
  public var contextLimit: Int? { nil }

  public init(
    name: String, summary: String, vocabulary: Vocabulary,
    successors: [[(id: Int, logit: Double)]]
  ) {
    precondition(successors.count == vocabulary.count, "one successor row per token")
    self.name = name
    self.summary = summary
    self.vocabulary = vocabulary
    self.successors = successors
  }

  /// The full logit row for one token: its successors' scores, `-infinity` elsewhere.
  public func logits(after id: Int) -> [Double] {
    var row = [Double](repeating: -.infinity, count: vocabulary.count)
    for successor in successors[id] { row[successor.id] = successor.logit }
    return row
  }

  public func forward(context: [Int]) -> ForwardPass {
    precondition(!context.isEmpty, "a forward pass needs at least one token")
    let row = logits(after: context[context.count - 1])
    var attention = [Double](repeating: 0, count: context.count)
    attention[context.count - 1] = 1
    return ForwardPass(logits: row, attention: [[attention]], embedding: row)
  }
}

extension BigramModel {
  /// A log-count bigram from a token stream: logit = log(count) for every observed pair,
  /// `-infinity` for the rest. The stream is read as one sequence, so "." is followed by
  /// the first word of the next sentence and sentences can start after it.
  public convenience init(counting tokens: some Sequence<String>, name: String, summary: String) {
    var counter = BigramCounter()
    for token in tokens { counter.add(token) }
    self.init(counter, name: name, summary: summary)
  }

  convenience init(_ counter: BigramCounter, name: String, summary: String) {
    self.init(
      name: name, summary: summary, vocabulary: Vocabulary(counter.tokens),
      successors: counter.pairs.map { row in row.map { ($0.id, log(Double($0.count))) } })
  }

  /// A table written as lines of `previous next score` (blank lines and `#` comments skipped).
  /// Vocabulary ids follow first appearance; each row keeps its successors in file order.
  public convenience init(table text: String, source: String, name: String, summary: String)
    throws(ModelError)
  {
    var entries: [(String, String, Double)] = []
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let fields = line.split(whereSeparator: \.isWhitespace)
      if fields.isEmpty || fields[0].hasPrefix("#") { continue }
      guard fields.count == 3, let score = Double(fields[2]), score.isFinite else {
        throw ModelError(
          file: source, problem: "line \(number + 1) is not 'previous next score': \(line)")
      }
      entries.append((String(fields[0]), String(fields[1]), score))
    }
    var order: [String] = []
    for (previous, next, _) in entries {
      for token in [previous, next] where !order.contains(token) { order.append(token) }
    }
    let vocabulary = Vocabulary(order)
    var rows = [[(id: Int, logit: Double)]](repeating: [], count: order.count)
    for (previous, next, score) in entries {
      let (p, n) = (vocabulary.id(of: previous)!, vocabulary.id(of: next)!)
      guard !rows[p].contains(where: { $0.id == n }) else {
        throw ModelError(file: source, problem: "the pair '\(previous) \(next)' appears twice")
      }
      rows[p].append((n, score))
    }
    guard !entries.isEmpty else { throw ModelError(file: source, problem: "the table is empty") }
    self.init(name: name, summary: summary, vocabulary: vocabulary, successors: rows)
  }
}

/// Counts tokens and adjacent pairs as a stream goes by, with ids in first-appearance order.
struct BigramCounter {
  private(set) var tokens: [String] = []
  private(set) var occurrences: [Int] = []
  /// For each id, its successors with their pair counts, in first-seen order.
  private(set) var pairs: [[(id: Int, count: Int)]] = []
  private var ids: [String: Int] = [:]
  private var slots: [[Int: Int]] = []
  private var previous: Int?

  mutating func add(_ token: String) {
    let id = ids[token] ?? intern(token)
    occurrences[id] += 1
    if let p = previous {
      if let slot = slots[p][id] {
        pairs[p][slot].count += 1
      } else {
        slots[p][id] = pairs[p].count
        pairs[p].append((id, 1))
      }
    }
    previous = id
  }

  func occurrences(of token: String) -> Int { ids[token].map { occurrences[$0] } ?? 0 }

  private mutating func intern(_ token: String) -> Int {
    ids[token] = tokens.count
    tokens.append(token)
    occurrences.append(0)
    pairs.append([])
    slots.append([:])
    return tokens.count - 1
  }
}

/// A model or corpus that could not be loaded: which file, and what is wrong with it.
public struct ModelError: Error, Equatable, CustomStringConvertible {
  public let file: String
  public let problem: String

  public init(file: String, problem: String) {
    self.file = file
    self.problem = problem
  }

  public var description: String { "\(file): \(problem)" }
}
