/// The screens of the panel, in tab order.
public enum ScreenID: String, CaseIterable, Sendable {
  case forge, journey, lifecycle, exercises, reading

  /// The tab label.
  public var title: String {
    switch self {
    case .forge: return "Forge"
    case .journey: return "Token Journey"
    case .lifecycle: return "Lifecycle"
    case .exercises: return "Exercises"
    case .reading: return "Reading"
    }
  }

  /// A shorter label for narrow terminals.
  public var shortTitle: String {
    switch self {
    case .journey: return "Journey"
    default: return title
    }
  }

  /// The function key that opens this screen (F1 for the first tab, …).
  public var functionKey: Int { ScreenID.allCases.firstIndex(of: self)! + 1 }

  /// A screen by its name on the command line (`--screen journey`), case-insensitive.
  public static func named(_ name: String) -> ScreenID? {
    let n = name.lowercased()
    return allCases.first { $0.rawValue == n || $0.title.lowercased() == n }
  }

  /// The next (or previous) tab, wrapping around.
  public func cycled(by step: Int) -> ScreenID {
    let all = ScreenID.allCases
    let i = all.firstIndex(of: self)!
    return all[((i + step) % all.count + all.count) % all.count]
  }
}

/// One key (or key group) and what it does, for the hint bar and the help overlay. Screens
/// make these from their `Keymap`, never by hand.
public struct KeyHelp: Hashable, Sendable {
  public var keys: String
  public var action: String
  /// The hint bar's label; nil: only the help overlay lists the entry.
  public var hint: String?
  /// When the hint bar is too narrow, lower priorities are dropped first.
  public var priority: Int

  /// Shown in the one-line hint bar (the help overlay lists every entry).
  public var inHintBar: Bool { hint != nil }

  public init(_ keys: String, _ action: String, inHintBar: Bool = true, priority: Int = 0) {
    self.init(keys, action, hint: inHintBar ? action : nil, priority: priority)
  }

  public init(_ keys: String, _ action: String, hint: String?, priority: Int = 0) {
    self.keys = keys
    self.action = action
    self.hint = hint
    self.priority = priority
  }
}
