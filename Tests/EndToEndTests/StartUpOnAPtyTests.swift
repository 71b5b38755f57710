import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Before ncurses starts, the panel asks the terminal for its background with echo and line
/// mode off, for up to 200 ms, and reads the replies. On a pty whose other end the test holds
/// (and answers nothing on), what happens in that window is certain: a signal must leave the
/// terminal with echo and line mode on, and keys typed before the panel is up must still
/// reach it. (tmux answers at once, so `RobustSignalTests` hit the window only now and then.)
@Suite(.serialized, .enabled(if: Harness.shouldRun()))
struct StartUpOnAPtyTests {
  init() throws {
    try #require(Harness.binaryProblem == nil, "\(Harness.binaryProblem ?? "")")
  }

  @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
  func aSignalWhileAskingTheBackgroundLeavesTheTerminalSane(signal: Int32) throws {
    let pty = try AppOnPty(screen: "lifecycle")
    defer { pty.close() }
    // Echo goes off when the query starts; the signal is sent the moment it does.
    var inQuery = false
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline, pty.app.isRunning {
      if pty.localFlags() & tcflag_t(ECHO) == 0 {
        inQuery = true
        break
      }
      usleep(500)
    }
    #expect(inQuery, "the app never turned echo off")
    kill(pty.app.processIdentifier, signal)
    pty.waitForExit(after: "signal \(signal)")
    #expect(
      pty.localFlags() & tcflag_t(ICANON | ECHO) == tcflag_t(ICANON | ECHO),
      "echo or line mode left off after signal \(signal)")
    // Ended by the signal (before the panel's handlers) or by them (status 128 + signal).
    let app = pty.app
    let ended =
      (app.terminationReason == .uncaughtSignal && app.terminationStatus == signal)
      || (app.terminationReason == .exit && app.terminationStatus == 128 + signal)
    #expect(ended, "ended with \(app.terminationReason) \(app.terminationStatus)")
  }

  /// `q` typed before the app starts is read by the background query with the replies it
  /// waits for; it must still quit the panel.
  @Test func aKeyTypedBeforeThePanelIsUpStillCounts() throws {
    let pty = try AppOnPty(screen: "forge", typed: "q")
    defer { pty.close() }
    pty.waitForExit(after: "q typed at start-up", seconds: 10)
    #expect(pty.app.terminationReason == .exit && pty.app.terminationStatus == 0)
    #expect(pty.localFlags() & tcflag_t(ICANON | ECHO) == tcflag_t(ICANON | ECHO))
  }
}

/// The app on a fresh pty of 80x24 whose master the test holds: nothing answers the app's
/// queries, and its output is read and dropped so no write of its blocks.
private final class AppOnPty {
  let app = Process()
  let master: Int32
  let slave: Int32

  /// `typed` is written to the pty before the app starts, as keys a user pressed early.
  init(screen: String, typed: String = "") throws {
    let pty = try #require(Pty.functions(), "the C library's pty functions")
    master = pty.open(O_RDWR | O_NOCTTY)
    try #require(master >= 0 && pty.grant(master) == 0 && pty.unlock(master) == 0)
    let name = try #require(pty.name(master).map { String(cString: $0) })
    slave = open(name, O_RDWR | O_NOCTTY)
    try #require(slave >= 0)
    var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
    #expect(localFlags() & tcflag_t(ICANON | ECHO) == tcflag_t(ICANON | ECHO))
    if !typed.isEmpty { _ = write(master, typed, typed.utf8.count) }
    app.executableURL = Harness.binary
    app.arguments = ["--screen", screen]
    var env = ProcessInfo.processInfo.environment
    env["TERM"] = "xterm-256color"
    env["NO_COLOR"] = nil
    app.environment = env
    let tty = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
    app.standardInput = tty
    app.standardOutput = tty
    app.standardError = tty
    // Started with the signals unblocked, as from a shell (a test runner's threads may block
    // them, and a child inherits the mask: the signal would wait for the panel's handlers).
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    for sig: Int32 in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblocked, sig) }
    var mask = sigset_t()
    pthread_sigmask(SIG_UNBLOCK, &unblocked, &mask)
    defer { pthread_sigmask(SIG_SETMASK, &mask, nil) }
    try app.run()
    let master = self.master
    Thread {
      var buffer = [UInt8](repeating: 0, count: 4096)
      while read(master, &buffer, buffer.count) > 0 {}
    }.start()
  }

  /// The pty's local mode flags (echo, line mode) as the app left them.
  func localFlags() -> tcflag_t {
    var now = termios()
    tcgetattr(slave, &now)
    return now.c_lflag
  }

  /// Waits for the app to end (killing it and recording an issue after `seconds`).
  func waitForExit(after what: String, seconds: Double = 10) {
    let end = Date().addingTimeInterval(seconds)
    while app.isRunning, Date() < end { usleep(2_000) }
    if app.isRunning {
      kill(app.processIdentifier, SIGKILL)
      Issue.record("the app did not end after \(what)")
    }
    app.waitUntilExit()
  }

  func close() {
    if app.isRunning { kill(app.processIdentifier, SIGKILL) }
    Foundation.close(slave)
    Foundation.close(master)
  }
}

/// posix_openpt, grantpt, unlockpt and ptsname, looked up in the C library at run time
/// (Glibc's Swift module leaves them out: they need _XOPEN_SOURCE).
private struct Pty {
  let open: @convention(c) (Int32) -> Int32
  let grant: @convention(c) (Int32) -> Int32
  let unlock: @convention(c) (Int32) -> Int32
  let name: @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

  static func functions() -> Pty? {
    guard let process = dlopen(nil, RTLD_NOW) else { return nil }
    func symbol<T>(_ name: String, _: T.Type) -> T? {
      dlsym(process, name).map { unsafeBitCast($0, to: T.self) }
    }
    guard
      let open = symbol("posix_openpt", (@convention(c) (Int32) -> Int32).self),
      let grant = symbol("grantpt", (@convention(c) (Int32) -> Int32).self),
      let unlock = symbol("unlockpt", (@convention(c) (Int32) -> Int32).self),
      let name = symbol(
        "ptsname", (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
    else { return nil }
    return Pty(open: open, grant: grant, unlock: unlock, name: name)
  }
}
