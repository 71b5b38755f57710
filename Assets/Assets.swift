import Foundation

/// Hands out the URLs of the data files the app ships under `Assets/data`.
public enum AssetFiles {
  /// The URL of `data/<name>`, or nil when the bundle does not carry it.
  public static func url(_ name: String) -> URL? {
    let url = Bundle.module.bundleURL.appendingPathComponent("data").appendingPathComponent(name)
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }
}
