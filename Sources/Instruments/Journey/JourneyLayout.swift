import TerminalUI

/// Where the Token Journey's parts go in the body area. Pure: `view` draws into these rects
/// and `update` hit-tests mouse clicks against the very same ones.
///
/// ```
/// ┌ Context ─────────────────────┐┌ Next token ─────────┐
/// │ the robot picked up the ?    ││ ▶ cat   ██████ 41%  │
/// └──────────────────────────────┘└─────────────────────┘   (+ a model panel when tall,
///                                                            and under it what the lit
///                                                            stage does when taller)
/// ┌ Stages ─────────────────────────────────────────────┐
/// │ text › tokens › embed › attn 1 › … › append          │
/// │ the lit stage's data                                 │
/// │ logit lens / model line                              │
/// └──────────────────────────────────────────────────────┘
/// [ STEP ] [ AUTO ]  temperature ━━━━━●━━━━━━━  1.0
/// status or message
/// ```
struct JourneyLayout: Equatable {
  var context: Rect
  /// Every head's attention under the context; empty when the screen is too short for it.
  var attention: Rect
  var top: Rect
  /// Model details under the bars; empty when the screen is too short for it.
  var model: Rect
  var stages: Rect
  var stepButton: Rect
  var autoButton: Rect
  var slider: Rect
  var status: Rect

  static let buttonWidth = 8
  /// Rows the next-token panel needs: eight bars, the remainder, a gap and three captions.
  static let topHeight = 2 + 8 + 1 + 1 + 3
  /// The attention map appears when the context column has at least this many rows.
  static let attentionMinColumn = 24
  /// The model panel appears only with at least this many rows to spare.
  static let modelMinHeight = 5
  /// The stage explainer appears under the model panel with at least this many rows left
  /// (and only where its longest text fits).
  static let explainMinHeight = 6

  init(_ area: Rect) {
    let rows = area.rows([.fill, .fixed(5), .fixed(1), .fixed(1)])
    let topWidth = min(64, max(34, area.width * 42 / 100))
    let upper = rows[0].columns([.fill, .fixed(topWidth)])
    if upper[0].height >= Self.attentionMinColumn {
      let split = upper[0].rows([.fill, .fraction(0.45)])
      context = split[0]
      attention = split[1]
    } else {
      context = upper[0]
      attention = Rect(x: upper[0].x, y: upper[0].maxY, width: upper[0].width, height: 0)
    }
    let right = upper[1]
    if right.height >= Self.topHeight + Self.modelMinHeight {
      top = right.takingTop(Self.topHeight)
      model = right.droppingTop(Self.topHeight)
    } else {
      top = right
      model = Rect(x: right.x, y: right.maxY, width: right.width, height: 0)
    }
    stages = rows[1]
    let controls = rows[2]
    stepButton = controls.takingLeft(Self.buttonWidth)
    autoButton = controls.droppingLeft(Self.buttonWidth + 1).takingLeft(Self.buttonWidth)
    slider = controls.droppingLeft(2 * Self.buttonWidth + 3)
    status = rows[3]
  }
}

extension JourneyLayout {
  /// Rows under the context text: the glow legend and its caption.
  static let contextFooter = 2

  /// A panel's inside with a column of air either side (when there is room for it).
  static func padded(_ inner: Rect) -> Rect {
    inner.width > 4 ? inner.inset(left: 1, right: 1) : inner
  }

  /// The context's text (inside the border, above the footer).
  var contextText: Rect { Self.padded(Panel.inner(of: context)).droppingBottom(Self.contextFooter) }
  /// The glow legend and caption under the context's text.
  var contextFooter: Rect { Self.padded(Panel.inner(of: context)).takingBottom(Self.contextFooter) }
}
