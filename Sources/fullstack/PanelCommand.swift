import ArgumentParser

struct PanelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "panel")
  func run() throws {}
}
