import TerminalUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Asks the terminal for its background colour before ncurses starts: OSC 11, followed by a
/// primary device attributes request (`ESC [ c`) that nearly every terminal answers, so the
/// wait ends as soon as the terminal has answered what it will (tmux answers OSC 11 only
/// when it knows the colour; a terminal that ignores OSC 11 still answers DA1). Echo is off
/// while the replies arrive, so nothing reaches the screen; a reply later than the timeout
/// is dropped whole by the key decoder.
public enum BackgroundQuery {
  /// The background, or nil when stdin or stdout is not a terminal, the terminal did not
  /// answer within `timeout` seconds, or its answer could not be read; and what the user typed
  /// while the replies were awaited (read with them, so handed on: `Options.typedAhead`).
  public static func ask(timeout: Double = 0.2) -> (TerminalBackground?, typed: [UInt8]) {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return (nil, []) }
    // Ctrl-C, a kill or a hang-up while echo is off (before the panel's own handlers are in)
    // would end the process with the terminal left that way: held until echo is back (the
    // defers run last to first), then delivered as usual.
    var held = sigset_t()
    sigemptyset(&held)
    for sig in SignalRouting.terminating { sigaddset(&held, sig) }
    var mask = sigset_t()
    sigprocmask(SIG_BLOCK, &held, &mask)
    defer { sigprocmask(SIG_SETMASK, &mask, nil) }
    var saved = termios()
    guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return (nil, []) }
    var raw = saved
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
    guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else { return (nil, []) }
    defer { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
    let request = TerminalBackground.query + Array("\u{1B}[c".utf8)
    guard write(STDOUT_FILENO, request, request.count) == request.count else { return (nil, []) }
    var reply: [UInt8] = []
    let deadline = now() + timeout
    while !answered(reply) {
      let left = deadline - now()
      guard left > 0 else { break }
      var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
      guard poll(&fd, 1, Int32(left * 1000) + 1) > 0 else { break }
      var buffer = [UInt8](repeating: 0, count: 256)
      let n = read(STDIN_FILENO, &buffer, buffer.count)
      guard n > 0 else { break }
      reply += buffer.prefix(n)
    }
    let (replies, typed) = split(reply)
    return (TerminalBackground.parse(replies), typed)
  }

  /// The terminal's replies (an OSC 11 report ended by BEL or `ESC \`, a device attributes
  /// reply `ESC [ ? … c`) apart from everything else read with them: keys typed meanwhile.
  static func split(_ bytes: [UInt8]) -> (replies: [UInt8], typed: [UInt8]) {
    var replies: [UInt8] = []
    var typed: [UInt8] = []
    var i = 0
    while i < bytes.count {
      if let end = replyEnd(bytes, at: i) {
        replies += bytes[i..<end]
        i = end
      } else {
        typed.append(bytes[i])
        i += 1
      }
    }
    return (replies, typed)
  }

  /// Where a reply that starts at `i` ends (just past it), or nil when none starts there.
  private static func replyEnd(_ b: [UInt8], at i: Int) -> Int? {
    guard i + 2 < b.count, b[i] == 0x1B else { return nil }
    if b[i + 1] == 0x5D {  // OSC: up to BEL or ST
      var j = i + 2
      while j < b.count {
        if b[j] == 0x07 { return j + 1 }
        if b[j] == 0x1B, j + 1 < b.count, b[j + 1] == 0x5C { return j + 2 }
        j += 1
      }
      return nil
    }
    if b[i + 1] == 0x5B, b[i + 2] == 0x3F {  // CSI ? digits ; … c
      var j = i + 3
      while j < b.count, (0x30...0x39).contains(b[j]) || b[j] == 0x3B { j += 1 }
      return j < b.count && b[j] == 0x63 ? j + 1 : nil
    }
    return nil
  }

  /// The DA1 reply (`ESC [ ? … c`) has arrived: everything asked before it has been answered.
  static func answered(_ bytes: [UInt8]) -> Bool {
    guard
      let start = bytes.indices.first(where: { i in
        i + 2 < bytes.count && bytes[i] == 0x1B && bytes[i + 1] == 0x5B && bytes[i + 2] == 0x3F
      })
    else { return false }
    return bytes[(start + 3)...].contains(0x63)
  }

  private static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }
}
