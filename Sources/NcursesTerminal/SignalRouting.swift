#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Signals, done the async-signal-safe way.
///
/// - SIGINT, SIGTERM and SIGHUP only write their number to a self-pipe; the event loop
///   polls that pipe next to stdin and turns each byte into `Event.terminate(signal:)`.
/// - Fatal signals (SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE) restore the saved
///   termios, write precomputed reset bytes (leave the alternate screen, show the cursor,
///   reset attributes, stop mouse reporting) and re-raise with the default action, so a
///   crash still crashes but never leaves the terminal broken.
///
/// Handlers may only touch these plain globals: they are written once, before any handler
/// is installed, and only read afterwards.
enum SignalRouting {
  static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP]
  static let fatal: [Int32] = [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE]

  /// Creates the self-pipe and installs every handler. Call before `newterm` so ncurses
  /// sees non-default SIGINT/SIGTERM handlers and leaves them alone.
  static func install(savedTermios: termios) throws(TerminalError) -> Int32 {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else {
      throw .setup("could not create the signal pipe (errno \(errno))")
    }
    for fd in fds {
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }
    signalPipeWrite = fds[1]
    savedTermiosForCrash = savedTermios
    haveSavedTermios = true
    setResetBytes(ResetSequence.fallback)
    // A parent may have blocked signals (dispatch worker threads do, and children inherit
    // the mask): the handlers below and ncurses' SIGWINCH must actually get them.
    var wanted = sigset_t()
    sigemptyset(&wanted)
    for sig in terminating + fatal + [SIGWINCH] { sigaddset(&wanted, sig) }
    sigprocmask(SIG_UNBLOCK, &wanted, nil)
    for sig in terminating { installHandler(sig, onTerminatingSignal, flags: Int32(SA_RESTART)) }
    for sig in fatal {
      installHandler(
        sig, onFatalSignal, flags: Int32(truncatingIfNeeded: SA_RESETHAND) | Int32(SA_NODEFER))
    }
    return fds[0]
  }

  /// Wraps ncurses' SIGWINCH handler (installed by `newterm`) so a resize also wakes the
  /// poll loop through the pipe: a resize that lands just before `poll` then cannot wait
  /// for the next key. ncurses still turns it into KEY_RESIZE.
  static func chainResize() {
    var current = sigaction()
    sigaction(SIGWINCH, nil, &current)
    guard current.sa_flags & Int32(SA_SIGINFO) == 0,
      let handler = current.handler,
      unsafeBitCast(handler, to: Int.self) > 1  // neither SIG_DFL (0) nor SIG_IGN (1)
    else { return }
    previousResizeHandler = handler
    current.handler = onResizeSignal
    sigaction(SIGWINCH, &current, nil)
  }

  /// Replaces the bytes the crash handler writes (once terminfo is loaded).
  static func setResetBytes(_ bytes: [UInt8]) {
    let count = min(bytes.count, resetCapacity)
    for i in 0..<count { resetBuffer[i] = bytes[i] }
    resetCount = count
  }

  /// Puts every handler back to the default action (after the terminal is restored).
  static func uninstall() {
    for sig in terminating + fatal { signal(sig, SIG_DFL) }
    if let previous = previousResizeHandler { signal(SIGWINCH, previous) }
  }

  private static func installHandler(
    _ sig: Int32, _ handler: @convention(c) (Int32) -> Void, flags: Int32
  ) {
    var action = sigaction()
    action.handler = handler
    sigemptyset(&action.sa_mask)
    action.sa_flags = flags
    sigaction(sig, &action, nil)
  }

  /// Drains the pipe: the signal numbers that arrived since the last call, in order.
  static func drain(_ fd: Int32) -> [Int32] {
    var out: [Int32] = []
    var byte: UInt8 = 0
    while read(fd, &byte, 1) == 1 { out.append(Int32(byte)) }
    return out
  }
}

private let resetCapacity = 256
nonisolated(unsafe) private var signalPipeWrite: Int32 = -1
nonisolated(unsafe) private var savedTermiosForCrash = termios()
nonisolated(unsafe) private var haveSavedTermios = false
nonisolated(unsafe) private var resetBuffer = UnsafeMutablePointer<UInt8>.allocate(
  capacity: resetCapacity)
nonisolated(unsafe) private var resetCount = 0
nonisolated(unsafe) private var previousResizeHandler: (@convention(c) (Int32) -> Void)?

/// Writes the signal number to the self-pipe (SIGWINCH too, via `onResizeSignal`).
private func onTerminatingSignal(_ sig: Int32) {
  let saved = errno
  var byte = UInt8(truncatingIfNeeded: sig)
  _ = write(signalPipeWrite, &byte, 1)
  errno = saved
}

private func onResizeSignal(_ sig: Int32) {
  previousResizeHandler?(sig)
  onTerminatingSignal(sig)
}

private func onFatalSignal(_ sig: Int32) {
  if haveSavedTermios { _ = tcsetattr(STDIN_FILENO, TCSANOW, &savedTermiosForCrash) }
  _ = write(STDOUT_FILENO, resetBuffer, resetCount)
  // SA_RESETHAND already restored the default action; SA_NODEFER lets this land now.
  raise(sig)
}

/// The bytes that put a terminal back the way a shell expects it.
enum ResetSequence {
  /// Mouse reporting off (button, drag and SGR modes).
  static let mouseOff = Array("\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l".utf8)
  /// Used until terminfo is known: attributes off, cursor visible, leave the alternate
  /// screen, mouse off (xterm-compatible; harmless elsewhere).
  static let fallback =
    Array("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8) + mouseOff + Array("\r\n".utf8)
}

extension sigaction {
  /// The plain (one-argument) handler: glibc and Darwin lay the union out differently.
  fileprivate var handler: (@convention(c) (Int32) -> Void)? {
    get {
      #if canImport(Glibc)
        __sigaction_handler.sa_handler
      #else
        __sigaction_u.__sa_handler
      #endif
    }
    set {
      #if canImport(Glibc)
        __sigaction_handler.sa_handler = newValue
      #else
        __sigaction_u.__sa_handler = newValue
      #endif
    }
  }
}
