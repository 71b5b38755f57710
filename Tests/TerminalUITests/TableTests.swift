import SnapshotSupport
import Testing

@testable import TerminalUI

struct TableTests {
  let table = Table(
    [
      TableColumn("Model", width: .fill),
      TableColumn("Params", width: .fixed(7), alignment: .right),
      TableColumn("Tokens", width: .fixed(7), alignment: .right),
    ],
    rows: [
      ["Chinchilla", "70B", "1.4T"], ["Llama 3 8B", "8B", "15T"],
      ["A very long model name", "1.8T", "13T"],
    ], selected: 1)

  @Test func headerColumnsAlignmentAndSelection() {
    let c = render(table, width: 30, height: 4)
    #expect(
      rows(c) == [
        "Model           Params  Tokens",
        "Chinchilla         70B    1.4T",
        "Llama 3 8B          8B     15T",
        "A very long m…    1.8T     13T",
      ])
    #expect(c[0, 0].style == Theme.dark.title.adding(.underline))
    #expect(c[0, 2].style == Theme.dark.selection)
    #expect(c[29, 2].style == Theme.dark.selection)
    #expect(c[0, 1].style == Theme.dark.text)
  }

  @Test func scrollingKeepsSelectionVisible() {
    var t = table
    t.selected = 2
    #expect(t.scrolled(toShowSelectedIn: 2) == 1)
    t.firstRow = 2
    t.selected = 0
    #expect(t.scrolled(toShowSelectedIn: 2) == 0)
    t.firstRow = 1
    let c = render(t, width: 30, height: 2)
    #expect(rows(c)[1] == "Llama 3 8B          8B     15T")
  }

  @Test func rowHitTesting() {
    let area = Rect(x: 0, y: 5, width: 30, height: 4)
    #expect(table.row(atY: 5, in: area) == nil)
    #expect(table.row(atY: 6, in: area) == 0)
    #expect(table.row(atY: 8, in: area) == 2)
    #expect(table.row(atY: 9, in: area) == nil)
  }

  @Test func aGroupRowLabelsEachRunOfColumnsOnceAndPushesTheBodyDown() {
    var columns = (1...4).map { TableColumn("H\($0)", width: .fixed(6)) }
    for (i, group) in ["kv1", "kv1", "kv2", nil].enumerated() { columns[i].group = group }
    let t = Table(columns, rows: [["a", "b", "c", "d"]])
    #expect(t.headerRows == 2)
    #expect(
      rows(render(t, width: 27, height: 3)) == [
        // kv1 spans 13 columns: a rule each side; kv2's one column is too narrow for one.
        "──── kv1 ────  kv2", "H1     H2     H3     H4", "a      b      c      d",
      ])
    let area = Rect(x: 0, y: 5, width: 27, height: 3)
    #expect(t.row(atY: 6, in: area) == nil)
    #expect(t.row(atY: 7, in: area) == 0)
    #expect(table.headerRows == 1, "no group, no extra row")
  }

  @Test func missingCellsAndTinyAreasAreSafe() {
    let ragged = Table([TableColumn("A"), TableColumn("B")], rows: [["only"], []])
    #expect(rows(render(ragged, width: 9, height: 3)) == ["A    B", "only", ""])
    for (w, h) in [(0, 0), (1, 1), (2, 5), (30, 1)] {
      #expect(render(table, width: w, height: h).size == Size(width: w, height: h))
    }
  }

  @Test func snapshots() {
    for (ctx, set) in [(unicodeContext, "unicode"), (asciiContext, "ascii")] {
      assertSnapshot(render(table, width: 40, height: 5, context: ctx), named: "table-\(set)-40x5")
      assertSnapshot(render(table, width: 20, height: 3, context: ctx), named: "table-\(set)-20x3")
    }
    assertSnapshot(
      render(table, width: 30, height: 4, context: plainContext),
      named: "table-monochrome-ascii-30x4")
    assertSnapshot(render(table, width: 5, height: 1), named: "table-5x1")
  }
}
