import Foundation
import Testing

/// Keys decoded by terminfo and by sequence under every TERM the app meets: what tmux sends
/// for its named keys (inside tmux), what xterm and rxvt send (outside it, written as
/// bytes), unknown sequences dropped whole, and a press, drags and release sent in one go all
/// delivered. The app's hidden FULLSTACK_DIAG_KEYS log says what it decoded.
@Suite(.serialized, .enabled(if: Harness.shouldRun()))
struct KeyDecodingEndToEndTests {
  init() throws {
    try #require(Harness.tmux != nil, "tmux is required for the end-to-end tests (CI is set)")
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
  }

  /// tmux key names and the key each must arrive as.
  static let tmuxKeys: [(String, String)] =
    [
      ("Home", "home"), ("End", "end"), ("PPage", "pageUp"), ("NPage", "pageDown"),
      ("IC", "insert"), ("DC", "delete"), ("BTab", "backTab"), ("S-Left", "shiftLeft"),
      ("S-Right", "shiftRight"), ("S-Up", "shiftUp"), ("S-Down", "shiftDown"),
      ("C-Left", "ctrlLeft"), ("C-Right", "ctrlRight"), ("C-Up", "ctrlUp"), ("C-Down", "ctrlDown"),
    ] + (6...12).map { ("F\($0)", "function(\($0))") }

  /// Bytes other terminals send, and the key each must arrive as.
  static let bytes: [(String, String)] = [
    ("\u{1B}[1~", "home"), ("\u{1B}[4~", "end"), ("\u{1B}[7~", "home"), ("\u{1B}[8~", "end"),
    ("\u{1B}[H", "home"), ("\u{1B}[F", "end"), ("\u{1B}OH", "home"), ("\u{1B}OF", "end"),
    ("\u{1B}[5~", "pageUp"), ("\u{1B}[6~", "pageDown"), ("\u{1B}[2~", "insert"),
    ("\u{1B}[3~", "delete"), ("\u{1B}[Z", "backTab"), ("\u{1B}[1;2D", "shiftLeft"),
    ("\u{1B}[1;5C", "ctrlRight"), ("\u{1B}[17~", "function(6)"), ("\u{1B}[24~", "function(12)"),
    ("\u{1B}[99;99z", ""), ("\u{1B}[1;9X", ""), ("\u{1B}O~", ""),
  ]

