import ArgumentParser

@main
struct Fullstack: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fullstack",
    abstract: "A terminal instrument panel for the whole life of a large language model.",
    subcommands: [PanelCommand.self, ForgeCommand.self, JourneyCommand.self],
    defaultSubcommand: PanelCommand.self)
}
