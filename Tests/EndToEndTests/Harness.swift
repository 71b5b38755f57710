import Foundation

/// Where the built app is, whether the end-to-end tests can run, and how to run commands.
enum Harness {
  /// The package root, found from this file's path (Tests/EndToEndTests/Harness.swift).
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The debug build of the app (`swift build` puts it there; `swift test` does not link it,
  /// so the harness links it itself when it is missing or stale).
  static let binary = root.appendingPathComponent(".build/debug/fullstack")

  static let inCI =
    !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
    && ProcessInfo.processInfo.environment["CI"] != "false"

  static let tmux: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// Why the built binary cannot be trusted, or nil. `swift test` compiles the app's modules
  /// but does not relink the executable, so a missing binary, or one older than any compiled
  /// object of the app, is (re)linked once with `swift build --product fullstack` — a nested
  /// SwiftPM call that works while `swift test` runs — and checked again.
  static let binaryProblem: String? = {
    guard let first = staleness() else { return nil }
    let build = try? run(
      "/usr/bin/env", ["swift", "build", "--product", "fullstack", "--package-path", root.path])
    guard let build, build.status == 0 else {
      return "\(first), and `swift build --product fullstack` failed: run `swift build`"
    }
    return staleness()
  }()

  private static func staleness() -> String? {
    let fm = FileManager.default
    let build = "run `swift build` before `swift test` (.ci/run does)"
    guard let attrs = try? fm.attributesOfItem(atPath: binary.path),
      let built = attrs[.modificationDate] as? Date
    else { return "\(binary.path) does not exist: \(build)" }
    let objects = root.appendingPathComponent(".build/debug")
    let appModules =
      ((try? fm.contentsOfDirectory(atPath: root.appendingPathComponent("Sources").path))
        ?? []) + ["Assets"]
    for module in appModules {
      let dir = objects.appendingPathComponent("\(module).build")
      for file in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] where file.hasSuffix(".o") {
        let path = dir.appendingPathComponent(file).path
        if let date = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
          date > built
        {
          return "\(binary.path) is older than \(module)/\(file): \(build)"
        }
      }
    }
    return nil
  }

  /// Nil when the tests can run. With CI set they always run (and fail loudly instead).
  static let skipReason: String? = {
    if inCI { return nil }
    if tmux == nil { return "tmux is not installed (apt-get install tmux)" }
    return binaryProblem
  }()

  /// Evaluated by the suite trait: prints why the suite is skipped.
  static func shouldRun() -> Bool {
    guard let reason = skipReason else { return true }
    print("EndToEndTests skipped: \(reason)")
    return false
  }

  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The child's peak resident set size in kilobytes (wait4's ru_maxrss).
    var maxResidentKilobytes: Int = 0
  }

  /// Runs a program to completion. Spawned with every signal unblocked and at its default
  /// action (test threads block most signals, and children would inherit that), and with
  /// output going to files, since a daemon (the tmux server) may keep a pipe open forever.
  @discardableResult
  /// `stdinClosed` starts the program with no file descriptor 0 at all.
  static func run(
    _ path: String, _ args: [String], environment: [String: String]? = nil,
    stdinClosed: Bool = false
  ) throws -> Result {
    let dir = FileManager.default.temporaryDirectory
    let tag = "fullstack-e2e-run-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    let outPath = dir.appendingPathComponent(tag + ".out").path
    let errPath = dir.appendingPathComponent(tag + ".err").path
    defer {
      unlink(outPath)
      unlink(errPath)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if stdinClosed {
      posix_spawn_file_actions_addclose(&actions, 0)
    } else {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var attrs = posix_spawnattr_t()
    posix_spawnattr_init(&attrs)
    defer { posix_spawnattr_destroy(&attrs) }
    var none = sigset_t()
    sigemptyset(&none)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attrs, &none)
    posix_spawnattr_setsigdefault(&attrs, &all)
    posix_spawnattr_setflags(&attrs, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    var pid: pid_t = 0
    let status = withCStrings([path] + args) { argv in
      withCStrings(env) { envp in posix_spawn(&pid, path, &actions, &attrs, argv, envp) }
    }
    guard status == 0 else { throw SpawnError(message: "could not start \(path): \(status)") }
    var wait: Int32 = 0
    var usage = rusage()
    while wait4(pid, &wait, 0, &usage) == -1 && errno == EINTR {}
    let exited = wait & 0x7f == 0
    return Result(
      status: exited ? (wait >> 8) & 0xff : 128 + (wait & 0x7f),
      stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
      stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
      maxResidentKilobytes: Int(usage.ru_maxrss))
  }

  struct SpawnError: Error { var message: String }

  /// Calls `body` with a NULL-terminated C array of the strings.
  private static func withCStrings<R>(
    _ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R
  ) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { for p in pointers { free(p) } }
    return body(pointers)
  }
}
