import Foundation

/// What every fixture loader of these tests shares: the package root, the committed reference
/// data under Tests/JourneyCoreTests/Data, and the one comparison the parity tests make.
enum Fixtures {
  /// The package root, from this file's path (Tests/JourneyCoreTests/Fixtures.swift).
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A file under Tests/JourneyCoreTests/Data.
  static func data(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Data").appendingPathComponent(name)
  }

  /// Decodes a JSON fixture; `snakeCase` maps keys like "logit_lens" to `logitLens`.
  static func decode<T: Decodable>(_ type: T.Type, from url: URL, snakeCase: Bool = false) throws
    -> T
  {
    let decoder = JSONDecoder()
    if snakeCase { decoder.keyDecodingStrategy = .convertFromSnakeCase }
    return try decoder.decode(type, from: Data(contentsOf: url))
  }

  static func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) }.max() ?? 0
  }
}
