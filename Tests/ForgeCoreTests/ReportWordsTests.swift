import Testing

@testable import ForgeCore

/// `fullstack forge` says what the panel says: the advanced settings under their plain names
/// with the technical name in parentheses, GPU-hours and the full-context speed in words, and
/// every value in one column past the longest label (issue 17 item 5).
struct ReportWordsTests {
  static let text = Report.render(Dossier(.seedDefault), as: .text, trace: false)
  static let lines = text.split(separator: "\n").map(String.init)

  @Test func theAdvancedSettingsHaveThePanelsNames() {
    #expect(Self.lines.contains("  Utilisation (MFU)       0.45"))
    #expect(Self.lines.contains("  Expert worth (MoE k)    0.5 (unused: dense)"))
    #expect(!Self.lines.contains { $0.hasPrefix("  MFU") || $0.hasPrefix("  MoE k") })
    let md = Report.render(Dossier(.seedDefault), as: .markdown, trace: false)
    #expect(md.contains("| Utilisation (MFU) | 0.45 |"))
    #expect(md.contains("| Expert worth (MoE k) | 0.5 (unused: dense) |"))
  }

  @Test func theFiguresSayTheirUnitsInWords() {
    #expect(Self.lines.contains("  Training compute cost            $12.5 M · 6.2 M GPU-hours"))
    #expect(Self.lines.contains("  Single-stream ceiling            21 tok/s · 16 tok/s at 128K"))
    #expect(!Self.text.contains("@128K") && !Self.text.contains("H100-h "))
  }

  /// The longest label ("KV cache / user at full context") keeps two spaces before its value,
  /// and every value starts in the same column.
  @Test func everyValueStartsInOneColumn() {
    let figures = Self.lines.drop { !$0.hasPrefix("  Total params") }.prefix(13)
    #expect(figures.count == 13)
    #expect(figures.contains("  KV cache / user at full context  51.5 GB"))
    let column = "  KV cache / user at full context  ".count
    for line in figures {
      let value = line.dropFirst(column)
      #expect(line.prefix(column).hasSuffix(" ") && value.first != " ", "\(line)")
    }
  }
}
