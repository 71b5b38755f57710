import TerminalUI
import Testing

@testable import Instruments

/// The Reading screen uses the room it has (issue 17): each entry selected in turn at 80x24,
/// 120x40, 200x50 and 250x70, the selected entry's reading list and what to try are on screen
/// whole, no panel is half empty while another is cut, and from 120x40 up the table cuts
/// nothing ("…") and a wide screen adds the why to it.
struct ReadingRoomTests {
  static func screen(_ size: Size, _ row: Int) -> Canvas {
    var app = AppState(screen: .reading, size: size)
    app.reading.selected = row
    return App.view(app)
  }

  /// The table's columns, each as one line of words (found from the header row's titles).
  static func columns(_ c: Canvas, _ panels: [Rect]) -> [String] {
    let titles = ["If you want", "Read / build", "Why", "In this app"]
    return panels.flatMap { panel -> [String] in
      let inner = Panel.inner(of: panel)
      guard let header = RoomAudit.rows(c, panel).first else { return [] }
      let starts = titles.compactMap { title in
        header.range(of: title).map { header.distance(from: header.startIndex, to: $0.lowerBound) }
      }
      guard starts.count >= 3 else { return [] }
      return starts.indices.map { i in
        let x = inner.x + starts[i]
        let end = i + 1 < starts.count ? inner.x + starts[i + 1] : inner.maxX
        return ExercisesRoomTests.words(
          c, Rect(x: x - 1, y: inner.y - 1, width: end - x + 2, height: inner.height + 2))
      }
    }
  }

  @Test(arguments: RoomAudit.sizes)
  func theSelectedEntryIsWholeAndTheTableCutsOnlyWhereItMust(size: Size) {
    for (row, entry) in ReadingEntry.all.enumerated() {
      let c = Self.screen(size, row)
      let panels = PanelFinder.panels(c)
      let shown = panels.map { ExercisesRoomTests.words(c, $0) } + Self.columns(c, panels)
      for text in [entry.items.joined(separator: " · "), entry.why, entry.tryThere].map(
        ExercisesRoomTests.flat)
      where !shown.contains(where: { $0.contains(text) }) {
        Issue.record("\(size) row \(row): not on screen whole: \(text)")
      }
      let named = panels.map { (PanelFinder.title(c, $0), $0) }
      for finding in RoomAudit.findings(c, panels: named) {
        Issue.record("\(size) row \(row): \(finding)")
      }
      if size.width >= 120 {
        let cut = PanelFinder.ellipses(c, panels)
        #expect(cut.isEmpty, "\(size) row \(row): cut in \(cut)")
      }
    }
  }

  /// At 200x50 and 250x70 the body is not mostly blank: with each entry selected, at most a
  /// quarter of the body's rows are blank (the Lifecycle's rule).
  @Test(arguments: ExercisesRoomTests.large)
  func largeScreensUseTheirHeight(size: Size) {
    let body = ShellLayout(size: size).body
    for row in ReadingEntry.all.indices {
      let blank = PanelFinder.blankRows(Self.screen(size, row), body)
      #expect(
        blank * 4 <= body.height, "\(size) row \(row): \(blank) blank rows of \(body.height)")
    }
  }

  /// Every item has its note, and at 250x70 every item's name, what it is and where this app
  /// shows it are on screen whole, whichever entry is selected.
  @Test func atTheLargestSizeEveryItemIsExplained() {
    for entry in ReadingEntry.all {
      #expect(entry.notes.count == entry.items.count, "\(entry.want)")
    }
    for row in ReadingEntry.all.indices {
      let c = Self.screen(Size(width: 250, height: 70), row)
      let shown = PanelFinder.panels(c).map { ExercisesRoomTests.words(c, $0) }
      for entry in ReadingEntry.all {
        for (item, note) in zip(entry.items, entry.notes) {
          let text = ExercisesRoomTests.flat("\(item) — \(note.what) In this app: \(note.here).")
          #expect(shown.contains { $0.contains(text) }, "row \(row): \(text)")
        }
      }
    }
  }
}
