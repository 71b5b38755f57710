import Testing

@testable import TerminalUI

/// The packed glyph: every character comes back with its exact UTF-8, short ones inline and
/// long ones through the process-wide table, and cells keep `Character`'s meaning of equal.
struct CellGlyphTests {
  /// Characters of every UTF-8 length and shape: ASCII, 2-, 3-, 4-byte scalars, clusters of
  /// up to 8 bytes (inline) and longer ones (the table), canonically equivalent spellings.
  static let characters: [Character] = [
    "A", " ", "~", "\0", "\u{7F}", "\r\n",
    "é", "ß", "Ω", "\u{A0}",
    "─", "中", "€", "\u{212A}", "\u{212B}", "\u{037E}",
    "🙂", "𝄞", "\u{10FFFF}",
    "e\u{301}", "a\u{301}\u{302}\u{303}", "🇫🇷", "👍🏽",
    "e\u{301}\u{302}\u{303}\u{304}", "👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈",
    Character("e" + String(repeating: "\u{301}", count: 10)),
    "\u{E9}\u{302}\u{303}\u{304}\u{305}", "e\u{301}\u{302}\u{303}\u{304}\u{305}",
    "K", "Å", ";", "a",
  ]

  @Test func everyCharacterComesBackWithItsExactBytes() {
    for c in Self.characters {
      let glyph = CellGlyph(c)
      // Compared as bytes: `Character`'s == would let a respelling through.
      #expect(Array(glyph.character.utf8) == Array(c.utf8), "\(c.unicodeScalars.map(\.value))")
      var out: [UInt8] = [0x2A]
      glyph.appendUTF8(to: &out)
      #expect(out == [0x2A] + Array(c.utf8))
      #expect(Array(Cell(c).glyph.utf8) == Array(c.utf8))
      #expect(glyph.asciiByte == c.asciiByte)
      #expect(glyph.isLong == (c.utf8.count > 8))
    }
  }

  @Test func shortCharactersAreTheirUTF8InlineFirstByteLowest() {
    #expect(CellGlyph("A").bits == 0x41)
    #expect(CellGlyph("\0").bits == 0)
    #expect(CellGlyph(" ") == .space)
    #expect(CellGlyph("é").bits == 0xA9C3)
    #expect(CellGlyph("中").bits == 0xAD_B8E4)
    #expect(CellGlyph("🙂").bits == 0x8299_9FF0)
    // Eight bytes, the most kept inline: 🇫 🇷 = F0 9F 87 AB, F0 9F 87 B7.
    #expect(CellGlyph("🇫🇷").bits == 0xB787_9FF0_AB87_9FF0)
    #expect(CellGlyph(asciiByte: 0x7A) == CellGlyph("z"))
  }

  @Test func aLongCharacterIsKeptOnceAndNamedByItsBytes() {
    let family: Character = "👨‍👩‍👧‍👦"
    let first = CellGlyph(family)
    let before = LongGlyphs.shared.count
    let again = CellGlyph(family)
    #expect(again == first)
    #expect(LongGlyphs.shared.count == before)
    #expect(CellGlyph("👩‍💻") != first)
    // Canonically equivalent but spelled differently: two entries, each its own bytes.
    let composed = CellGlyph("\u{E9}\u{302}\u{303}\u{304}\u{305}")
    let decomposed = CellGlyph("e\u{301}\u{302}\u{303}\u{304}\u{305}")
    #expect(composed.isLong && decomposed.isLong)
    #expect(composed != decomposed)
    #expect(Array(composed.character.utf8) == Array("\u{E9}\u{302}\u{303}\u{304}\u{305}".utf8))
    #expect(Array(decomposed.character.utf8) == Array("e\u{301}\u{302}\u{303}\u{304}\u{305}".utf8))
  }

