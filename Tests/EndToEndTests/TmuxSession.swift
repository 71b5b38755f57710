import Foundation
import Testing

/// The app running in a private tmux server (its own socket, no user config), in a pane
/// that stays after the app exits so the test can read what the shell printed afterwards.
final class TmuxSession {
  /// A socket of our own: the server shares nothing with the user's tmux.
  let socket: String
  private let config: URL

  /// Starts `fullstack args` in a `width`x`height` pane. The pane's shell then prints the
  /// exit status and the `icanon`/`echo` flags from `stty -a`, and a final marker line, then
  /// stays alive (tmux reports a dead pane's cursor as hidden).
  /// `unset` names variables removed from the app's environment; `redirect` is appended to
  /// its command line as is (e.g. `> file`); `tmuxConfig` adds lines to the server's config
  /// (e.g. a `window-style` background, which tmux then reports to an OSC 11 query);
  /// `launcher` goes before the app (a nested tmux).
  init(
    width: Int = 80, height: Int = 24, args: [String] = [], env: [String: String] = [:],
    unset: [String] = [], redirect: String = "", tmuxConfig: String = "",
    launcher: [String] = []
  ) throws {
    // A random name, not a shared counter: suites run in parallel, and two sessions on one
    // socket would be one tmux server with a duplicate session.
    let name = "fullstack-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    socket = FileManager.default.temporaryDirectory.appendingPathComponent(name + ".sock").path
    config = FileManager.default.temporaryDirectory.appendingPathComponent(name + ".conf")
    try """
    set -g default-terminal tmux-256color
    set -g status off
    set -g remain-on-exit on
    set -s escape-time 0
    \(tmuxConfig)
    """.write(to: config, atomically: true, encoding: .utf8)
    let envs = (["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"].merging(env) { $1 })
      .sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    let quoted = (launcher + [Harness.binary.path] + args).map { "'\($0)'" }.joined(separator: " ")
    // `swift test` exports NO_COLOR=1 and the tmux server passes it on: the app gets it
    // only when a test asks for it.
    let unsets = (["NO_COLOR"] + unset).map { "-u \($0) " }.joined()
    let script =
      "env \(unsets)\(envs) \(quoted) \(redirect); s=$?; printf '\\nexit=%s\\nflags=' $s; "
      + "stty -a | tr ' ;' '\\n\\n' | grep -x -E -- '-?(icanon|echo)' | tr '\\n' ' '; "
      + "printf '\\nfinished\\n'; sleep 60"
    try tmux(
      ["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "e2e", "sh", "-c", script])
  }

  deinit {
    _ = try? Harness.run(Harness.tmux ?? "/usr/bin/tmux", ["-S", socket, "kill-server"])
    unlink(socket)
    try? FileManager.default.removeItem(at: config)
  }

  @discardableResult
  func tmux(_ args: [String]) throws -> String {
    let r = try Harness.run(
      Harness.tmux ?? "/usr/bin/tmux", ["-S", socket, "-f", config.path] + args)
    if r.status != 0 { throw TmuxError(message: "tmux \(args.first ?? ""): \(r.stderr)") }
    return r.stdout
  }

  struct TmuxError: Error { var message: String }

  /// The pane as text, trailing spaces and blank lines trimmed; with `escapes`, with the
  /// SGR sequences of every cell's colours and attributes too.
  func screen(escapes: Bool = false) throws -> String {
    let raw = try tmux(["capture-pane", "-p", "-t", "e2e"] + (escapes ? ["-e"] : []))
    var lines = raw.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.reversed().drop { $0 == " " }.reversed())
    }
    while lines.last == "" { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", "e2e"] + keys) }

  /// Sends bytes exactly as given (for mouse reports). A string must not end in `;`, which
  /// tmux would read as a command separator.
  func literal(_ bytes: String) throws {
    try tmux(["send-keys", "-t", "e2e", "-l", "--", bytes])
  }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)"])
  }

  /// The first frame once the work the app starts with is done: the Journey draws
  /// "loading NAME…" at once and its model's screen when the model is in.
  @discardableResult
  func waitForStart(_ what: String = "the first frame") throws -> String {
    try waitFor(what) { !$0.isEmpty && !Self.showsLoading($0) }
  }

  /// The screen says a model is loading (the message the runner draws before it loads one).
  static func showsLoading(_ screen: String) -> Bool {
    screen.split(separator: "\n").contains {
      $0.contains("loading ") && ($0.contains("…") || $0.contains("..."))
    }
  }

  /// Polls the pane every 50 ms until `condition` holds, for at most `seconds`.
  @discardableResult
  func waitFor(
    _ what: String, seconds: Double = 5, _ condition: (String) -> Bool
  ) throws -> String {
    let end = Date().addingTimeInterval(seconds)
    var last = ""
    while Date() < end {
      last = try screen()
      if condition(last) { return last }
      usleep(50_000)
    }
    Issue.record("timed out after \(seconds)s waiting for \(what); the pane shows:\n\(last)")
    return last
  }

  /// Waits until the screen stops changing (two identical captures 100 ms apart).
  func settled(seconds: Double = 3) throws -> String {
    var previous = try screen()
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
      usleep(100_000)
      let now = try screen()
      if now == previous { return now }
      previous = now
    }
    return previous
  }

  /// The pid of the app: the only child of the pane's shell.
  func appPID() throws -> pid_t {
    let shell = try tmux(["display-message", "-p", "-t", "e2e", "#{pane_pid}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let children = try String(
      contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
    guard let pid = children.split(separator: " ").first.flatMap({ pid_t($0) }) else {
      throw TmuxError(message: "the app is not running under pane shell \(shell)")
    }
    return pid
  }

  /// What the shell printed after the app ended: its exit status and the stty flags.
  struct Aftermath {
    var exitStatus: Int32?
    var flags: Set<String>
    var alternateScreen: Bool
    var cursorVisible: Bool
  }

  func aftermath(seconds: Double = 5) throws -> Aftermath {
    let text = try waitFor("the app to exit and the shell to report", seconds: seconds) {
      $0.contains("\nfinished")
    }
    let lines = text.split(separator: "\n").map(String.init)
    let status = lines.last { $0.hasPrefix("exit=") }.flatMap { Int32($0.dropFirst(5)) }
    let flags = lines.last { $0.hasPrefix("flags=") }.map {
      Set($0.dropFirst(6).split(separator: " ").map(String.init))
    }
    let modes = try tmux(["display-message", "-p", "-t", "e2e", "#{alternate_on} #{cursor_flag}"])
      .split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    return Aftermath(
      exitStatus: status, flags: flags ?? [], alternateScreen: modes.first == "1",
      cursorVisible: modes.last == "1")
  }
}
