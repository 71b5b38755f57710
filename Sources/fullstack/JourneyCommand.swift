import ArgumentParser

struct JourneyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "journey")
  func run() throws {}
}
