import ArgumentParser
import Instruments
import JourneyCore
import NcursesTerminal
import TerminalUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `fullstack` (the default subcommand): the full-screen instrument panel.
///
/// Exit statuses: 0 after `q` or Ctrl-C; 128 + signal after SIGINT (130), SIGTERM (143) or
/// SIGHUP (129); 2 when not on a terminal (or TERM unset or dumb); 64 for an unknown --theme or
/// --screen; 1 when the terminal cannot be started.
struct PanelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "panel", abstract: "Open the full-screen instrument panel (the default).")

  @OptionGroup var display: DisplayOptions

  @Option(
    help: "Screen to open first: \(ScreenID.allCases.map(\.rawValue).joined(separator: ", ")).")
  var screen = ScreenID.forge.rawValue

  @Option(
    help: ArgumentHelp(
      "A llama2.c checkpoint; on the Token Journey, m switches to it after the bundled models "
        + "(also FULLSTACK_CHECKPOINT).", valueName: "file"))
  var checkpoint: String?

  @Option(
    help: ArgumentHelp(
      "The checkpoint's tokenizer.bin (also FULLSTACK_TOKENIZER).", valueName: "file"))
  var tokenizer: String?

  func run() throws {
    try offerCheckpoint()
    try Self.open(display, screen: screen, tour: false)
  }

  /// Opens the panel on `screen`, on the guided tour's first step when `tour` is set.
  static func open(_ display: DisplayOptions, screen: String, tour: Bool) throws {
    let theme = display.theme
    let noColor = display.noColor
    let ascii = display.ascii
    if let theme, Theme.named(theme) == nil {
      throw usage("unknown theme '\(theme)' (choose: \(Theme.names.joined(separator: ", ")))")
    }
    guard let firstScreen = ScreenID.named(screen) else {
      let names = ScreenID.allCases.map(\.rawValue).joined(separator: ", ")
      throw usage("unknown screen '\(screen)' (choose: \(names))")
    }
    if let why = Self.notATerminal() {
      Stderr.line(
        "fullstack: the panel needs an interactive terminal (\(why)); for plain output use "
          + "`fullstack forge` or `fullstack journey`")
      throw ExitCode(2)
    }
    let monochrome = noColor || !(Self.environment("NO_COLOR") ?? "").isEmpty
    // The terminal's background, asked before ncurses starts (where colours matter): the
    // theme when none is given, and a notice when the one given does not suit it.
    let (background, typed) = monochrome ? (nil, []) : BackgroundQuery.ask()
    let chosenTheme = theme.flatMap(Theme.named) ?? Theme.forBackground(background)
    let notice = monochrome ? nil : chosenTheme.backgroundNotice(background)
    let crashAfterFirstFrame = Self.environment("FULLSTACK_DIAG_CRASH") == "after-first-frame"
    let status = try MainActor.assumeIsolated {
      () throws -> Int32 in
      let backend: NcursesBackend
      do {
        backend = try NcursesBackend(
          options: .init(
            noColor: monochrome, ascii: ascii,
            eventLog: Self.environment("FULLSTACK_DIAG_KEYS"),
            sequenceWait: Self.environment("FULLSTACK_DIAG_SEQUENCE_WAIT").flatMap(Double.init),
            typedAhead: typed))
      } catch {
        Stderr.line("\(error)")
        return 1
      }
      defer { backend.restore() }
      var state = AppState(
        screen: firstScreen, size: backend.size,
        theme: monochrome ? .monochrome : chosenTheme, capabilities: backend.capabilities)
      state.notice = notice
      if tour { Tour.start(&state) }
      let framesFile = Self.environment("FULLSTACK_DIAG_FRAMES")
      let canvasFile = Self.environment("FULLSTACK_DIAG_CANVAS")
      let runner = AppRunner(
        backend: backend, state: state,
        afterFirstFrame: crashAfterFirstFrame ? { Self.crashOnPurpose() } : nil,
        recordFrames: framesFile != nil,
        afterFrame: canvasFile.map { path in
          { canvas in Self.replaceDiagnostic(backend.report(canvas), at: path) }
        })
      let reason = runner.run()
      if let path = Self.environment("FULLSTACK_DIAG_STATE_FILE") {
        Self.writeDiagnostic(Diagnostics.report(runner.state), to: path)
      }
      if let path = framesFile {
        let first = runner.firstFrameAt.map { "first-frame-monotonic \($0)\n" } ?? ""
        Self.writeDiagnostic(first + runner.frameTimes.map { "\($0)\n" }.joined(), to: path)
      }
      return reason.exitStatus
    }
    if status != 0 { throw ExitCode(status) }
  }

  /// --checkpoint/--tokenizer (or the environment variables): checked now, so a bad file is a
  /// command-line mistake (one line, status 64), then handed to the Journey's model catalog
  /// through the environment.
  private func offerCheckpoint() throws {
    let model = checkpoint ?? Self.environment(ModelCatalog.checkpointVariable)
    let vocabulary = tokenizer ?? Self.environment(ModelCatalog.tokenizerVariable)
    switch (model, vocabulary) {
    case (nil, nil): return
    case (nil, _): throw Self.usage("--tokenizer needs --checkpoint FILE (the model it belongs to)")
    case (_, nil): throw Self.usage("--checkpoint needs --tokenizer FILE (its tokenizer.bin)")
    case (let model?, let vocabulary?):
      do {
        _ = try LlamaModel.load(checkpoint: model, tokenizer: vocabulary)
      } catch {
        throw Self.usage("\(error)")
      }
      setenv(ModelCatalog.checkpointVariable, model, 1)
      setenv(ModelCatalog.tokenizerVariable, vocabulary, 1)
    }
  }

  /// Why the panel cannot run here, or nil: stdin or stdout redirected, or a TERM that
  /// cannot address the screen (unset, empty or `dumb`).
  static func notATerminal() -> String? {
    if isatty(STDIN_FILENO) != 1 { return "stdin is not a terminal" }
    if isatty(STDOUT_FILENO) != 1 { return "stdout is not a terminal" }
    let term = environment("TERM") ?? ""
    if term.isEmpty { return "TERM is not set" }
    if term == "dumb" { return "TERM=dumb" }
    return nil
  }

  private static func usage(_ message: String) -> ExitCode {
    Stderr.line("fullstack: " + message)
    return ExitCode(64)
  }

  static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// FULLSTACK_DIAG_STATE_FILE and FULLSTACK_DIAG_FRAMES (robustness suite, benchmark):
  /// text written on the way out; a file that cannot be written is reported, not fatal.
  static func writeDiagnostic(_ text: String, to path: String) {
    guard let file = fopen(path, "w") else {
      Stderr.line("fullstack: could not write \(path)")
      return
    }
    fputs(text, file)
    fclose(file)
  }

  /// FULLSTACK_DIAG_CANVAS (the end-to-end oracle): the last frame's canvas, replaced whole
  /// after every frame (written beside the path, then renamed), so a reader never sees half.
  static func replaceDiagnostic(_ text: String, at path: String) {
    let temporary = path + ".tmp"
    guard let file = fopen(temporary, "w") else { return }
    fputs(text, file)
    fclose(file)
    rename(temporary, path)
  }

  /// FULLSTACK_DIAG_CRASH=after-first-frame: trap with the panel on screen, so the
  /// robustness suite can check that a crash still leaves the terminal usable.
  static func crashOnPurpose() -> Never {
    fatalError("FULLSTACK_DIAG_CRASH: crashing on purpose after the first frame")
  }
}

/// The panel's display flags, shared by `fullstack` (the panel) and `fullstack tour`.
struct DisplayOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Colour theme: \(Theme.names.joined(separator: ", ")) (default: light where the "
        + "terminal reports a light background, else dark)."))
  var theme: String?

  @Flag(help: "Attributes only, no colour (also when NO_COLOR is set).")
  var noColor = false

  @Flag(help: "Draw with ASCII characters only (automatic when the locale is not UTF-8).")
  var ascii = false
}

/// `fullstack tour`: the panel on the guided tour's first step.
struct TourCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tour",
    abstract: "Open the panel on a guided tour of the seed's narrative (Right next, Left back, "
      + "Esc leaves).")

  @OptionGroup var display: DisplayOptions

  func run() throws {
    try PanelCommand.open(display, screen: ScreenID.forge.rawValue, tour: true)
  }
}
