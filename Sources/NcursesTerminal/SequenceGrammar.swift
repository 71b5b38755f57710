/// The sequences `EscapeSequences` knows, as a grammar: what follows an ESC that is a known
/// sequence or the start of one. A sequence split across reads is held over the end of a
/// read only while it can still become one of these, and the next read continues it only
/// with bytes that keep it so; the first byte that cannot continue it ends it (dropped whole)
/// and is decoded as itself, so half a mouse report never swallows the key typed after it.
/// A control sequence (`ESC [`) the decoder does not know holds in the same way while it keeps
/// the shape of one, so its rest is dropped with it wherever it is cut; within one read that
/// shape applies to every CSI, and an OSC is dropped up to its end.
enum SequenceGrammar {
  /// Every known key's body and each of its prefixes, and X10's `[M` (three bytes follow).
  static let keyPrefixes: Set<[UInt32]> = {
    var set: Set<[UInt32]> = [[91, 77]]
    for body in EscapeSequences.known.keys {
      let scalars = body.unicodeScalars.map(\.value)
      for n in 1...scalars.count { set.insert(Array(scalars.prefix(n))) }
    }
    return set
  }()

  /// `body` (what followed an ESC) is a known sequence, or can still become one: a key, an
  /// SGR mouse report (`[<b;x;yM`), a device attributes reply (`[?62;22c`, the background
  /// query's sentinel) or an OSC reply (`]11;rgb:…` ended by BEL or `ESC \`).
  static func accepts(_ body: [UInt32]) -> Bool {
    guard let first = body.first else { return true }
    if keyPrefixes.contains(body) { return true }
    switch first {
    case 91 where body.count >= 2 && body[1] == 60: return sgrMouse(body.dropFirst(2))
    case 91 where body.count >= 2 && body[1] == 63: return deviceAttributes(body.dropFirst(2))
    case 93: return osc(body.dropFirst())
    case 91: return controlSequence(body.dropFirst())
    // SS3 (`O`): one final byte, known or not (keypad keys in application mode, `OM`, `Oj`).
    case 79: return body.count == 2 && (0x40...0x7E).contains(body[1])
    default: return false
    }
  }

  /// After `[` (other than `[<` and `[?`): the shape of any control sequence, parameters and
  /// intermediates (0x20-0x3F), then, as the last byte, a final (0x40-0x7E); at most 32
  /// bytes as the decoder gathers. So one the decoder does not know (Alt-Right's `[1;3C`,
  /// Ctrl-PgUp's `[5;5~`) is held over a read's end like a known one and its rest is dropped
  /// with it, never typed; a byte no sequence holds (a control, ESC, non-ASCII) ends it.
  static func controlSequence(_ rest: ArraySlice<UInt32>) -> Bool {
    guard rest.count < 32 else { return false }
    for (i, value) in zip(rest.indices, rest) where !(0x20...0x3F).contains(value) {
      return (0x40...0x7E).contains(value) && i == rest.endIndex - 1
    }
    return true
  }

  /// After `[<`: up to three fields of one to nine digits split by `;`, then `M` or `m`
  /// once all three are there (SGRMouse rejects anything else).
  static func sgrMouse(_ rest: ArraySlice<UInt32>) -> Bool {
    var fields = 1
    var digits = 0
    for (i, value) in zip(rest.indices, rest) {
      switch value {
      case 48...57:
        digits += 1
        if digits > 9 { return false }
      case 59:
        guard digits > 0, fields < 3 else { return false }
        fields += 1
        digits = 0
      case 77, 109:
        return fields == 3 && digits > 0 && i == rest.endIndex - 1
      default:
        return false
      }
    }
    return true
  }

  /// After `[?`: digits and `;`, then `c`.
  static func deviceAttributes(_ rest: ArraySlice<UInt32>) -> Bool {
    guard rest.count <= 30 else { return false }
    for (i, value) in zip(rest.indices, rest) {
      if value == 99 { return i == rest.endIndex - 1 }
      guard (48...57).contains(value) || value == 59 else { return false }
    }
    return true
  }

  /// After `]`: a number of up to four digits, `;`, its text, then BEL or ST (`ESC \`).
  /// The dynamic colours (10–19: OSC 11 is the background) answer `rgb:R/G/B` or
  /// `rgba:R/G/B/A` with one to four hex digits a component; any other OSC, printable text.
  static func osc(_ rest: ArraySlice<UInt32>) -> Bool {
    guard rest.count <= 512 else { return false }
    let numberEnd = rest.firstIndex { !(48...57).contains($0) } ?? rest.endIndex
    let number = rest[rest.startIndex..<numberEnd]
    guard number.count <= 4 else { return false }
    guard numberEnd < rest.endIndex else { return true }
    guard !number.isEmpty, rest[numberEnd] == 59 else { return false }
    var text = rest[(numberEnd + 1)...]
    var complete = false
    if let end = text.firstIndex(where: { $0 == 7 || $0 == 27 }) {
      let tail = Array(text[end...])
      guard tail == [7] || tail == [27] || tail == [27, 92] else { return false }
      text = text[text.startIndex..<end]
      complete = true
    }
    let value = number.reduce(0) { $0 * 10 + Int($1 - 48) }
    if (10...19).contains(value) { return colour(text, complete: complete) }
    return text.allSatisfy { (32...126).contains($0) }
  }

  /// A colour spec, or (unless `complete`) the start of one.
  static func colour(_ text: ArraySlice<UInt32>, complete: Bool) -> Bool {
    let spec = String(String.UnicodeScalarView(text.compactMap(Unicode.Scalar.init)))
    guard spec.unicodeScalars.count == text.count else { return false }
    for (prefix, parts) in [("rgb:", 3...3), ("rgba:", 3...4)] {
      if !complete && prefix.hasPrefix(spec) { return true }
      guard spec.hasPrefix(prefix) else { continue }
      let components = spec.dropFirst(prefix.count)
        .split(separator: "/", omittingEmptySubsequences: false)
      guard components.count <= parts.upperBound,
        components.allSatisfy({ $0.count <= 4 && $0.allSatisfy(isHexDigit) }),
        components.dropLast().allSatisfy({ !$0.isEmpty })
      else { return false }
      return !complete || (parts.contains(components.count) && !components.last!.isEmpty)
    }
    return false
  }

  /// An ASCII hex digit (not its fullwidth form, which only a person types).
  private static func isHexDigit(_ c: Character) -> Bool {
    c.isASCII && c.isHexDigit
  }
}
