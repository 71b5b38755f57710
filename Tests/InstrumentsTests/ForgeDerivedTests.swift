import ForgeCore
import TerminalUI
import Testing

@testable import Instruments

/// The Forge's dossiers are derived once per change, never set: after any sequence of keys
/// (moves, presets, the advanced box, the tour's reset) they are what `Dossier` gives for the
/// design and the previous design, and the view draws the same canvas as from fresh values.
struct ForgeDerivedTests {
  @Test func dossiersFollowTheDesignsThroughRandomKeys() {
    let keys: [Key] = [
      .right, .left, .down, .up, .shiftRight, .shiftLeft, .pageUp, .pageDown, .home, .end,
      .char("1"), .char("2"), .char("3"), .char("4"), .char("0"), .char("a"), .escape,
      .char("t"), .enter,
    ]
    var rng = Lcg(seed: 14)
    var s = AppState(screen: .forge, size: Size(width: 120, height: 40))
    for step in 0..<400 {
      _ = App.update(&s, .key(keys[rng.next(keys.count)]))
      #expect(s.forge.dossier == Dossier(s.forge.design), "step \(step)")
      #expect(s.forge.previousDossier == s.forge.previous.map(Dossier.init), "step \(step)")
      if step % 50 == 0 {
        // The same state rebuilt from its inputs draws the same screen.
        var fresh = ForgeState(design: s.forge.design, preset: s.forge.preset)
        fresh.previous = s.forge.previous
        fresh.focus = s.forge.focus
        fresh.zone = s.forge.zone
        fresh.figure = s.forge.figure
        fresh.popup = s.forge.popup
        fresh.advanced = s.forge.advanced
        fresh.plot = s.forge.plot
        #expect(fresh == s.forge)
        var other = s
        other.forge = fresh
        #expect(App.view(other) == App.view(s))
      }
    }
  }

  @Test func aMoveReusesTheDossierItReplaces() {
    var forge = ForgeState()
    let before = forge.dossier
    forge.step(.compute, by: 1)
    #expect(forge.previous == ForgeDesign.seedDefault)
    #expect(forge.previousDossier == before)
    #expect(forge.dossier == Dossier(forge.design))
    #expect(forge.dossier != before)
    forge.previous = nil
    #expect(forge.previousDossier == nil)
  }

  /// A move back to the design before (a stop right, then left) swaps the two dossiers; a
  /// preset and the setters keep them following too.
  @Test func aMoveBackSwapsTheDossiers() {
    var forge = ForgeState()
    forge.step(.context, by: 1)
    #expect(forge.design != ForgeDesign.seedDefault)
    let moved = forge.dossier
    let seed = forge.previousDossier
    forge.step(.context, by: -1)
    #expect(forge.design == ForgeDesign.seedDefault)
    #expect(forge.dossier == seed)
    #expect(forge.previousDossier == moved)
    #expect(forge.dossier == Dossier(forge.design))
    #expect(forge.previousDossier == forge.previous.map(Dossier.init))
    forge.apply(.chinchilla)
    #expect(forge.dossier == Dossier(Preset.chinchilla.design))
    #expect(forge.previousDossier == Dossier(.seedDefault))
    forge.design = .seedDefault
    #expect(forge.dossier == Dossier(.seedDefault))
    #expect(forge.previousDossier == Dossier(.seedDefault))
    forge.previous = Preset.chinchilla.design
    #expect(forge.previousDossier == Dossier(Preset.chinchilla.design))
  }
}

/// A tiny seeded generator for picking keys.
private struct Lcg {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next(_ n: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(n))
  }
}
