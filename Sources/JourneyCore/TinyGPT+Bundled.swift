import Assets
import Foundation

extension TinyGPT {
  /// The tiny GPT the app ships: `tiny-gpt.json` and `tiny-gpt.bin` under Assets/data.
  public static func loadBundled() throws -> TinyGPT {
    func asset(_ name: String) throws -> URL {
      guard let url = AssetFiles.url(name) else {
        throw TinyGPTLoadError(file: name, problem: "missing from the bundled assets")
      }
      return url
    }
    return try load(weights: asset("tiny-gpt.bin"), manifest: asset("tiny-gpt.json"))
  }
}
