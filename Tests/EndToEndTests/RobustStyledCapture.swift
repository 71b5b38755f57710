/// A pane captured with `capture-pane -e`, decoded back into cells: each character with the
/// colours and attributes tmux says it has. Enough SGR for what tmux writes (reset, bold,
/// dim, italic, underline, blink, reverse and their offs; 8, 16, 256 and RGB colours).
struct StyledCapture {
  struct Style: Hashable {
    /// SGR colour codes as written ("31", "38;5;245", "38;2;1;2;3"); nil is the default.
    var fg: String?
    var bg: String?
    var attributes: Set<Int> = []
  }

  struct Cell: Equatable {
    var character: Character
    var style: Style
  }

  var rows: [[Cell]] = []
  /// Every colour code that appeared, foreground and background.
  var colorCodes: Set<String> = []

  init(_ text: String) {
    var style = Style()
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var row: [Cell] = []
      var chars = Array(line)[...]
      while let c = chars.first {
        chars = chars.dropFirst()
        guard c == "\u{1B}", chars.first == "[" else {
          row.append(Cell(character: c, style: style))
          continue
        }
        let body = chars.dropFirst().prefix { !$0.isLetter }
        chars = chars.dropFirst(1 + body.count + 1)  // "[", parameters, final letter
        apply(String(body).split(separator: ";").compactMap { Int($0) }, to: &style)
      }
      rows.append(row)
    }
  }

  private mutating func apply(_ codes: [Int], to style: inout Style) {
    var i = 0
    let codes = codes.isEmpty ? [0] : codes
    while i < codes.count {
      let code = codes[i]
      var color: String?
      switch code {
      case 0: style = Style()
      case 1...9: style.attributes.insert(code)
      case 21, 22: style.attributes.subtract([1, 2])
      case 23...29: style.attributes.remove(code - 20)
      case 38, 48:
        let n = i + 1 < codes.count && codes[i + 1] == 2 ? 4 : 2
        color = codes[i...min(i + n, codes.count - 1)].map(String.init).joined(separator: ";")
        i += n
      case 39: style.fg = nil
      case 49: style.bg = nil
      default: color = String(code)
      }
      if let color {
        colorCodes.insert(color)
        if color.hasPrefix("3") || color.hasPrefix("9") {
          style.fg = color
        } else {
          style.bg = color
        }
      }
      i += 1
    }
  }

  /// The rows as a person sees them, whichever way tmux wrote the resets into the capture
  /// and whichever pen the app crossed a blank with: a blank shows only its background
  /// unless underlined or reversed (the diff's rule, `Style.blanksLookSame`), so its
  /// foreground and other attributes are dropped; then trailing blanks in the default style
  /// and trailing empty rows go.
  var visible: [[Cell]] {
    var out = rows.map { row in
      let seen = row.map { cell in
        guard cell.character == " ", cell.style.attributes.isDisjoint(with: [4, 7]) else {
          return cell
        }
        return Cell(character: " ", style: Style(bg: cell.style.bg))
      }
      return Array(seen.reversed().drop { $0.character == " " && $0.style == Style() }.reversed())
    }
    while out.last?.isEmpty == true { out.removeLast() }
    return out
  }

  /// The cells whose text cannot be seen: a visible character in the same colour as its
  /// background (both set explicitly).
  var invisible: [(row: Int, column: Int)] {
    rows.enumerated().flatMap { y, row in
      row.enumerated().compactMap { x, cell in
        cell.character != " " && cell.style.fg != nil
          && cell.style.fg.map { "4" + $0.dropFirst() } == cell.style.bg ? (y, x) : nil
      }
    }
  }
}
