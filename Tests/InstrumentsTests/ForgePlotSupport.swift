import ForgeCore
import TerminalUI

@testable import Instruments

/// Contexts and drawing helpers shared by the Forge plot tests.
enum ForgePlotFixture {
  static let unicode = RenderContext(theme: .monochrome, glyphs: .unicode)
  static let ascii = RenderContext(theme: .monochrome, glyphs: .ascii)
  static let colour = RenderContext(theme: .dark, glyphs: .unicode)

  /// The gallery index of the model with `id`.
  static func index(_ id: String) -> Int {
    Gallery.models.firstIndex { $0.id == id }!
  }

  /// The plot panel drawn alone into a canvas of `width`x`height`.
  static func plot(
    _ width: Int, _ height: Int, design: ForgeDesign = .seedDefault,
    state: ForgePlotState = ForgePlotState(), context: RenderContext = unicode
  ) -> Canvas {
    var canvas = Canvas(size: Size(width: width, height: height))
    ForgePlotPanel.render(
      into: &canvas, area: canvas.bounds, design: design, state: state, context: context)
    return canvas
  }

  /// The compare panel drawn alone into a canvas of `width`x`height`.
  static func compare(
    _ width: Int, _ height: Int, model id: String?, design: ForgeDesign = .seedDefault,
    context: RenderContext = unicode
  ) -> Canvas {
    var canvas = Canvas(size: Size(width: width, height: height))
    let state = ForgePlotState(selected: id.map(index), compareOpen: true)
    ForgeComparePanel.render(
      into: &canvas, area: canvas.bounds, design: design, state: state, context: context)
    return canvas
  }

  /// The whole slot (plot, and the comparison when open) drawn into a canvas.
  static func slot(
    _ width: Int, _ height: Int, design: ForgeDesign = .seedDefault,
    state: ForgePlotState, context: RenderContext = unicode
  ) -> Canvas {
    var canvas = Canvas(size: Size(width: width, height: height))
    ForgePlotSlot.render(
      into: &canvas, area: canvas.bounds, design: design, state: state, context: context)
    return canvas
  }
}
