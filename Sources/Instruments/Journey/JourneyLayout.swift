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
  /// Rows the next-token panel needs on a small screen: eight bars, the remainder, a gap and
  /// three captions.
  static let topHeight = 2 + 8 + 1 + 1 + 3
  /// The attention map appears when the context column has at least this many rows.
  static let attentionMinColumn = 24
  /// The model panel appears only with at least this many rows to spare.
  static let modelMinHeight = 5
  /// The stage explainer appears under the model panel with at least this many rows left
  /// (and only where its longest text fits).
  static let explainMinHeight = 6
  /// From this many rows the stage panel gives the lit stage's data several lines.
  static let tallHeight = 38
  static let tallDataRows = 3

  /// What the panels hold, so a roomy screen sizes each to its content instead of leaving
  /// one mostly empty while another is cut.
  struct Wants {
    /// Lines the context's text takes at a width.
    var contextLines: (Int) -> Int = { _ in 1 }
    /// Tokens the attention map lists.
    var attentionRows = 1
    /// Bars worth showing (tokens with any probability, at most `JourneyState.maxBars`).
    var bars = 8
    /// Lines of the model panel's and the explainer's text at a width.
    var modelLines: (Int) -> Int = { _ in 0 }
    var explainLines: (Int) -> Int = { _ in 0 }
  }

  init(_ area: Rect, wants: Wants = Wants()) {
    let dataRows = area.height >= Self.tallHeight ? Self.tallDataRows : 1
    let rows = area.rows([.fill, .fixed(4 + dataRows), .fixed(1), .fixed(1)])
    let topWidth = min(64, max(34, area.width * 42 / 100))
    let upper = rows[0].columns([.fill, .fixed(topWidth)])
    let left = upper[0]
    if left.height >= Self.attentionMinColumn {
      let h = left.height
      let contextText = Self.padded(Panel.inner(of: left)).width
      let contextWant = max(3, wants.contextLines(contextText)) + 2 + Self.contextFooter
      let attentionWant = max(1, wants.attentionRows) + 3
      var contextRows: Int
      if contextWant + attentionWant <= h {
        contextRows = h - attentionWant  // the context keeps the room to grow into
      } else {
        contextRows = max(min(contextWant, h / 2), h - attentionWant)
      }
      contextRows = min(max(contextRows, 5), h - 4)
      context = left.takingTop(contextRows)
      attention = left.droppingTop(contextRows)
    } else {
      context = left
      attention = Rect(x: left.x, y: left.maxY, width: left.width, height: 0)
    }
    let right = upper[1]
    let h = right.height
    let inside = Self.padded(Panel.inner(of: right)).width
    let modelNeed = wants.modelLines(inside) + 2
    let explainNeed = max(Self.explainMinHeight, wants.explainLines(inside) + 2)
    // Bars, the remainder, a gap and four captions; never fewer than the small screen's.
    let topWant = max(Self.topHeight, 2 + min(JourneyState.maxBars, wants.bars) + 1 + 1 + 4)
    let topRows: Int
    if h >= Self.topHeight + modelNeed + explainNeed {
      topRows = min(topWant, h - modelNeed - explainNeed)
    } else if h >= Self.topHeight + modelNeed {
      topRows = min(topWant, h - modelNeed)
    } else if h >= Self.topHeight + Self.modelMinHeight {
      topRows = Self.topHeight
    } else {
      topRows = h
    }
    top = right.takingTop(topRows)
    model = right.droppingTop(topRows)
    stages = rows[1]
    let controls = rows[2]
    stepButton = controls.takingLeft(Self.buttonWidth)
    autoButton = controls.droppingLeft(Self.buttonWidth + 1).takingLeft(Self.buttonWidth)
    slider = controls.droppingLeft(2 * Self.buttonWidth + 3)
    status = rows[3]
  }
}

extension JourneyState {
  /// The layout for this state: panels sized to what they hold on roomy screens.
  func layout(_ area: Rect) -> JourneyLayout {
    guard let machine = engine?.machine else { return JourneyLayout(area) }
    let context = RenderContext(theme: .monochrome, glyphs: .unicode)
    let bars = machine.distribution.map { d in d.probabilities.lazy.filter { $0 > 0 }.count } ?? 0
    let wants = JourneyLayout.Wants(
      contextLines: { contextLineCount(width: $0) },
      attentionRows: reveal?.window.count ?? machine.window.tokens.count,
      bars: max(bars, lastDraw?.bars.rows.count ?? 0),
      modelLines: { modelLines(machine, width: $0, context: context) },
      explainLines: { explainerLines(machine, width: $0, context: context) })
    return JourneyLayout(area, wants: wants)
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
