import TerminalUI

/// The room under the selected entry (issue 17): every item on the list, grouped by what you
/// want, each with what it is and where this app shows it; the selected entry's group lit.
extension ReadingState {
  /// How much of an entry's items the list shows, fullest first.
  enum ItemDetail: CaseIterable, Sendable {
    /// Each item on two lines: what it is, then where this app shows it.
    case twoLines
    /// Each item on one line (wrapped where it must).
    case oneLine
    /// Each item with where this app shows it, without what it is.
    case whereOnly
  }

  /// One entry's items: the name, what it is, and where this app shows it (on a line of its
  /// own with `twoLines`).
  static func itemsText(_ e: ReadingEntry, _ detail: ItemDetail, context: RenderContext)
    -> StyledText
  {
    let twoLines = detail == .twoLines
    let what = detail != .whereOnly
    let t = context.theme
    let g = context.glyphs
    var text = StyledText()
    for (i, (item, note)) in zip(e.items, e.notes).enumerated() {
      if i > 0 { text.append("\n") }
      text.append(g.text(item), style: t.title)
      text.append(g.text(" — "), style: t.muted)
      if what { text.append(g.text(note.what), style: t.text) }
      let here = "In this app: "
      text.append(twoLines ? "\n  " + here : what ? " " + here : here, style: t.muted)
      text.append(g.text(note.here) + ".", style: t.accent)
    }
    return text
  }

  /// One entry of the list: which, its items' text and its height in rows.
  typealias ListRow = (index: Int, text: StyledText, height: Int)

  /// The fullest list that fits `area` whole: every entry with each item on two lines, then
  /// on one; otherwise the selected entry as full as fits, then each other entry, in table
  /// order, as full as still fits (or left out). Nil when not even the selected entry's
  /// items fit.
  func fittedList(_ area: Rect, context: RenderContext) -> [ListRow]? {
    let inner = Panel.inner(of: area).inset(left: 1, right: 1)
    let width = inner.width - ReadingLayout.wantWidth - 1
    guard width >= 20 else { return nil }
    func row(_ i: Int, _ detail: ItemDetail) -> ListRow {
      let text = Self.itemsText(ReadingEntry.all[i], detail, context: context)
      return (i, text, TextBlock(text).layout(width: width).count)
    }
    let all = ReadingEntry.all.indices
    for detail in [ItemDetail.twoLines, .oneLine] {
      let rows = all.map { row($0, detail) }
      if rows.map(\.height).reduce(0, +) <= inner.height { return rows }
    }
    var chosen: [Int: ListRow] = [:]
    var left = inner.height
    for i in [selected] + all.filter({ $0 != selected }) {
      guard
        let fit = ItemDetail.allCases.lazy.map({ row(i, $0) }).first(where: { $0.height <= left })
      else {
        if i == selected { return nil }
        continue
      }
      chosen[i] = fit
      left -= fit.height
    }
    return all.compactMap { chosen[$0] }
  }

  /// Draws the list in `area`, as tall as its text; nothing where not even the selected
  /// entry's items fit whole.
  func drawList(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    guard let rows = fittedList(area, context: context) else { return }
    let t = context.theme
    let title =
      rows.count == ReadingEntry.all.count
      ? "Every item on the list: what it is, and where this app shows it"
      : "Item by item: what each is, and where this app shows it"
    let height = rows.map(\.height).reduce(0, +) + 2
    let inner = Panel(title, focused: false).draw(
      into: &canvas, area: area.takingTop(height), context: context
    ).inset(left: 1, right: 1)
    let columns = inner.columns([.fixed(ReadingLayout.wantWidth), .fill], spacing: 1)
    var y = inner.y
    for row in rows {
      let want = StyledText(
        ReadingEntry.all[row.index].want, style: row.index == selected ? t.selection : t.title)
      TextBlock(want, overflow: .wrap).render(
        into: &canvas,
        area: Rect(x: columns[0].x, y: y, width: columns[0].width, height: row.height),
        context: context)
      TextBlock(row.text).render(
        into: &canvas,
        area: Rect(x: columns[1].x, y: y, width: columns[1].width, height: row.height),
        context: context)
      y += row.height
    }
  }
}
