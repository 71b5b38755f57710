import TerminalUI

/// The Token Journey screen. A placeholder until its instrument lands (issue 6).
public struct JourneyState: Screen {
  public init() {}

  public var keys: [KeyHelp] { [] }

  public mutating func update(_ event: Event, area: Rect, app: AppState) -> ScreenResult {
    .ignored
  }

  public func view(into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext) {
    Placeholder.draw(
      into: &canvas, area: area, title: ScreenID.journey.title,
      lines: [
        "Press STEP and watch one token travel through the whole machine.",
        "This instrument arrives with issue 6.",
      ], context: context)
  }
}
