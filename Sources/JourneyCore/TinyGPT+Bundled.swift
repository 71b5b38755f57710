import Assets
import Foundation

extension TinyGPT {
  /// The tiny model the app ships: `tiny-gpt.json` and `tiny-gpt.bin` under Assets/data.
  public static func loadBundled() throws(ModelError) -> LlamaModel {
    func asset(_ name: String) throws(ModelError) -> URL {
      guard let url = AssetFiles.url(name) else {
        throw ModelError(file: name, problem: "missing from the bundled assets")
      }
      return url
    }
    return try load(weights: asset("tiny-gpt.bin"), manifest: asset("tiny-gpt.json"))
  }

}
