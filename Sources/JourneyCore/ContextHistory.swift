/// The token ids of a generation run, with bounded storage: only the most recent tokens are
/// kept, so a 100,000-token AUTO run uses the same memory as a 2,000-token one.
///
/// Positions are absolute (counted from the first prompt token) so the prompt/generated
/// boundary survives trimming.
public struct ContextHistory: Hashable, Sendable {
  /// How many recent tokens are always available; storage never exceeds twice this.
  public let capacity: Int
  /// How many of the first tokens were the prompt.
  public let promptCount: Int
  /// The stored tokens; the first has absolute position `droppedCount`.
  public private(set) var stored: [Int]
  /// Tokens trimmed from the front so far.
  public private(set) var droppedCount = 0

  public init(prompt: [Int], capacity: Int = 1024) {
    precondition(capacity >= 1, "history capacity must be positive")
    self.capacity = capacity
    promptCount = prompt.count
    stored = []
    for id in prompt { append(id) }
  }

  /// Every token ever appended, prompt included.
  public var totalCount: Int { droppedCount + stored.count }
  /// Tokens generated after the prompt.
  public var generatedCount: Int { totalCount - promptCount }
  public var last: Int? { stored.last }

  public func isPrompt(position: Int) -> Bool { position < promptCount }

  /// The most recent `limit` tokens (at most `capacity`), oldest first, and the absolute
  /// position of the first of them.
  public func window(_ limit: Int? = nil) -> (tokens: ArraySlice<Int>, start: Int) {
    let tokens = stored.suffix(min(limit ?? capacity, capacity))
    return (tokens, totalCount - tokens.count)
  }

  public mutating func append(_ id: Int) {
    stored.append(id)
    if stored.count >= 2 * capacity {
      let excess = stored.count - capacity
      stored.removeFirst(excess)
      droppedCount += excess
    }
  }
}
