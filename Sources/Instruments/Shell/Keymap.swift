import TerminalUI

/// One row of a screen's key table: the keys, the action each produces, and how the help
/// overlay and the hint bar name them. A row with no keys only describes (the mouse).
public struct KeyBinding<Action: Sendable>: Sendable {
  /// The keys as help and the hint bar show them ("Left/Right", "[ ]").
  public var name: String
  /// What the keys do, for the help overlay.
  public var help: String
  /// The hint bar's short label; nil keeps the row out of the hint bar.
  public var label: String?
  /// When the hint bar is too narrow, lower priorities are dropped first.
  public var priority: Int
  /// Each key and the action it produces, in the order they are named.
  public var actions: [(key: Key, action: Action)]

  /// A row of keys. `.helpOnly` keeps it out of the hint bar; `.same` (the default) shows
  /// the help text there too.
  public init(
    _ name: String, _ help: String, label: Label = .same, priority: Int = 0,
    _ actions: [(key: Key, action: Action)]
  ) {
    self.name = name
    self.help = help
    switch label {
    case .same: self.label = help
    case .helpOnly: self.label = nil
    case .short(let text): self.label = text
    }
    self.priority = priority
    self.actions = actions
  }

  /// A row where every key gives the same action.
  public init(
    _ name: String, _ help: String, label: Label = .same, priority: Int = 0,
    keys: [Key], _ action: Action
  ) {
    self.init(name, help, label: label, priority: priority, keys.map { ($0, action) })
  }

  /// A text field's editing keys (`TextField.Edit`), each giving `edit` of its edit; the
  /// rows named in `hinted` also show in the hint bar, the rest only in help.
  static func textField(
    hinted: Set<String>, _ edit: (TextField.Edit) -> Action
  ) -> [KeyBinding] {
    func label(_ name: String) -> Label { hinted.contains(name) ? .same : .helpOnly }
    return [
      KeyBinding(
        "Backspace", "delete", label: label("Backspace"), keys: [.backspace], edit(.backspace)),
      KeyBinding(
        "Ctrl-U", "clear", label: label("Ctrl-U"), keys: [.ctrl("u")], edit(.deleteToStart)),
      KeyBinding(
        "Ctrl-W", "delete word", label: label("Ctrl-W"), keys: [.ctrl("w")], edit(.deleteWord)),
      KeyBinding(
        "Left/Right Home/End", "move the cursor", label: .helpOnly,
        [(.left, edit(.left)), (.right, edit(.right)), (.home, edit(.home)), (.end, edit(.end))]),
      KeyBinding(
        "Delete", "delete forward", label: .helpOnly, keys: [.delete], edit(.deleteForward)),
    ]
  }

  /// A row that only describes (a mouse gesture): in help, never matched.
  public static func note(_ name: String, _ help: String) -> KeyBinding {
    KeyBinding(name, help, label: .helpOnly, [])
  }

  /// What the hint bar shows for a row.
  public enum Label: Sendable {
    /// The help text.
    case same
    /// Help only, not in the hint bar.
    case helpOnly
    /// A shorter text than the help's.
    case short(String)
  }

  /// The same row producing another screen's actions (a host screen embedding a widget's).
  public func map<Other: Sendable>(
    label: Label? = nil, _ transform: (Action) -> Other
  ) -> KeyBinding<Other> {
    var row = KeyBinding<Other>(
      name, help, priority: priority, actions.map { ($0.key, transform($0.action)) })
    row.label = self.label
    if let label {
      switch label {
      case .same: row.label = help
      case .helpOnly: row.label = nil
      case .short(let text): row.label = text
      }
    }
    return row
  }

  /// The row as the hint bar and the help overlay take it.
  public var keyHelp: KeyHelp {
    KeyHelp(name, help, hint: label, priority: priority)
  }
}

/// A screen's key table for the state it is in: the rows that apply now, in the order help
/// lists them. `action(for:)` is the only way a key reaches `update`, and `help` is the only
/// source of the hint bar and the help overlay, so the two cannot drift apart.
public struct Keymap<Action: Sendable>: Sendable {
  public var bindings: [KeyBinding<Action>]
  /// While a text field has the keys, printable characters become this action (when no row
  /// names them first).
  public var text: (@Sendable (Character) -> Action?)?
  /// Every key gives this action, before any row is looked at (AUTO: any key stops it). It
  /// is listed in help after the rows.
  public var anyKey: AnyKey?

  /// A rule that takes every key.
  public struct AnyKey: Sendable {
    public var name: String
    public var help: String
    public var action: Action
    public init(_ name: String, _ help: String, _ action: Action) {
      self.name = name
      self.help = help
      self.action = action
    }
  }

  public init(
    _ bindings: [KeyBinding<Action>], text: (@Sendable (Character) -> Action?)? = nil,
    anyKey: AnyKey? = nil
  ) {
    self.bindings = bindings
    self.text = text
    self.anyKey = anyKey
  }

  /// The action a key produces in this state, or nil: then the key does nothing.
  public func action(for key: Key) -> Action? {
    if let anyKey { return anyKey.action }
    for binding in bindings {
      if let hit = binding.actions.first(where: { $0.key == key }) { return hit.action }
    }
    if case .char(let c) = key, let text { return text(c) }
    return nil
  }

  /// How help names a key and what it does, or nil (text entry and unbound keys have none).
  public func entry(for key: Key) -> KeyHelp? {
    if let anyKey { return KeyHelp(anyKey.name, anyKey.help, hint: nil) }
    return bindings.first { $0.actions.contains { $0.key == key } }?.keyHelp
  }

  /// The rows for the hint bar and the help overlay.
  public var help: [KeyHelp] {
    bindings.map(\.keyHelp) + (anyKey.map { [KeyHelp($0.name, $0.help, hint: nil)] } ?? [])
  }

  /// This table with another's rows after its own.
  public static func + (a: Keymap, b: [KeyBinding<Action>]) -> Keymap {
    Keymap(a.bindings + b, text: a.text, anyKey: a.anyKey)
  }
}
