import Foundation

/// A llama2.c `tokenizer.bin` vocabulary (sentencepiece BPE with byte fallback) with
/// llama2.c's encoder and decoder.
///
/// File layout (little-endian): an int32 max_token_length, then for every token a float32
/// merge score, an int32 byte length and the piece's bytes. Ids 0, 1, 2 are `<unk>`, BOS and
/// EOS; ids 3…258 are the byte pieces `<0x00>`…`<0xFF>`.
public struct LlamaTokenizer: Sendable {
  public static let bos = 1
  public static let eos = 2
  /// Byte b falls back to id b + 3.
  public static let byteOffset = 3

  /// Each token's bytes, by id.
  public let pieces: [[UInt8]]
  /// Each token's merge score, by id (higher merges first).
  public let scores: [Float]
  public let maxTokenLength: Int
  private let ids: [[UInt8]: Int]

  public var count: Int { pieces.count }

  public init(pieces: [[UInt8]], scores: [Float], maxTokenLength: Int) {
    precondition(pieces.count == scores.count)
    self.pieces = pieces
    self.scores = scores
    self.maxTokenLength = maxTokenLength
    var ids: [[UInt8]: Int] = [:]
    for (i, p) in pieces.enumerated() where ids[p] == nil { ids[p] = i }
    self.ids = ids
  }

  /// Reads a `tokenizer.bin`; errors name the file and the problem in one line.
  public static func load(path: String) throws(ModelError) -> LlamaTokenizer {
    let file = (path as NSString).lastPathComponent
    let mapped = try MappedFile(path: path, file: file)
    return try parse(mapped.bytes, file: file)
  }

