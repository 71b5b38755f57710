import JourneyCore
import TerminalUI
import Testing

@testable import Instruments

/// The drawn token is always in the bars from `sample` on: one ranked below the bars on show
/// takes the last bar row, with its rank, marked as drawn.
struct JourneyDrawnBarTests {
  static let size = Size(width: 80, height: 24)
  static let area = Rect(x: 0, y: 1, width: 80, height: 22)

  /// The first seed (searched in order) whose draw at the hottest temperature ranks below
  /// the bars on show at 80x24 (and `beyond`), with a short printable token, stepped to
  /// `sample`.
  static func farDraw(beyond: Int = 0) -> (JourneyDriver, bars: Int)? {
    for seed in UInt64(0)..<400 {
      var d = JourneyDriver()
      d.state = JourneyState.loaded(
        "corpus", prompt: "the", settings: SamplerSettings(temperature: 2.5), seed: seed)
      d.next(until: .sample)
      let top = d.state.layout(area).top
      let bars = JourneyState.barRows(forInnerHeight: Panel.inner(of: top).height)
      guard let drawn = d.machine.pending, drawn.rank > max(bars, beyond) else { continue }
      let word = d.machine.model.vocabulary.token(drawn.id)
      guard (2...5).contains(word.count), word.allSatisfy({ $0.isLetter }) else { continue }
      return (d, bars)
    }
    return nil
  }

  /// The bar rows of the next-token panel (the bars and the remainder row).
  static func barRows(_ d: JourneyDriver, bars: Int) -> [String] {
    let c = d.render(size)
    return Array(RoomAudit.rows(c, d.state.layout(area).top).prefix(bars + 1))
  }

  @Test func aDrawBelowTheShownBarsTakesTheLastBarWithItsRank() throws {
    var (d, bars) = try #require(Self.farDraw())
    let drawn = try #require(d.machine.pending)
    let word = d.machine.model.vocabulary.token(drawn.id)
    for stage in [JourneyCore.Stage.sample, .append] {
      if stage == .append { d.next(until: .append) }
      let rows = Self.barRows(d, bars: bars)
      let mark = "\(drawn.rank) '\(word)'"
      let row = rows.firstIndex { $0.contains(mark) }
      #expect(row == bars - 1, "\(stage): '\(mark)' not in the last bar row: \(rows)")
      // Marked as drawn: the arrow a shown drawn bar gets, and its probability.
      if let row {
        #expect(rows[row].hasPrefix("▶"), "\(stage): \(rows[row])")
        #expect(rows[row].contains(Bar.percent(drawn.probability)), "\(stage): \(rows[row])")
      }
      #expect(rows.count == bars + 1)
      #expect(rows.last?.contains("(rest)") == true, "\(stage): \(rows)")
    }
  }

  /// A drawn token among the bars on show stays where it is: the last bar is the
  /// likeliest-but-n token, not a ranked one.
  @Test func aDrawAmongTheShownBarsLeavesTheBarsAlone() throws {
    var d = JourneyDriver()
    d.state = JourneyState.loaded("corpus", prompt: "the", seed: 0)
    d.next(until: .sample)
    let view = d.state.topView(d.machine, theme: .dark, count: 8)
    let rows = JourneyState.shownRows(view, count: 8)
    let plain = view.bars!.rows.prefix(8).map(\.id)
    try #require(d.machine.pending!.rank <= 8)
    #expect(rows.map { $0?.0.id } == plain.map { Optional($0) })
    #expect(rows.allSatisfy { $0?.rank == nil })
  }

  /// Where there are rows to spare (a tall panel), a gap row sits before the drawn one.
  @Test func aTallPanelPutsAGapBeforeTheDrawnRow() throws {
    let (d, _) = try #require(Self.farDraw(beyond: 12))
    let view = d.state.topView(d.machine, theme: .dark, count: 12)
    let rows = JourneyState.shownRows(view, count: 12)
    #expect(rows.count == 12)
    try #require(d.machine.pending!.rank > 12)
    #expect(rows[10] == nil)
    #expect(rows[11]?.0.id == d.machine.pending!.id)
    #expect(rows[11]?.rank == d.machine.pending!.rank)
  }
}
