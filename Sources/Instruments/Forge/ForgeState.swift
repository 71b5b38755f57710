import TerminalUI

/// The Forge screen. A placeholder until its instrument lands (issue 4).
public struct ForgeState: Screen {
  public init() {}

  public var keys: [KeyHelp] { [] }

  public mutating func update(_ event: Event, area: Rect, app: AppState) -> ScreenResult {
    .ignored
  }

  public func view(into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext) {
    Placeholder.draw(
      into: &canvas, area: area, title: ScreenID.forge.title,
      lines: [
        "Six sliders and a live twelve-figure dossier: design a model and see what it costs.",
        "This instrument arrives with issue 4.",
      ], context: context)
  }
}
