import ArgumentParser

struct ForgeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "forge")
  func run() throws {}
}
