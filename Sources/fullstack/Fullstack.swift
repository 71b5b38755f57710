import ArgumentParser
import Instruments
import TerminalUI

@main
struct Fullstack: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fullstack",
    abstract: "A terminal instrument panel for the whole life of a large language model.",
    usage: """
      fullstack [--theme <theme>] [--no-color] [--ascii] [--screen <screen>]
      fullstack tour [--theme <theme>] [--no-color] [--ascii]
      fullstack forge [<options>]
      fullstack journey [<options>]
      """,
    discussion: """
      With no subcommand, fullstack opens the panel. The panel's flags:
        --theme <theme>    \(Theme.names.joined(separator: ", "))
        --no-color         attributes only, no colour (also when NO_COLOR is set)
        --ascii            ASCII only (automatic when the locale is not UTF-8)
        --screen <screen>  \(ScreenID.allCases.map(\.rawValue).joined(separator: ", "))
        --checkpoint <file> --tokenizer <file>
                           your llama2.c model: on the Journey, m switches to it
      In the panel, ? lists the keys of the screen on show, T starts the tour.
      """,
    subcommands: [PanelCommand.self, TourCommand.self, ForgeCommand.self, JourneyCommand.self],
    defaultSubcommand: PanelCommand.self)

  /// ArgumentParser's `main`, except that a mistake on the command line reads like the
  /// commands' own errors: one line naming it and pointing at the right help, exit 64, instead
  /// of the whole usage synopsis.
  static func main() {
    var command: any ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      reportParseError(error)
    }
    do {
      try command.run()
    } catch {
      exit(withError: error)
    }
  }

  private static func reportParseError(_ error: any Error) -> Never {
    // Help and clean exits, and anything unusual, go through ArgumentParser as usual.
    let reason = message(for: error)
    guard exitCode(for: error) == .validationFailure, !reason.isEmpty else {
      exit(withError: error)
    }
    Stderr.line(oneLine(reason, help: fullMessage(for: error)))
    exit(withError: ExitCode.validationFailure)
  }

  /// `error: missing value for '--budget <budget>' (see 'fullstack forge --help')`: the first
  /// line of the parser's reason, lower-cased like the commands' own errors, and the help to
  /// read, taken from the parser's full message.
  static func oneLine(_ reason: String, help full: String) -> String {
    let first = reason.split(separator: "\n").first.map(String.init) ?? reason
    var line = "error: " + first.prefix(1).lowercased() + first.dropFirst()
    while line.hasSuffix(".") { line.removeLast() }
    let help = full.split(separator: "\n").last { $0.contains("--help") }
    if let command = help.flatMap(Self.helpCommand) { line += " (see '\(command)')" }
    return line
  }

  /// `fullstack forge --help` out of `See 'fullstack forge --help' for more information.`
  private static func helpCommand(_ line: Substring) -> String? {
    let parts = line.split(separator: "'")
    return parts.first { $0.hasSuffix("--help") }.map(String.init)
  }
}
