import Foundation
import Testing

@testable import ForgeCore

/// The dossier's traces build their notes when read (`Trace(…, notes: { … })`): each read
/// gives the same lines, equality and the JSON go by those lines, and appended notes follow
/// the ones before in order.
struct TraceNotesTests {
  /// Designs over every preset and, from the seed's default, every stop of every slider.
  static var designs: [ForgeDesign] {
    var out = Preset.allCases.map(\.design)
    for decision in Decision.allCases {
      for stop in 0..<decision.stopCount {
        out.append(ForgeDesign.seedDefault.setting(decision, toStop: stop))
      }
    }
    return out
  }

  @Test func notesReadTheSameEachTimeAndRoundTripThroughJSON() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    for design in Self.designs {
      let dossier = Dossier(design)
      for figure in dossier.figures {
        let trace = figure.trace
        #expect(trace.notes == trace.notes, "\(figure.id)")
        // A decoded trace holds its notes as given: equal, and encoded the same.
        let data = try encoder.encode(trace)
        let decoded = try JSONDecoder().decode(Trace.self, from: data)
        #expect(decoded == trace, "\(figure.id)")
        #expect(decoded.notes == trace.notes, "\(figure.id)")
        #expect(try encoder.encode(decoded) == data, "\(figure.id)")
        let keys = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(
          keys.map { Set($0.keys) } == ["formula", "substituted", "result", "eq", "notes"])
      }
      #expect(dossier == Dossier(design))
      #expect(dossier.withNotesBuilt == dossier)
    }
  }

  @Test func deferredAndAppendedNotesAreInOrder() {
    var given = Trace(formula: "f", substituted: "s", result: "r", notes: ["a"])
    given.appendNotes { ["b", "c"] }
    #expect(given.notes == ["a", "b", "c"])
    var deferred = Trace(formula: "f", substituted: "s", result: "r", notes: { ["a"] })
    deferred.appendNotes { ["b"] }
    deferred.appendNotes { ["c"] }
    #expect(deferred == given)
    deferred.notes.append("d")
    #expect(deferred.notes == ["a", "b", "c", "d"])
    #expect(deferred != given)
  }
}
