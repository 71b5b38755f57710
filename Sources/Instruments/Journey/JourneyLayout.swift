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
  /// On tall screens: the stage explainer under the attention map when the right column has
  /// no room for it, and the step's trace (every stage, one line each); empty otherwise.
  var explainer: Rect
  var trace: Rect
  var stages: Rect
  var stepButton: Rect
  var autoButton: Rect
  var slider: Rect
  var status: Rect

  static let buttonWidth = 8
  /// Rows the next-token panel needs on a small screen: eight bars, the remainder, a gap and
  /// three captions.
  static let topHeight = 2 + 8 + 1 + 1 + 3
  /// The next-token panel with no bars yet: its three captions.
  static let captionsOnlyHeight = 2 + 3
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
    /// Header rows over the attention map (two when a row groups heads by KV head).
    var attentionHeaderRows = 1
    /// Bars the panel shows (tokens with a finite score, at most `JourneyState.maxBars`; 0
    /// before the step has bars to show).
    var bars = 8
    /// Lines of the model panel's and the explainer's text at a width.
    var modelLines: (Int) -> Int = { _ in 0 }
    var explainLines: (Int) -> Int = { _ in 0 }
    /// Stages the step has (the trace's lines).
    var traceRows = 0
  }

  /// The rows of `area`: the two columns above, the stage strip, the controls, the status.
  private static func rows(_ area: Rect) -> [Rect] {
    let dataRows = area.height >= Self.tallHeight ? Self.tallDataRows : 1
    return area.rows([.fill, .fixed(4 + dataRows), .fixed(1), .fixed(1)])
  }

  /// The two columns above the stage strip: the context's and the bars'.
  private static func columns(_ upper: Rect, width: Int) -> (left: Rect, right: Rect) {
    let topWidth = min(64, max(34, width * 42 / 100))
    let columns = upper.columns([.fill, .fixed(topWidth)])
    return (columns[0], columns[1])
  }

  /// The text widths of a panel in the left column and in the right one (the widths the
  /// model panel and the explainer are measured at).
  static func textWidths(_ area: Rect) -> (left: Int, right: Int) {
    let (left, right) = columns(rows(area)[0], width: area.width)
    return (padded(Panel.inner(of: left)).width, padded(Panel.inner(of: right)).width)
  }

  init(_ area: Rect, wants: Wants = Wants()) {
    let rows = Self.rows(area)
    stages = rows[1]
    let controls = rows[2]
    stepButton = controls.takingLeft(Self.buttonWidth)
    autoButton = controls.droppingLeft(Self.buttonWidth + 1).takingLeft(Self.buttonWidth)
    slider = controls.droppingLeft(2 * Self.buttonWidth + 3)
    status = rows[3]
    let (left, right) = Self.columns(rows[0], width: area.width)
    let h = right.height
    let inside = Self.padded(Panel.inner(of: right)).width
    let modelNeed = wants.modelLines(inside) + 2
    let explainNeed = max(Self.explainMinHeight, wants.explainLines(inside) + 2)
    // Bars, the remainder, a gap and four captions; never fewer than the small screen's.
    let column = left.height
    let tall = column >= Self.attentionMinColumn
    // On a tall screen the panel is sized for the bars the step will show at `logits` from
    // the first stage on, so the layout does not shift when they fill; with a few bars it
    // holds those, with none (a dead end) only its captions.
    let barsWant = 2 + min(JourneyState.maxBars, wants.bars) + 1 + 1 + 4
    let topHeight =
      !tall
      ? Self.topHeight : wants.bars == 0 ? Self.captionsOnlyHeight : min(Self.topHeight, barsWant)
    let topWant = tall && wants.bars == 0 ? topHeight : max(topHeight, barsWant)
    let none = Rect(x: left.x, y: left.maxY, width: left.width, height: 0)
    (context, attention, explainer, trace) = (left, none, none, none)
    // On a tall screen the left column decides first what it can take from the right one.
    let leftInside = Self.padded(Panel.inner(of: left)).width
    let explainRight = h >= topHeight + modelNeed + explainNeed
    // The two panels' rows in the left column, worked out only where a branch below asks
    // (laying out every stage's explainer text is most of a layout's cost).
    var modelLeftRows: Int?
    var explainLeftRows: Int?
    func modelLeft() -> Int {
      if let rows = modelLeftRows { return rows }
      let rows = wants.modelLines(leftInside) + 2
      modelLeftRows = rows
      return rows
    }
    // (Under the map, where it is wide, the explainer takes just the rows of its longest text.)
    func explainLeft() -> Int {
      if let rows = explainLeftRows { return rows }
      let rows = max(3, wants.explainLines(leftInside) + 2)
      explainLeftRows = rows
      return rows
    }
    var moved = (model: 0, explainer: 0)
    if tall {
      // Each panel sized to what it holds, in this order of need: the context (at most half
      // the column; it scrolls), the stage explainer when the right column has no room for
      // it, the attention map (one row a token), the step's trace (one line a stage). Rows to
      // spare then take the explainer, or the model panel and the explainer, from the right
      // column, so the bars there get every row they can use. What is left goes to the
      // context, which shows more of itself as it grows instead of scrolling; the attention
      // map keeps the rows it will fill at `attn 1` (a row a token of the window).
      let contextWant = max(3, wants.contextLines(leftInside)) + 2 + Self.contextFooter
      var contextRows = min(max(5, contextWant), column / 2)
      var free = column - contextRows
      if !explainRight, free - explainLeft() >= Self.attentionMinRows {
        moved.explainer = explainLeft()
      }
      free -= moved.explainer
      let attentionWant = max(1, wants.attentionRows) + 2 + wants.attentionHeaderRows
      let attentionRows = max(Self.attentionMinRows, min(attentionWant, free))
      free -= attentionRows
      let traceRows = free >= Self.traceMinRows ? min(wants.traceRows + 2, free) : 0
      free -= traceRows
      let rightShort = h < topWant + modelNeed + (explainRight ? explainNeed : 0)
      if rightShort, moved.explainer == 0, explainRight, h >= topWant + modelNeed,
        free >= explainLeft()
      {
        moved.explainer = explainLeft()
      } else if rightShort, free >= modelLeft() + (moved.explainer > 0 ? 0 : explainLeft()) {
        moved = (modelLeft(), moved.explainer > 0 ? moved.explainer : explainLeft())
      }
      free = column - contextRows - attentionRows - traceRows - moved.model - moved.explainer
      contextRows += free
      var rest = left
      context = rest.takingTop(contextRows)
      rest = rest.droppingTop(contextRows)
      attention = rest.takingTop(attentionRows)
      rest = rest.droppingTop(attentionRows)
      trace = rest.takingTop(traceRows)
      rest = rest.droppingTop(traceRows)
      explainer = rest.takingTop(moved.explainer)
      rest = rest.droppingTop(moved.explainer)
      if moved.model > 0 {
        model = rest.takingTop(moved.model)
        top = right
        return
      }
    }
    let topRows: Int
    if explainRight && moved.explainer == 0 {
      topRows = min(topWant, h - modelNeed - explainNeed)
    } else if h >= topHeight + modelNeed {
      topRows = min(topWant, h - modelNeed)
    } else if h >= topHeight + Self.modelMinHeight {
      topRows = topHeight
    } else {
      topRows = h
    }
    top = right.takingTop(topRows)
    model = right.droppingTop(topRows)
  }

  /// What the panels' text is measured in for the layout (the glyphs decide the widths).
  static let sizing = RenderContext(theme: .monochrome, glyphs: .unicode)

  /// The fewest rows of the attention map and of the trace (a border and a few lines).
  static let attentionMinRows = 4
  static let traceMinRows = 5
}

