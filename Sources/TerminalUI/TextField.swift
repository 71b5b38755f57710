/// A one-line text field: its text, a cursor, and whether the whole text is selected (as it is
/// when the field opens on an old value, so that typing replaces it). Edits follow the shell's
/// line editor: Ctrl-U deletes back to the start, Ctrl-W the word before the cursor.
public struct TextField: Equatable, Sendable {
  public private(set) var text: [Character]
  /// Where the next character goes, 0 ... text.count.
  public private(set) var cursor: Int
  /// The whole text is selected: typing or deleting replaces all of it.
  public private(set) var selected: Bool

  /// What a key does to the field.
  public enum Edit: Equatable, Sendable {
    case type(Character)
    case backspace, deleteForward
    case left, right, home, end
    /// Ctrl-U: delete from the start to the cursor.
    case deleteToStart
    /// Ctrl-W: delete the word before the cursor (and the spaces after it).
    case deleteWord
  }

  /// A field holding `text`, the cursor at its end, all of it selected when `selected`.
  public init(_ text: String = "", selected: Bool = false) {
    self.text = Array(text)
    cursor = self.text.count
    self.selected = selected && !text.isEmpty
  }

  public var string: String { String(text) }

  public mutating func apply(_ edit: Edit) {
    if selected {
      selected = false
      switch edit {
      case .type, .backspace, .deleteForward, .deleteToStart, .deleteWord:
        text = []
        cursor = 0
        if case .type(let c) = edit { insert(c) }
        return
      case .left, .home: cursor = 0
      case .right, .end: cursor = text.count
      }
      return
    }
    switch edit {
    case .type(let c): insert(c)
    case .backspace:
      guard cursor > 0 else { return }
      text.remove(at: cursor - 1)
      cursor -= 1
    case .deleteForward:
      if cursor < text.count { text.remove(at: cursor) }
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(text.count, cursor + 1)
    case .home: cursor = 0
    case .end: cursor = text.count
    case .deleteToStart:
      text.removeSubrange(0..<cursor)
      cursor = 0
    case .deleteWord:
      var start = cursor
      while start > 0, text[start - 1] == " " { start -= 1 }
      while start > 0, text[start - 1] != " " { start -= 1 }
      text.removeSubrange(start..<cursor)
      cursor = start
    }
  }

  private mutating func insert(_ c: Character) {
    text.insert(c, at: cursor)
    cursor += 1
  }

  /// The field as styled text: a selection drawn in `selection`; otherwise the cell under the
  /// cursor drawn in `cursorStyle` (a blank cell after the text when the cursor is at its end).
  public func styled(text textStyle: Style, selection: Style, cursor cursorStyle: Style)
    -> StyledText
  {
    if selected { return StyledText(string, style: selection) }
    var out = StyledText(String(text[..<cursor]), style: textStyle)
    if cursor < text.count {
      out.append(String(text[cursor]), style: cursorStyle)
      out.append(String(text[(cursor + 1)...]), style: textStyle)
    } else {
      out.append(" ", style: cursorStyle)
    }
    return out
  }
}
