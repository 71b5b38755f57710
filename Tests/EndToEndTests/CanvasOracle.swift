import Foundation

/// The end-to-end oracle: the canvas the app last drew (its hidden FULLSTACK_DIAG_CANVAS
/// report) against what tmux shows (`capture-pane -e`, decoded into cells), cell by cell with
/// glyph, colours and attributes. Cells are compared by how they look: a blank without
/// reverse or underline shows only its background, whatever its foreground or bold.
enum CanvasOracle {
  /// How one cell looks: the glyph, the terminal colour numbers (nil: the default) and the
  /// attributes as letters (b, d, u, r, i).
  struct Look: Equatable, CustomStringConvertible {
    var glyph: Character
    var fg: Int?
    var bg: Int?
    var attrs: Set<Character>

    /// The same look with what a blank cannot show left out.
    var normalized: Look {
      guard glyph == " ", attrs.isDisjoint(with: ["u", "r"]) else { return self }
      return Look(glyph: " ", fg: nil, bg: bg, attrs: [])
    }

    var description: String {
      "'\(glyph)' fg \(fg.map(String.init) ?? "-") bg \(bg.map(String.init) ?? "-") "
        + (attrs.isEmpty ? "-" : String(attrs.sorted()))
    }
  }

  /// The app's report: its size and, row by row, the drawn cells in column order (a wide
  /// character once, with its width).
  struct Report {
    var width = 0
    var height = 0
    var rows: [[(x: Int, width: Int, look: Look)]] = []

    init?(_ text: String) {
      let lines = text.split(separator: "\n")
      guard let head = lines.first?.split(separator: " "), head.count == 3, head[0] == "size",
        let w = Int(head[1]), let h = Int(head[2])
      else { return nil }
      width = w
      height = h
      rows = Array(repeating: [], count: h)
      for line in lines.dropFirst() {
        let f = line.split(separator: " ", omittingEmptySubsequences: false)
        guard f.count == 7, let x = Int(f[0]), let y = Int(f[1]), let cw = Int(f[2]),
          let fg = Int(f[3]), let bg = Int(f[4]), y >= 0, y < h
        else { return nil }
        let scalars = f[6].split(separator: "+").compactMap { UInt32($0, radix: 16) }
          .compactMap(Unicode.Scalar.init)
        guard !scalars.isEmpty else { return nil }
        var glyph = ""
        glyph.unicodeScalars.append(contentsOf: scalars)
        let look = Look(
          glyph: Character(glyph), fg: fg < 0 ? nil : fg, bg: bg < 0 ? nil : bg,
          attrs: f[5] == "-" ? [] : Set(f[5]))
        rows[y].append((x, cw, look))
      }
    }
  }

  /// A colour as tmux writes it in SGR ("31", "91", "38;5;31", "41", "101", "48;5;24") as
  /// a palette number.
  static func number(_ code: String?) -> Int? {
    guard let code else { return nil }
    let parts = code.split(separator: ";").compactMap { Int($0) }
    if parts.count == 3, parts[1] == 5 { return parts[2] }
    guard parts.count == 1 else { return -1000 }  // RGB: never what the app asks for
    switch parts[0] {
    case 30...37: return parts[0] - 30
    case 40...47: return parts[0] - 40
    case 90...97: return parts[0] - 90 + 8
    case 100...107: return parts[0] - 100 + 8
    default: return -1000
    }
  }

  static func look(_ cell: StyledCapture.Cell) -> Look {
    let letters: [Int: Character] = [1: "b", 2: "d", 3: "i", 4: "u", 7: "r"]
    return Look(
      glyph: cell.character, fg: number(cell.style.fg), bg: number(cell.style.bg),
      attrs: Set(cell.style.attributes.compactMap { letters[$0] }))
  }

  /// Every cell where the pane differs from the report, as readable lines (empty: equal).
  ///
  /// The capture is taken with `-N` (tmux otherwise trims a row's trailing spaces, coloured
  /// or not). tmux still leaves out the cells at a row's end that were cleared by "erase to end
  /// of line" (ncurses uses it for trailing blanks; with back-colour erase they take the
  /// background in effect, that of the last cell written). So a row's cells past what the
  /// capture holds must be blanks that show no foreground, all on one background: the
  /// default or the last captured cell's.
  static func mismatches(report: Report, capture: StyledCapture, limit: Int = 12) -> [String] {
    var out: [String] = []
    var count = 0
    for y in 0..<report.height {
      let shown = y < capture.rows.count ? capture.rows[y] : []
      let erased = Look(glyph: " ", attrs: [])
      var cleared = erased
      if let last = shown.last, let end = report.rows[y].indices.first(where: { $0 >= shown.count })
      {
        let tail = Set(report.rows[y][end...].map { $0.look.normalized.bg })
        let lastBg = look(last).bg
        if tail.count == 1, let bg = tail.first, bg == nil || bg == lastBg {
          cleared = Look(glyph: " ", bg: bg, attrs: [])
        }
      }
      for (i, cell) in report.rows[y].enumerated() {
        let seen = i < shown.count ? look(shown[i]) : cleared
        if seen.normalized != cell.look.normalized {
          count += 1
          if out.count < limit {
            out.append("(\(cell.x),\(y)): canvas \(cell.look) but the pane shows \(seen)")
          }
        }
      }
      if shown.count > report.rows[y].count {
        count += 1
        out.append(
          "row \(y): the pane has \(shown.count) cells, the canvas \(report.rows[y].count)")
      }
    }
    if count > out.count { out.append("… \(count) cells differ in all") }
    return out
  }
}