extension JourneyState {
  /// The layout for this state: panels sized to what they hold on roomy screens.
  func layout(_ area: Rect) -> JourneyLayout {
    guard let machine = engine?.machine else { return JourneyLayout(area) }
    let context = JourneyLayout.sizing
    // Each panel is sized for what it will hold at its fullest in the step on show, not for
    // what it holds at the lit stage, so the layout stays put from `text` to `append`.
    // The bars the step shows at `logits`: its pass's tokens with a finite score (cut tokens
    // stay in the bars, struck, so they count); at `append` the machine already holds the next
    // context's pass, and the step on show is the finished one.
    let finished = machine.stage == .append
    let bars =
      finished
      ? lastDraw?.bars.rows.count ?? 0
      : machine.pass.map { p in p.logits.lazy.filter { $0.isFinite }.count } ?? 0
    let wants = JourneyLayout.Wants(
      contextLines: { contextLineCount(width: $0) },
      // The map's rows at `attn 1`: a row a token of the window the step reads.
      attentionRows: reveal?.window.count ?? machine.window.tokens.count,
      attentionHeaderRows: machine.model.kvHeadCount < machine.model.headCount ? 2 : 1,
      bars: bars,
      modelLines: { modelLines(machine, width: $0, context: context) },
      explainLines: { explainerLines(machine, width: $0, context: context) },
      traceRows: machine.stages.count)
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
