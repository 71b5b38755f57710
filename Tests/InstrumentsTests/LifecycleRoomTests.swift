import ForgeCore
import TerminalUI
import Testing

@testable import Instruments

/// The Lifecycle uses the room it has (issue 17): at 80x24 nothing that matters is cut; from
/// 120x40 up the explanation stands beside the boxes and no panel is more than half empty.
/// Each stage selected in turn, panels found from what is drawn.
struct LifecycleRoomTests {
  static func screen(_ size: Size, _ stage: LifecycleStage) -> Canvas {
    var app = AppState(screen: .lifecycle, size: size)
    app.lifecycle.selected = stage
    return App.view(app)
  }

  static func body(_ size: Size) -> Rect { ShellLayout(size: size).body }

  /// Sizes where the explanation sits under the boxes, or only just beside them.
  static let oddSizes = [
    Size(width: 110, height: 36), Size(width: 100, height: 30), Size(width: 90, height: 40),
    Size(width: 140, height: 30), Size(width: 80, height: 50),
  ]

  /// The selected stage's explanation panel, found by its title.
  static func detail(_ c: Canvas, _ stage: LifecycleStage) -> Rect? {
    let title = "\(stage.title(short: false)) · \(stage.chapter)"
    return PanelFinder.panels(c).first { PanelFinder.title(c, $0) == title }
  }

  static func trimmed(_ rows: [String]) -> [String] {
    rows.map { $0.trimmingCharacters(in: .whitespaces) }
  }

  @Test(arguments: RoomAudit.sizes + oddSizes)
  func noPanelHalfEmptyWhileAnotherIsCutAndNothingCutShort(size: Size) {
    for stage in LifecycleStage.allCases {
      let c = Self.screen(size, stage)
      let panels = PanelFinder.panels(c).map { (PanelFinder.title(c, $0), $0) }
      for finding in RoomAudit.findings(c, panels: panels) {
        Issue.record("\(size) \(stage): \(finding)")
      }
      let cut = PanelFinder.ellipses(c, panels.map(\.1))
      #expect(cut.isEmpty, "\(size) \(stage): cut in \(cut)")
      let caption = RoomAudit.rows(c, Self.body(size).inset(-1)).first ?? ""
      #expect(!caption.contains("…"), "\(size) \(stage): \(caption)")
    }
  }

