/// One horizontal bar: a label, how full it is (0...1), and the text on its right.
public struct Bar: Hashable, Sendable {
  public var label: String
  public var fraction: Double
  public var valueText: String
  public var highlighted: Bool
  /// The name of what removed this item (a filter): the bar is drawn greyed and struck, as a
  /// line as long as it would be, with this name for its value.
  public var cut: String?
  /// Drawn muted throughout (a distribution from before, kept for reference).
  public var dimmed = false

  public init(_ label: String, fraction: Double, valueText: String, highlighted: Bool = false) {
    self.label = label
    self.fraction = fraction
    self.valueText = valueText
    self.highlighted = highlighted
  }

  /// A bar for a probability, with its percentage as the value text.
  public static func probability(_ label: String, _ p: Double, highlighted: Bool = false) -> Bar {
    Bar(label, fraction: p, valueText: percent(p), highlighted: highlighted)
  }

  /// A probability as a percentage with one decimal, e.g. "12.5%", without Foundation.
  public static func percent(_ p: Double) -> String {
    guard p.isFinite else { return "–" }
    let tenths = Int((p * 1000).rounded())
    let sign = tenths < 0 ? "-" : ""
    return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)%"
  }
}

/// Horizontal bars, one per row: `▶ label  ████████▍     12.5%`. Fills are smooth to an
/// eighth of a cell with Unicode glyphs (half cells with ASCII). A highlighted row (the
/// sampled token) gets a marker and the highlight style; an optional remainder row (the
/// probability mass not shown) is drawn last in a muted style. Fractions outside 0...1 are
/// drawn as empty or full.
public struct Bars: Widget {
  public var bars: [Bar]
  public var remainder: Bar?
  /// Columns kept for labels; nil: the widest label.
  public var labelWidth: Int?

  public init(_ bars: [Bar], remainder: Bar? = nil, labelWidth: Int? = nil) {
    self.bars = bars
    self.remainder = remainder
    self.labelWidth = labelWidth
  }

  private var rows: [Bar] { bars + (remainder.map { [$0] } ?? []) }

  /// The glyphs of a bar `fraction` full over `width` cells (the empty part as spaces).
  public static func fill(_ fraction: Double, width: Int, glyphs: GlyphSet) -> String {
    let out = filled(fraction, width: width, glyphs: glyphs)
    return out + String(repeating: " ", count: max(0, width) - out.count)
  }

  /// `fill` without the empty part: the glyphs up to the bar's end.
  static func filled(_ fraction: Double, width: Int, glyphs: GlyphSet) -> String {
    guard width > 0 else { return "" }
    let f = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
    let eighths = Int((f * Double(width * 8)).rounded())
    var out = String(repeating: glyphs.full, count: eighths / 8)
    // A part too small for its glyph set (ASCII draws under half a cell as a blank) is empty.
    if eighths % 8 > 0, glyphs.eighths[eighths % 8] != " " {
      out.append(glyphs.eighths[eighths % 8])
    }
    return out
  }

  public func render(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    guard !area.isEmpty else { return }
    let t = context.theme
    let g = context.glyphs
    let rows = self.rows
    let valueW = min(rows.map { ($0.cut ?? $0.valueText).displayWidth }.max() ?? 0, area.width)
    let labelW = max(
      0, min(labelWidth ?? rows.map(\.label.displayWidth).max() ?? 0, area.width - 2))
    let barW = max(0, area.width - 2 - labelW - 1 - 1 - valueW)
    for (i, bar) in rows.prefix(area.height).enumerated() {
      let y = area.y + i
      let isRest = remainder != nil && i == rows.count - 1
      let quiet = isRest || bar.dimmed || bar.cut != nil
      let fillStyle =
        bar.highlighted && !bar.dimmed ? t.barHighlight : (quiet ? t.muted : t.barFill)
      let textStyle = bar.highlighted && !bar.dimmed ? t.barHighlight : (quiet ? t.muted : t.text)
      if bar.highlighted {
        canvas.put(g.arrowRight, x: area.x, y: y, style: textStyle, clip: area)
      }
      var x = area.x + 2
      canvas.put(
        bar.label.truncated(to: labelW, ellipsis: g.ellipsis), x: x, y: y, style: textStyle,
        clip: area)
      x += labelW + 1
      var used = Bars.filled(bar.fraction, width: barW, glyphs: g)
      if bar.cut != nil {
        // Struck: a line where the bar would be (at least one cell, so it shows).
        used = String(repeating: g.horizontal, count: max(1, used.count))
      }
      canvas.fill(Rect(x: x, y: y, width: barW, height: 1).intersection(area), style: t.barEmpty)
      canvas.put(used, x: x, y: y, style: fillStyle, clip: area)
      x += barW + 1
      let value = bar.cut ?? bar.valueText
      canvas.put(value.leftPadded(to: valueW), x: x, y: y, style: textStyle, clip: area)
    }
  }
}
