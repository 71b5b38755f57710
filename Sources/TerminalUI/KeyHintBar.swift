/// One key and what it does. Higher `priority` survives longer when the bar is narrow.
public struct KeyHint: Hashable, Sendable {
  public var key: String
  public var label: String
  public var priority: Int

  public init(_ key: String, _ label: String, priority: Int = 0) {
    self.key = key
    self.label = label
    self.priority = priority
  }

  var width: Int { key.displayWidth + 1 + label.displayWidth }
}

/// One line of "key label" pairs. When they do not all fit, the lowest-priority pairs go
/// first (the later of equals first); the rest keep their order.
public struct KeyHintBar: Widget {
  public var hints: [KeyHint]
  public static let separator = "  "

  public init(_ hints: [KeyHint]) { self.hints = hints }

  /// The hints that fit in `width` columns, in their original order.
  public func visible(width: Int) -> [KeyHint] {
    var kept = Array(hints.indices)
    func total() -> Int {
      kept.reduce(0) { $0 + hints[$1].width } + Self.separator.count * max(0, kept.count - 1) + 2
    }
    while !kept.isEmpty, total() > width {
      let victim = kept.indices.min { a, b in
        let pa = hints[kept[a]].priority
        let pb = hints[kept[b]].priority
        return pa != pb ? pa < pb : a > b
      }!
      kept.remove(at: victim)
    }
    return kept.map { hints[$0] }
  }

  public func render(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    let row = area.row(0)
    guard !row.isEmpty else { return }
    let bar = context.theme.hintBar
    canvas.fill(row, style: bar)
    var line = StyledText(" ", style: bar)
    for (i, hint) in visible(width: row.width).enumerated() {
      if i > 0 { line.append(Self.separator, style: bar) }
      line.append(hint.key, style: context.theme.key.over(bar))
      line.append(" " + hint.label, style: bar)
    }
    canvas.put(line, x: row.x, y: row.y, clip: row)
  }
}