  /// Parses the bytes of a `tokenizer.bin` named `file`.
  public static func parse(_ bytes: UnsafeRawBufferPointer, file: String) throws(ModelError)
    -> LlamaTokenizer
  {
    func fail(_ problem: String) -> ModelError { ModelError(file: file, problem: problem) }
    func int32(_ at: Int) -> Int {
      Int(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int32.self)))
    }
    guard bytes.count >= 4 else {
      throw fail("truncated: \(bytes.count) bytes, shorter than the 4-byte header")
    }
    let maxLength = int32(0)
    guard maxLength > 0 else { throw fail("impossible header: max_token_length is \(maxLength)") }
    var pieces: [[UInt8]] = []
    var scores: [Float] = []
    var at = 4
    while at < bytes.count {
      let id = pieces.count
      guard at + 8 <= bytes.count else {
        throw fail("truncated inside token \(id) (\(bytes.count - at) bytes left of its header)")
      }
      let score = Float(
        bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
      let length = int32(at + 4)
      guard score.isFinite else { throw fail("token \(id) has a non-finite score (\(score))") }
      guard length >= 0 else { throw fail("token \(id) has a negative length (\(length))") }
      at += 8
      guard at + length <= bytes.count else {
        throw fail(
          "truncated inside token \(id) (\(length) bytes promised, \(bytes.count - at) left)")
      }
      pieces.append(Array(bytes[at..<at + length]))
      scores.append(score)
      at += length
    }
    guard pieces.count >= byteOffset + 256 else {
      throw fail(
        "holds \(pieces.count) tokens; a llama2.c vocabulary has at least 259 "
          + "(<unk>, BOS, EOS and the 256 byte pieces)")
    }
    return LlamaTokenizer(pieces: pieces, scores: scores, maxTokenLength: maxLength)
  }

  /// The id of a piece, or nil when the vocabulary lacks it.
  public func id(of piece: [UInt8]) -> Int? { ids[piece] }

  // MARK: encoding

  /// llama2.c's `encode(text, bos: 1, eos: 0)`: BOS; a dummy " " when the text is not empty;
  /// each UTF-8 code point as its piece, or its bytes as byte pieces when the vocabulary lacks
  /// it; then, while any adjacent pair concatenates to a piece, merge the best-scoring such
  /// pair (the leftmost on ties).
  public func encode(_ text: String, bos: Bool = true) -> [Int] {
    encode(bytes: Array(text.utf8), bos: bos)
  }

  public func encode(bytes text: [UInt8], bos: Bool = true) -> [Int] {
    var tokens: [Int] = bos ? [Self.bos] : []
    if !text.isEmpty {
      tokens.append(id(of: [0x20]) ?? (0x20 + Self.byteOffset))
    }
    var buffer: [UInt8] = []
    buffer.reserveCapacity(4)
    for (i, byte) in text.enumerated() {
      if byte & 0xC0 != 0x80 { buffer.removeAll(keepingCapacity: true) }
      buffer.append(byte)
      let nextContinues = i + 1 < text.count && text[i + 1] & 0xC0 == 0x80
      if nextContinues && buffer.count < 4 { continue }
      if let id = id(of: buffer) {
        tokens.append(id)
      } else {
        for b in buffer { tokens.append(Int(b) + Self.byteOffset) }
      }
      buffer.removeAll(keepingCapacity: true)
    }
    var pair: [UInt8] = []
    while true {
      var bestScore: Float = -1e10
      var bestID = -1
      var bestIndex = -1
      for i in 0..<max(tokens.count - 1, 0) {
        pair.removeAll(keepingCapacity: true)
        pair += pieces[tokens[i]]
        pair += pieces[tokens[i + 1]]
        if let id = ids[pair], scores[id] > bestScore {
          bestScore = scores[id]
          bestID = id
          bestIndex = i
        }
      }
      if bestIndex < 0 { break }
      tokens[bestIndex] = bestID
      tokens.remove(at: bestIndex + 1)
    }
    return tokens
  }

  // MARK: decoding

  /// True for a piece that ends a sentence (its text ends in ".", "!" or "?" before any
  /// white space) or the text (EOS, or BOS: llama2.c's stories start with one).
  public func endsSentence(_ id: Int) -> Bool {
    if id == Self.bos || id == Self.eos { return true }
    guard pieces.indices.contains(id) else { return false }
    let last = pieces[id].reversed().first { $0 != 0x20 && $0 != 0x0A }
    return last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
  }

  /// llama2.c's `decode(prev, token)`: the piece's bytes, with the leading space dropped right
  /// after BOS, and `<0xXX>` pieces turned into the raw byte.
  public func decode(previous: Int, token: Int) -> [UInt8] {
    var piece = pieces[token][...]
    if previous == Self.bos, piece.first == 0x20 { piece = piece.dropFirst() }
    if let byte = Self.rawByte(piece) { return [byte] }
    return Array(piece)
  }

  /// What llama2.c's `safe_printf` prints of a decoded piece: nothing for an empty piece or a
  /// single byte that is neither printable ASCII nor white space (a stray control code or half
  /// of a multi-byte character); the piece as it is otherwise, up to a NUL (C strings end there).
  public static func printable(_ piece: [UInt8]) -> ArraySlice<UInt8> {
    let text = piece.prefix { $0 != 0 }
    if text.count == 1 {
      let b = text.first!
      let isPrint = b >= 0x20 && b <= 0x7E
      let isSpace = b == 0x20 || (b >= 0x09 && b <= 0x0D)
      if !(isPrint || isSpace) { return [] }
    }
    return text
  }

  /// The text a token list decodes to, as `run.c` prints it: each token decoded against the one
  /// before it (the first against BOS) and filtered by `printable`.
  public func text(_ tokens: some Sequence<Int>, after first: Int = LlamaTokenizer.bos) -> [UInt8] {
    var out: [UInt8] = []
    var previous = first
    for t in tokens {
      out += Self.printable(decode(previous: previous, token: t))
      previous = t
    }
    return out
  }

  /// The byte of a `<0xXX>` piece as C's `sscanf(piece, "<0x%02hhX>")` reads it: "<0x" and one
  /// or two hex digits.
  static func rawByte(_ piece: ArraySlice<UInt8>) -> UInt8? {
    let p = Array(piece)
    guard p.count >= 4, p[0] == 0x3C, p[1] == 0x30, p[2] == 0x78 else { return nil }
    var value = 0
    var digits = 0
    for b in p[3...].prefix(2) {
      guard let d = hexValue(b) else { break }
      value = value * 16 + d
      digits += 1
    }
    return digits > 0 ? UInt8(value) : nil
  }

  private static func hexValue(_ b: UInt8) -> Int? {
    switch b {
    case 0x30...0x39: return Int(b - 0x30)
    case 0x41...0x46: return Int(b - 0x41 + 10)
    case 0x61...0x66: return Int(b - 0x61 + 10)
    default: return nil
    }
  }

  /// A piece as one visible word for screens: a leading space as sentencepiece's "▁" (so
  /// " upon" reads ▁upon and word boundaries stay visible between pieces), `<s>` and `</s>`
  /// for BOS and EOS, and any other control character or invalid UTF-8 as its `<0xXX>` name.
  public func displayLabel(_ id: Int) -> String {
    guard pieces.indices.contains(id) else { return "<\(id)>" }
    if id == Self.bos { return "<s>" }
    if id == Self.eos { return "</s>" }
    guard let text = String(validating: pieces[id], as: UTF8.self) else { return "<\(id)>" }
    var out = ""
    for scalar in text.unicodeScalars {
      if scalar == " " {
        out += "▁"
      } else if scalar.value < 0x20 || scalar.value == 0x7F {
        out += String(format: "<0x%02X>", scalar.value)
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out.isEmpty ? "<\(id)>" : out
  }

  /// A readable label for a piece: the text where it is valid UTF-8 (a leading space kept),
  /// its `<0xXX>` name otherwise.
  public func label(_ id: Int) -> String {
    guard pieces.indices.contains(id) else { return "<\(id)>" }
    return String(validating: pieces[id], as: UTF8.self) ?? "<\(id)>"
  }
}
