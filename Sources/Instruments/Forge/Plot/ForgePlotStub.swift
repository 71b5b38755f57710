import ForgeCore
import TerminalUI

// A stand-in for the plot branch (forge-plot), which defines the real `ForgePlotState` and
// `ForgePlotSlot` with these same signatures. Delete this file when that branch is merged.

/// The plot slot's state (stand-in: no keys, no view to choose).
public struct ForgePlotState: Equatable, Sendable {
  public init() {}

  /// True when `key` was one of the plot's keys.
  public mutating func handle(_ key: Key) -> Bool { false }

  public var keys: [KeyHelp] { [] }
}

/// The plot slot (stand-in: a titled box saying where the plot goes).
public enum ForgePlotSlot {
  public static func render(
    into canvas: inout Canvas, area: Rect, design: ForgeDesign, state: ForgePlotState,
    context: RenderContext
  ) {
    let inner = Panel("Plot").draw(into: &canvas, area: area, context: context)
    TextBlock(StyledText("The IsoFLOP plot arrives with issue 8.", style: context.theme.muted))
      .render(into: &canvas, area: inner.inset(left: 1, right: 1), context: context)
  }

  /// A press on the plot; true when the plot used it.
  public static func handle(
    _ mouse: MouseEvent, area: Rect, design: ForgeDesign, state: inout ForgePlotState,
    context: RenderContext
  ) -> Bool { false }
}
