import ForgeCore
import TerminalUI

/// How each kind of point is drawn: a glyph per glyph set and a theme role.
enum ForgePlotMark {
  /// `curve` stands for the plotted line in the legend; the others are markers.
  case curve, optimum, design, model, selectedModel

  func glyph(_ g: GlyphSet) -> Character {
    switch self {
    case .curve: g.isUnicode ? "⠒" : Self.curveASCII
    case .optimum: g.isUnicode ? "◆" : "#"
    case .design: g.isUnicode ? "●" : "@"
    case .model: g.isUnicode ? "○" : "o"
    case .selectedModel: g.isUnicode ? "◉" : "O"
    }
  }

  func style(_ t: Theme) -> Style {
    switch self {
    case .curve: t.barFill
    case .optimum: t.good.adding(.bold)
    case .design: t.accent
    case .model: t.text
    case .selectedModel: t.focus
    }
  }

  /// The curve's ASCII character (Unicode draws Braille dots).
  static let curveASCII: Character = "*"
  /// The selected model's own IsoFLOP curve in ASCII.
  static let selectedCurveASCII: Character = "."
}

extension GalleryModel {
  /// The name up to its first space: `GPT-3`, `Llama-3.1-405B`, `Mixtral`.
  var shortName: String { String(name.split(separator: " ").first ?? Substring(name)) }
}

/// Chooses which markers get their label so that no label covers a marker it must not hide
/// or another label. Labels are placed in priority order, on the side the plot will put them:
/// right of the marker when it fits inside the plot, else left.
struct LabelPlacer {
  private var taken: [(row: Int, from: Int, to: Int)] = []
  private let plot: Rect

  /// `plot`: the rect the chart draws markers in (`Plot.plotRect(in:)`).
  init(plot: Rect) { self.plot = plot }

  /// The label to draw beside the marker at `cell` (empty when it would cover one of
  /// `avoiding` or an earlier label).
  mutating func place(_ label: String, at cell: Point, avoiding: [Point]) -> String {
    guard !label.isEmpty else { return "" }
    let w = label.displayWidth
    let right = cell.x + 2
    let left = cell.x - 1 - w
    let start = right + w <= plot.maxX || left < plot.x ? right : left
    // The label's cells and the gap between it and its marker; another label also keeps off
    // the blank cell the plot leaves at its far end.
    let (from, to) = start == right ? (cell.x + 1, start + w - 1) : (start, cell.x - 1)
    let (clearFrom, clearTo) = start == right ? (from, to + 1) : (from - 1, to)
    let hitsMarker = avoiding.contains {
      $0 != cell && $0.y == cell.y && (from...to).contains($0.x)
    }
    let hitsLabel = taken.contains {
      $0.row == cell.y && $0.from <= clearTo && clearFrom <= $0.to
    }
    guard !hitsMarker, !hitsLabel else { return "" }
    taken.append((cell.y, clearFrom, clearTo))
    return label
  }
}
