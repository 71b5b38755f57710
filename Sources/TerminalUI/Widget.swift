/// What a widget needs to know to draw: the theme and the glyph set.
public struct RenderContext: Equatable, Sendable {
  public var theme: Theme
  public var glyphs: GlyphSet

  public init(theme: Theme = .dark, glyphs: GlyphSet = .unicode) {
    self.theme = theme
    self.glyphs = glyphs
  }

  /// The context for a terminal's capabilities and a chosen theme.
  public init(theme: Theme, capabilities: Capabilities) {
    self.theme = theme.adapted(to: capabilities.colors)
    self.glyphs = capabilities.unicode ? .unicode : .ascii
  }
}

/// A small value that knows how to draw itself into an area of a canvas.
public protocol Widget {
  func render(into canvas: inout Canvas, area: Rect, context: RenderContext)
}
