import ForgeCore
import TerminalUI

/// How each kind of point is drawn: a glyph per glyph set and a theme role.
enum ForgePlotMark {
  case optimum, design, model, selectedModel

  func glyph(_ g: GlyphSet) -> Character {
    switch self {
    case .optimum: g.isUnicode ? "◆" : "#"
    case .design: g.isUnicode ? "●" : "@"
    case .model: g.isUnicode ? "○" : "o"
    case .selectedModel: g.isUnicode ? "◉" : "O"
    }
  }

  func style(_ t: Theme) -> Style {
    switch self {
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

/// Chooses which markers get their label so that no label covers another marker or another
/// label. Labels are placed in priority order; each reserves room on both sides of its marker
/// because the plot puts it left or right depending on space.
struct LabelPlacer {
  private var taken: [(row: Int, from: Int, to: Int)] = []
  private let markers: [Point]

  /// `markers`: the cells of every marker that will be drawn.
  init(markers: [Point]) { self.markers = markers }

  /// The label to draw beside the marker at `cell` (empty when it would collide).
  mutating func place(_ label: String, at cell: Point) -> String {
    guard !label.isEmpty else { return "" }
    let w = label.displayWidth
    let (from, to) = (cell.x - w - 1, cell.x + w + 2)
    let hitsMarker = markers.contains { $0 != cell && $0.y == cell.y && (from...to).contains($0.x) }
    let hitsLabel = taken.contains { $0.row == cell.y && $0.from <= to && from <= $0.to }
    guard !hitsMarker, !hitsLabel else { return "" }
    taken.append((cell.y, from, to))
    return label
  }
}
