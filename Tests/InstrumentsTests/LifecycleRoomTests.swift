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

  @Test(arguments: RoomAudit.sizes)
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
}
