import Foundation

/// The reference outputs `scripts/make_numpy_vectors.py` recorded from numpy.
struct NumpyVectors: Decodable {
  struct ToyRow: Decodable {
    let previous: String
    let next: [String]
    let scores: [String]
  }
  struct Raw: Decodable {
    let seed: String
    let raw: [String]
  }
  struct Doubles: Decodable {
    let seed: String
    let doubles: [String]
  }
  struct Choice: Decodable {
    let seed: String
    let p: [String]
    let picks: [Int]
  }
  struct Generate: Decodable {
    let temperature: String
    let seed: String
    let text: String
  }

  let numpy: String
  let toyTable: [ToyRow]
  let pcg64Raw: [Raw]
  let random: [Doubles]
  let choice: [Choice]
  let generate: [Generate]

  static let shared: NumpyVectors = {
    let url = Fixtures.data("numpy-vectors.json")
    do {
      return try Fixtures.decode(NumpyVectors.self, from: url)
    } catch {
      fatalError("cannot read \(url.path): \(error); run scripts/make_numpy_vectors.py")
    }
  }()
}
