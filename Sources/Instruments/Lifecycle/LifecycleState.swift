import TerminalUI

/// The Lifecycle screen. A placeholder until its instrument lands (issue 7).
public struct LifecycleState: Screen {
  public init() {}

  public var keys: [KeyHelp] { [] }

  public mutating func update(_ event: Event, area: Rect, app: AppState) -> ScreenResult {
    .ignored
  }

  public func view(into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext) {
    Placeholder.draw(
      into: &canvas, area: area, title: ScreenID.lifecycle.title,
      lines: [
        "The life of a model, from data pipeline to serving, with live figures.",
        "This instrument arrives with issue 7.",
      ], context: context)
  }
}
