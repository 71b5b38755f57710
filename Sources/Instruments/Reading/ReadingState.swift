import TerminalUI

/// The Reading screen. A placeholder until its instrument lands (issue 7).
public struct ReadingState: Screen {
  public init() {}

  public var keys: [KeyHelp] { [] }

  public mutating func update(_ event: Event, area: Rect, app: AppState) -> ScreenResult {
    .ignored
  }

  public func view(into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext) {
    Placeholder.draw(
      into: &canvas, area: area, title: ScreenID.reading.title,
      lines: [
        "Where to go next: primary sources, and what to build, serve and adapt.",
        "This instrument arrives with issue 7.",
      ], context: context)
  }
}