  @Test(arguments: RoomAudit.sizes.dropFirst())
  func fromLargeSizesUpNoPanelIsHalfEmptyAndTheHeightIsUsed(size: Size) {
    for stage in LifecycleStage.allCases {
      let c = Self.screen(size, stage)
      let panels = PanelFinder.panels(c)
      let empty = panels.filter { RoomAudit.halfEmpty(RoomAudit.rows(c, $0)) }
      #expect(
        empty.isEmpty,
        "\(size) \(stage): half empty \(empty.map { PanelFinder.title(c, $0) }) at \(empty)")
      let body = Self.body(size)
      let blank = PanelFinder.blankRows(c, body)
      #expect(blank * 4 <= body.height, "\(size) \(stage): \(blank) blank rows of \(body.height)")
    }
  }

  @Test(arguments: RoomAudit.sizes.dropFirst())
  func fromLargeSizesUpTheExplanationStandsBesideTheBoxes(size: Size) {
    let c = Self.screen(size, .serve)
    let panels = PanelFinder.panels(c)
    let detail = panels.first { PanelFinder.title(c, $0).hasPrefix("SERVE") }
    let boxes = panels.filter { PanelFinder.title(c, $0).isEmpty }
    #expect(boxes.count == LifecycleStage.allCases.count)
    #expect(
      detail.map { d in boxes.allSatisfy { $0.maxX <= d.x } } == true,
      "\(size): \(String(describing: detail)) not beside the boxes")
  }

  /// The serve box reads its users as the Forge dossier does, with the second figure.
  @Test(arguments: RoomAudit.sizes)
  func theLiveFiguresAreWholeAndSayWhatTheForgeSays(size: Size) {
    let c = Self.screen(size, .data)
    let text = c.text
    let d = Dossier(.seedDefault)
    for id in [
      "training_tokens", "fleet", "training_cost", "total_params", "predicted_loss", "weights",
      "decode_ceiling",
    ] {
      #expect(text.contains(d[id]!.text), "\(size): \(id) \(d[id]!.text)")
    }
    let users = d["users_per_node"]!
    #expect(!users.detail.isEmpty)
    #expect(text.contains(users.detail), "\(size): \(users.detail)")
    #expect(!text.contains("user/node"), "\(size)")
    #expect(text.contains("This design trains on") || text.contains("Trains on"), "\(size)")
  }

  /// The explanation under or beside the boxes shows its text to the end, or says on its last
  /// row that there is more and which key shows it: never lines cut off without a word. At
  /// every size but 80x24 (no room under the boxes) the selected stage is explained.
  @Test(arguments: RoomAudit.sizes + oddSizes)
  func theExplanationEndsWholeOrSaysThereIsMore(size: Size) {
    let dossier = Dossier(.seedDefault)
    for stage in LifecycleStage.allCases {
      let c = Self.screen(size, stage)
      guard let panel = Self.detail(c, stage) else {
        #expect(size == RoomAudit.sizes[0], "\(size) \(stage): no explanation on screen")
        continue
      }
      let last = Self.trimmed(RoomAudit.rows(c, panel)).last { !$0.isEmpty } ?? ""
      if last.contains(LifecycleState.moreMark) { continue }
      var s = LifecycleState()
      s.selected = stage
      // The last line of the explanation in any of the forms it takes.
      var ends: Set<String> = []
      for notes in [false, true] {
        for from in 0...stage.sentences.count {
          for reading in [false, true] {
            for returns in [false, true] {
              let text = s.detailText(
                dossier: dossier, notes: notes, from: from, reading: reading, returns: returns,
                context: RenderContext())
              let lines = TextBlock(text).layout(width: panel.width - 4).map(\.plain)
              if let end = Self.trimmed(lines).last(where: { !$0.isEmpty }) { ends.insert(end) }
            }
          }
        }
      }
      #expect(ends.contains(last), "\(size) \(stage): cut after \"\(last)\" with no mark")
    }
  }

  /// A box that carries its explanation ends it on a whole sentence, never on a clause whose
  /// rest went elsewhere.
  @Test(arguments: RoomAudit.sizes + oddSizes)
  func everyBoxEndsOnAWholeSentence(size: Size) {
    for stage in LifecycleStage.allCases {
      let c = Self.screen(size, stage)
      for box in PanelFinder.panels(c) where PanelFinder.title(c, box).isEmpty {
        let rows = Self.trimmed(RoomAudit.rows(c, box))
        // The explanation follows the first blank row under the title and figures.
        guard let gap = rows.firstIndex(of: ""),
          let last = rows[gap...].last(where: { !$0.isEmpty })
        else { continue }
        #expect(last.hasSuffix("."), "\(size) \(rows[0]): ends on \"\(last)\"")
      }
    }
  }

  /// From 120x40 up the column beside the boxes carries what the selected stage has to say,
  /// the boxes either side and the design's arithmetic: no more than half of its rows blank
  /// (the issue's measure of a panel that wastes the room), whichever box is selected.
  @Test(arguments: RoomAudit.sizes.dropFirst())
  func theColumnBesideTheBoxesIsUsed(size: Size) {
    let body = Self.body(size)
    for stage in LifecycleStage.allCases {
      let c = Self.screen(size, stage)
      let boxes = PanelFinder.panels(c).filter { PanelFinder.title(c, $0).isEmpty }
      let x = (boxes.map(\.maxX).max() ?? body.x) + 1
      let column = Rect(x: x, y: body.y + 1, width: body.maxX - x, height: body.height - 1)
      let blank = PanelFinder.blankRows(c, column)
      #expect(
        blank * 2 <= column.height, "\(size) \(stage): \(blank) of \(column.height) rows blank")
    }
  }
}
