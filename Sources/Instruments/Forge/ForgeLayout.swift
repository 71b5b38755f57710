import ForgeCore
import TerminalUI

/// Where the Forge screen puts its parts, as a pure function of the body rect. The view draws
/// into these rects and mouse hit-testing reads the very same ones.
///
/// Under 120 columns: sliders over an info box on the left, the dossier over the verdicts on
/// the right (`g` swaps the right column for the plot). From 120 columns a third column holds
/// the selected figure's trace; from 40 rows the plot gets a slot under the sliders, and when
/// the third column is wide enough the plot takes it, the verdicts move under the sliders and
/// the trace (with every figure's equation) takes the rest of the middle column.
public struct ForgeLayout: Equatable, Sendable {
  /// Terminals at least this wide get the always-visible trace column.
  public static let wideWidth = 120
  /// Terminals at least this tall (body 38 rows) get a plot slot beside everything else.
  public static let tallBody = 38
  /// Rows of the sliders box and of the dossier box: twelve rows of content and the border.
  public static let topHeight = 2 * Decision.allCases.count + 2
  /// Rows of the info box when the plot or the trace sits under it.
  static let infoHeight = 7

  public var sliders: Rect
  public var info: Rect
  public var dossier: Rect
  public var verdicts: Rect
  /// The always-visible trace; empty under 120 columns.
  public var trace: Rect
  /// The plot's own slot; empty when the screen is too small for one (then `g` shows the plot
  /// in `compactPlot` instead of the dossier and verdicts).
  public var plot: Rect
  /// Where `g` puts the plot when there is no slot for it.
  public var compactPlot: Rect
  /// Where the plot is on show: its own slot, or with `g` under 120 columns the right column.
  public func plotShown(toggled: Bool) -> Rect {
    !plot.isEmpty ? plot : (toggled ? compactPlot : .zero)
  }

  /// True when `g` has put the plot over the dossier and verdicts.
  public func plotCoversDossier(toggled: Bool) -> Bool {
    toggled && plot.isEmpty && !compactPlot.isEmpty
  }

  /// The area the screen was laid out in (popups centre on it).
  public var area: Rect
  /// On tall screens with a big plot, the room the verdicts leave under them: the terms the
  /// screen uses, explained with its numbers (empty elsewhere, and when they would not fit).
  public var terms: Rect = .zero
  /// True when the verdicts sit under the sliders and may share that column with the terms.
  public private(set) var termsCanJoin = false

  /// The layout of `area`. Where the verdicts sit under the sliders with more room than they
  /// take, `verdictRows` and `termsRows` (the lines each holds) size the verdicts to theirs and
  /// give the rest to the terms, when the terms fit there whole.
  public init(_ area: Rect, verdictRows: Int? = nil, termsRows: Int? = nil) {
    self.area = area
    let top = Self.topHeight
    let tall = area.height >= Self.tallBody
    if area.width < Self.wideWidth {
      let left = min(max(area.width * 9 / 20, 36), 50)
      let cols = area.columns([.fixed(left), .fill])
      let a = cols[0].rows([.fixed(top), .fill])
      let b = cols[1].rows([.fixed(top), .fill])
      sliders = a[0]
      info = a[1]
      dossier = b[0]
      verdicts = b[1]
      trace = .zero
      plot = .zero
      compactPlot = cols[1]
      return
    }
    let left = 44 + (area.width - Self.wideWidth) / 4
    let cols = area.columns([.fixed(left), .fixed(46 + (area.width - Self.wideWidth) / 8), .fill])
    let b = cols[1].rows([.fixed(top), .fill])
    dossier = b[0]
    verdicts = b[1]
    compactPlot = .zero
    let a = cols[0].rows([.fixed(top), .fixed(Self.infoHeight), .fill])
    sliders = a[0]
    if !tall {
      info = cols[0].droppingTop(top)
      trace = cols[2]
      plot = .zero
    } else if cols[2].width >= 60 {
      // Room for a big plot: it takes the third column; the verdicts move under the sliders
      // and the trace, with every figure's equation, takes the height under the dossier.
      info = a[1]
      verdicts = a[2]
      trace = b[1]
      plot = cols[2]
      termsCanJoin = true
      if let v = verdictRows, let t = termsRows, a[2].height >= v + t + 4 {
        verdicts = a[2].takingTop(v + 2)
        terms = a[2].droppingTop(v + 2)
      }
    } else {
      // A narrow third column: the trace sits beside the dossier, the verdicts go under the
      // sliders, and the plot takes the whole width under the dossier and trace.
      let right = Rect(
        x: cols[1].x, y: area.y, width: area.maxX - cols[1].x, height: area.height
      ).rows([.fixed(top), .fill])
      dossier = b[0]
      trace = Rect(x: cols[2].x, y: right[0].y, width: cols[2].width, height: top)
      info = a[1]
      verdicts = a[2]
      plot = right[1]
    }
  }

  /// The inside of the sliders box: two rows per slider (name and value, then the track).
  public var sliderArea: Rect { Panel.inner(of: sliders) }

  /// The two rows of slider `index` (empty when they fall outside the box).
  public func slider(_ index: Int) -> Rect { Self.slider(index, inBox: sliders) }

  /// The two rows of slider `index` in a sliders box at `box`.
  static func slider(_ index: Int, inBox box: Rect) -> Rect {
    let inner = Panel.inner(of: box)
    return Rect(x: inner.x, y: inner.y + 2 * index, width: inner.width, height: 2)
      .intersection(inner)
  }

  /// The inside of the dossier box: one row per figure.
  public var figureArea: Rect { Panel.inner(of: dossier) }

  /// The row of figure `index` (empty when it falls outside the box).
  public func figureRow(_ index: Int) -> Rect { Self.figureRow(index, inBox: dossier) }

  /// The row of figure `index` in a dossier box at `box`.
  static func figureRow(_ index: Int, inBox box: Rect) -> Rect { Panel.inner(of: box).row(index) }
}
