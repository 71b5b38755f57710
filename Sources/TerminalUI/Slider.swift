/// A labelled slider over `stops` positions: `▶ label  ━━━━━━●──────  value text`.
/// The focused slider shows a marker and focus styles; while dragging the knob is
/// highlighted. `trackRect(in:)` and `stop(atColumn:in:)` map mouse clicks and drags.
public struct Slider: Widget {
  public var label: String
  public var stops: Int
  /// The current stop, 0..<stops (drawn at the nearest end when outside).
  public var value: Int
  public var valueText: String
  public var focused: Bool
  public var dragging: Bool
  /// Columns kept for the label (so a column of sliders lines up); nil: the label's width.
  public var labelWidth: Int?
  /// Columns kept for the value text; nil: its own width.
  public var valueWidth: Int?

  /// The narrowest track worth drawing; the label and value text give way to keep it.
  public static let minimumTrack = 5

  public init(
    _ label: String, stops: Int, value: Int, valueText: String, focused: Bool = false,
    dragging: Bool = false, labelWidth: Int? = nil, valueWidth: Int? = nil
  ) {
    self.label = label
    self.stops = stops
    self.value = value
    self.valueText = valueText
    self.focused = focused
    self.dragging = dragging
    self.labelWidth = labelWidth
    self.valueWidth = valueWidth
  }

  /// Where the marker, label, track and value go in the first row of `area`.
  struct Parts {
    var marker: Rect
    var label: Rect
    var track: Rect
    var value: Rect
  }

  func parts(in area: Rect) -> Parts {
    let row = area.row(0)
    let marker = row.takingLeft(2)
    var rest = row.width - marker.width
    var valueW = min(valueWidth ?? valueText.displayWidth, rest)
    var labelW = min(labelWidth ?? label.displayWidth, rest - valueW)
    // Gaps of two columns around the track, when there is a track.
    func track() -> Int { max(0, rest - labelW - valueW - 4) }
    if track() < Self.minimumTrack { labelW = max(0, labelW - (Self.minimumTrack - track())) }
    if track() < Self.minimumTrack { valueW = max(0, valueW - (Self.minimumTrack - track())) }
    rest = track()
    let labelRect = Rect(x: marker.maxX, y: row.y, width: labelW, height: row.height)
    let trackRect = Rect(x: labelRect.maxX + 2, y: row.y, width: rest, height: row.height)
    let valueRect = Rect(x: trackRect.maxX + 2, y: row.y, width: valueW, height: row.height)
    return Parts(
      marker: marker, label: labelRect, track: trackRect.intersection(row),
      value: valueRect.intersection(row))
  }

  /// The track's rect in `area` (empty when there is no room).
  public func trackRect(in area: Rect) -> Rect { parts(in: area).track }

  /// The knob's column on a track of `width` columns, counted from the track's left edge.
  public func knobOffset(trackWidth width: Int) -> Int {
    guard width > 1, stops > 1 else { return 0 }
    let v = min(max(0, value), stops - 1)
    return (v * (width - 1) + (stops - 1) / 2) / (stops - 1)
  }

  /// The stop nearest to screen column `x` (a click or drag on the track); columns past
  /// either end give the end stop, as a drag past the end should. Nil when there is no track.
  public func stop(atColumn x: Int, in area: Rect) -> Int? {
    let track = trackRect(in: area)
    guard !track.isEmpty, stops > 0 else { return nil }
    guard stops > 1, track.width > 1 else { return 0 }
    let offset = min(max(0, x - track.x), track.width - 1)
    return (offset * (stops - 1) + (track.width - 1) / 2) / (track.width - 1)
  }

  public func render(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    let p = parts(in: area)
    guard !area.isEmpty else { return }
    let t = context.theme
    let g = context.glyphs
    if focused {
      canvas.put(g.arrowRight, x: p.marker.x, y: p.marker.y, style: t.focus, clip: p.marker)
    }
    let labelText = label.truncated(to: p.label.width, ellipsis: g.ellipsis)
    canvas.put(
      labelText, x: p.label.x, y: p.label.y, style: focused ? t.focus : t.text, clip: p.label)
    if !p.track.isEmpty, stops > 0 {
      let knob = knobOffset(trackWidth: p.track.width)
      canvas.put(
        g.track, repeating: knob, x: p.track.x, y: p.track.y, style: t.barFill, clip: p.track)
      canvas.put(
        g.track, repeating: p.track.width - knob - 1, x: p.track.x + knob + 1, y: p.track.y,
        style: t.barEmpty, clip: p.track)
      let knobStyle = dragging ? t.selection : (focused ? t.focus : t.accent)
      canvas.put(g.knob, x: p.track.x + knob, y: p.track.y, style: knobStyle, clip: p.track)
    }
    let value = valueText.truncated(to: p.value.width, ellipsis: g.ellipsis)
    canvas.put(value, x: p.value.x, y: p.value.y, style: t.accent, clip: p.value)
  }
}
