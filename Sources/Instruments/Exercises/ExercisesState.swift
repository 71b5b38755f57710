import TerminalUI

/// The Exercises screen. A placeholder until its instrument lands (issue 7).
public struct ExercisesState: Screen {
  public init() {}

  public var keys: [KeyHelp] { [] }

  public mutating func update(_ event: Event, area: Rect, app: AppState) -> ScreenResult {
    .ignored
  }

  public func view(into canvas: inout Canvas, area: Rect, app: AppState, context: RenderContext) {
    Placeholder.draw(
      into: &canvas, area: area, title: ScreenID.exercises.title,
      lines: [
        "Check-yourself questions, checked by the Forge's own equations.",
        "This instrument arrives with issue 7.",
      ], context: context)
  }
}