  @Test func cellsAreEqualExactlyWhenTheirCharactersAreAndHashAlike() {
    for a in Self.characters {
      for b in Self.characters {
        let same = Cell(a) == Cell(b)
        #expect(
          same == (a == b), "\(a.unicodeScalars.map(\.value)) \(b.unicodeScalars.map(\.value))")
        if same { #expect(Cell(a).hashValue == Cell(b).hashValue) }
        #expect(Cell(a).packedGlyph.isEquivalent(to: Cell(b).packedGlyph) == (a == b))
      }
    }
    #expect(Cell("é") == Cell("e\u{301}"))
    #expect(Cell("K") == Cell("\u{212A}"))
    #expect(Cell("a", style: .plain) != Cell("a", style: Style(attrs: .bold)))
    #expect(Cell("中", width: 2) != Cell("中", width: 1))
    var set: Set<Cell> = [Cell("é"), Cell("e\u{301}"), Cell("Å"), Cell("\u{212B}"), Cell("A")]
    #expect(set.count == 3)
    set.insert(Cell("\u{C5}"))
    #expect(set.count == 3)
  }

  @Test func theGlyphPropertyWritesThePackedBytesAndLeavesTheRest() {
    let bold = Style(fg: .index(3), attrs: .bold)
    var cell = Cell("a", style: bold, width: 2)
    cell.glyph = "👩‍💻"
    #expect(Array(cell.glyph.utf8) == Array("👩‍💻".utf8))
    #expect(cell.style == bold && cell.width == 2)
    cell.glyph = "é"
    #expect(cell.packedGlyph.bits == 0xA9C3)
  }

  @Test func aCellIsSixteenPlainBytes() {
    #expect(_isPOD(Cell.self))
    #expect(_isPOD(CellUpdate.self))
    #expect(_isPOD(Style.self))
    #expect(MemoryLayout<Cell>.size == 16)
    #expect(MemoryLayout<Cell>.stride == 16)
  }

  @Test func theDiffComparesTheBytesTheTerminalIsSent() {
    // "K" and the Kelvin sign are equal `Character`s, but the terminal shows what it is sent.
    var before = Canvas(size: Size(width: 3, height: 2))
    before.put("K", x: 2, y: 0)
    var after = before
    after.put("\u{212A}", x: 2, y: 0)
    after.put("x", x: 0, y: 1)
    #expect(before == after.with(" ", at: 0, 1))
    let updates = Canvas.diff(before, after)
    #expect(updates.map { [$0.x, $0.y] } == [[2, 0], [0, 1]])
    #expect(Array(updates[0].cell.glyph.utf8) == Array("\u{212A}".utf8))
  }

  @Test func narrowTextIsPackedFromItsBytes() {
    var canvas = Canvas(size: Size(width: 8, height: 1))
    canvas.put("a─é\u{A0}€b", x: 1, y: 0)
    let bytes = (0..<8).map { Array(canvas[$0, 0].glyph.utf8) }
    #expect(
      bytes == [
        [0x20], [0x61], [0xE2, 0x94, 0x80], [0xC3, 0xA9], [0x20], [0xE2, 0x82, 0xAC], [0x62],
        [0x20],
      ])
  }
}

/// The packed style and width: every style and width comes back, each set alone.
struct CellLookTests {
  @Test func everyStyleAndWidthComesBackAndTheSettersLeaveTheRest() {
    let colors: [Color] = [.default, .index(0), .index(1), .index(255), .index(128)]
    for fg in colors {
      for bg in colors {
        for attrs in [0, 1, 5, 16, 31, 255] {
          let style = Style(fg: fg, bg: bg, attrs: Attributes(rawValue: UInt8(attrs)))
          for width: UInt8 in [0, 1, 2] {
            var cell = Cell("中", style: style, width: width)
            #expect(cell.style == style && cell.width == width)
            #expect(cell.glyph == "中")
            cell.width = 2 - width
            #expect(cell.style == style && cell.width == 2 - width)
            cell.style = .plain
            #expect(cell.style == .plain && cell.width == 2 - width)
            cell.style = style
            #expect(cell == Cell("中", style: style, width: 2 - width))
          }
        }
      }
    }
    #expect(Cell("a", style: Style(fg: .default)) != Cell("a", style: Style(fg: .index(0))))
    #expect(Cell("a", style: Style(bg: .index(7))) != Cell("a", style: Style(fg: .index(7))))
  }
}

extension Canvas {
  fileprivate func with(_ glyph: Character, at x: Int, _ y: Int) -> Canvas {
    var c = self
    c.put(glyph, x: x, y: y, style: .plain)
    return c
  }
}