  @Test(arguments: ["xterm-256color", "screen-256color", "tmux-256color", "xterm", "NO_COLOR"])
  func everyKeyArrivesAsItself(name: String) throws {
    let term = name == "NO_COLOR" ? "xterm-256color" : name
    let log = Robust.reportPath() + ".keys"
    defer { unlink(log) }
    var env = ["TERM": term, "FULLSTACK_DIAG_KEYS": log]
    if name == "NO_COLOR" { env["NO_COLOR"] = "1" }
    // The Reading screen ignores all of these keys and clicks below its rows.
    let session = try TmuxSession(width: 100, height: 30, args: ["--screen", "reading"], env: env)
    try session.waitForStart()
    var expected: [String] = []
    for (key, decoded) in Self.tmuxKeys {
      try session.keys(key)
      expected.append("key(\(decoded))")
    }
    for (sequence, decoded) in Self.bytes {
      // A letter after each: an unknown sequence must vanish without eating it or leaving
      // any of its own characters behind.
      try session.literal(sequence + "x")
      if !decoded.isEmpty { expected.append("key(\(decoded))") }
      expected.append("key(char(\"x\"))")
    }
    // Press, two drags, a release and a wheel step in one write, encoded as the app asks
    // (SGR 1006); then the same in X10, as a terminal without 1006 sends it. The app decodes
    // both under every TERM (ncurses' own parsing of terminfo's kmous is off).
    try session.literal(
      "\u{1B}[<0;10;25M\u{1B}[<32;12;25M\u{1B}[<32;14;25M\u{1B}[<0;14;25m\u{1B}[<65;14;25M")
    expected += [
      "mouse(press 9 24)", "mouse(drag 11 24)", "mouse(drag 13 24)", "mouse(release 13 24)",
      "mouse(scrollDown 13 24)",
    ]
    try session.literal("\u{1B}[M *9\u{1B}[M@,9\u{1B}[M@.9\u{1B}[M#.9")
    expected += [
      "mouse(press 9 24)", "mouse(drag 11 24)", "mouse(drag 13 24)", "mouse(release 13 24)",
    ]
    // An SGR report split across two writes is joined; one whose rest never comes is
    // dropped whole after a short wait, and the key after it is itself.
    try session.literal("\u{1B}[<0;2")
    try session.literal("0;25M")
    try session.literal("\u{1B}[<0;2")
    usleep(600_000)
    try session.literal("x")
    expected += ["mouse(press 19 24)", "key(char(\"x\"))"]
    let seen = Self.read(log, awaiting: expected.count)
    #expect(seen == expected, "\(name): decoded keys")
    try session.keys("C-c")
    try session.expectSane(status: 0, "after the key test under \(name)")
    let modes = try session.tmux(
      [
        "display-message", "-p", "-t", "e2e",
        "#{mouse_sgr_flag}#{mouse_button_flag}#{mouse_any_flag}",
      ])
    #expect(
      modes.trimmingCharacters(in: .whitespacesAndNewlines) == "000", "\(name): mouse modes left on"
    )
  }

  /// Input cut across two writes (150 ms apart, past ncurses' own ESC delay), with the wait
  /// for a sequence's rest made long (FULLSTACK_DIAG_SEQUENCE_WAIT=30) so that load cannot
  /// make it run out: a key's sequence and late background-query replies are joined, the rest
  /// of a sequence the app does not know is dropped with it, and
  /// half a mouse report followed by a key is dropped the moment the key comes, the key
  /// itself (neither swallowed nor held back for the wait, nor read by ncurses as the end of
  /// a click, as it did where kmous is `ESC[<`).
  @Test(arguments: ["xterm-256color", "screen-256color", "tmux-256color", "xterm"])
  func inputCutAcrossWritesArrivesWhole(term: String) throws {
    let log = Robust.reportPath() + ".keys"
    defer { unlink(log) }
    let env = ["TERM": term, "FULLSTACK_DIAG_KEYS": log, "FULLSTACK_DIAG_SEQUENCE_WAIT": "30"]
    let session = try TmuxSession(width: 100, height: 30, args: ["--screen", "reading"], env: env)
    try session.waitForStart()
    func cut(_ first: String, _ rest: String) throws {
      try session.literal(first)
      usleep(150_000)
      try session.literal(rest)
    }
    var expected: [String] = []
    try cut("\u{1B}[1;5", "C")
    try cut("\u{1B}[", "4~")
    try cut("\u{1B}O", "H")
    try cut("\u{1B}[2", "4~")
    expected += ["key(ctrlRight)", "key(end)", "key(home)", "key(function(12))"]
    // Sequences the app has no key for (Alt-Right, Ctrl-PgUp), cut: their rest is dropped
    // with them, never typed.
    try cut("\u{1B}[1;3", "Cx")
    try cut("\u{1B}[5;", "5~x")
    expected += Array(repeating: "key(char(\"x\"))", count: 2)
    try cut("\u{1B}]11;rgb:1010/", "2020/3030\u{7}x")
    try cut("\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}", "\\x")
    try cut("\u{1B}[?62", ";22cx")
    expected += Array(repeating: "key(char(\"x\"))", count: 3)
    try cut("\u{1B}[<0;3", "0;25M")
    try cut("\u{1B}[<0;30", "x")
    try cut("\u{1B}[<0;30;25", "\r")
    expected += ["mouse(press 29 24)", "key(char(\"x\"))", "key(enter)"]
    let seen = Self.read(log, awaiting: expected.count)
    #expect(seen == expected, "\(term): decoded keys")
    try session.keys("C-c")
    try session.expectSane(status: 0, "after the cut-input test under \(term)")
  }

  /// The log's lines (`read`) once it holds `count` of them, or after 10 s what it holds.
  static func read(_ path: String, awaiting count: Int) -> [String] {
    var seen: [String] = []
    let end = Date().addingTimeInterval(10)
    while Date() < end {
      usleep(100_000)
      seen = read(path)
      if seen.count >= count { break }
    }
    return seen
  }

  /// The log's lines, shortened: `key(home)`, `key(char("x"))`, `mouse(press 9 24)`.
  static func read(_ path: String) -> [String] {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").map { line in
      var s = String(line).replacingOccurrences(of: "TerminalUI.", with: "")
        .replacingOccurrences(of: "Key.", with: "")
      if s.hasPrefix("mouse(MouseEvent(kind: MouseEvent.Kind.") {
        let parts = s.dropFirst("mouse(MouseEvent(kind: MouseEvent.Kind.".count)
          .split(whereSeparator: { ",:() ".contains($0) })
        s = "mouse(\(parts[0]) \(parts[2]) \(parts[4]))"
      }
      return s
    }
  }
}
