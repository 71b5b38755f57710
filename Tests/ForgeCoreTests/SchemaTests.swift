import ForgeCore
import Foundation
import Testing

/// The JSON output keeps a stable schema.
@Suite struct SchemaTests {
  private func object(_ json: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
  }

  @Test func dossierSchema() throws {
    let root = try object(Report.render(Dossier(.seedDefault), as: .json, trace: false))
    #expect(Set(root.keys) == ["design", "figures", "verdicts", "longestContext"])
    let design = try #require(root["design"] as? [String: Any])
    #expect(
      Set(design.keys) == [
        "budget", "moeRatio", "overtrain", "context", "precision", "gpu", "mfu", "moeK",
        "attention",
      ])
    let figures = try #require(root["figures"] as? [[String: Any]])
    #expect(figures.compactMap { $0["id"] as? String } == Dossier.figureIDs)
    for f in figures {
      #expect(Set(f.keys) == ["id", "label", "value", "unit", "text", "detail", "trace"])
      let trace = try #require(f["trace"] as? [String: Any])
      #expect(Set(trace.keys) == ["formula", "substituted", "result", "eq", "notes"])
    }
    let verdicts = try #require(root["verdicts"] as? [[String: Any]])
    for v in verdicts { #expect(Set(v.keys) == ["severity", "id", "message"]) }
  }

  @Test func jsonRoundTrips() throws {
    let d = Dossier(Preset.frontier2025.design)
    let back = try JSONDecoder().decode(
      Dossier.self, from: Data(Report.render(d, as: .json, trace: false).utf8))
    #expect(back == d)
  }

  @Test func textAndMarkdownCarryTheFiguresAndTraces() {
    let d = Dossier(.seedDefault)
    for format in [ReportFormat.text, .markdown] {
      let plain = Report.render(d, as: format, trace: false)
      let traced = Report.render(d, as: format, trace: true)
      #expect(d.figures.allSatisfy { plain.contains($0.text) })
      #expect(!plain.contains("EQ 3.5"))
      #expect(traced.contains(d["kv_per_user"]!.trace.line))
    }
  }

  @Test func galleryFormats() throws {
    let json = GalleryReport.render(on: .seedDefault, as: .json)
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any])
    #expect(rows.count == Gallery.models.count)
    let text = GalleryReport.render(on: .seedDefault, as: .text)
    let md = GalleryReport.render(on: .seedDefault, as: .markdown)
    for m in Gallery.models {
      #expect(text.contains(m.name))
      #expect(md.contains("| \(m.name) |"))
    }
  }
}
