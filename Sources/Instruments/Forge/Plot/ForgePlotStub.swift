import ForgeCore
import TerminalUI

// A stand-in for the plot branch (forge-plot), which defines the real `ForgePlotState` and
// `ForgePlotPanel` with these same signatures. Delete this file when that branch is merged.

/// The plot slot's state (stand-in: no keys, no view to choose).
public struct ForgePlotState: Equatable, Sendable {
  public init() {}

  /// True when `key` was one of the plot's keys.
  public mutating func handle(_ key: Key) -> Bool { false }

  public var keys: [KeyHelp] { [] }
}

/// The plot panel (stand-in: a titled, empty box saying where the plot goes).
public enum ForgePlotPanel {
  public static func render(
    into canvas: inout Canvas, area: Rect, design: ForgeDesign, state: ForgePlotState,
    context: RenderContext
  ) {
    let inner = Panel("Plot").draw(into: &canvas, area: area, context: context)
    TextBlock(StyledText("The IsoFLOP plot arrives with issue 8.", style: context.theme.muted))
      .render(into: &canvas, area: inner.inset(left: 1, right: 1), context: context)
  }
}
