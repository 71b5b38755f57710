import Foundation
import Testing

@testable import Instruments

/// The advanced settings' values print with the project's own `Format.fixed` and read as
/// the `String(format:)` version read them (`45%`, `0.5`), at every stop and in between.
struct AdvancedSettingWordsTests {
  @Test func mfuAndKReadAsBefore() {
    let values = (0...2000).map { Double($0) / 2000 }
    for v in AdvancedSetting.mfu.stops + values {
      #expect(AdvancedSetting.mfu.words(v) == String(format: "%.0f%%", v * 100), "\(v)")
    }
    for v in AdvancedSetting.moeK.stops + values {
      #expect(AdvancedSetting.moeK.words(v) == String(format: "%.1f", v), "\(v)")
    }
    #expect(AdvancedSetting.mfu.words(0.45) == "45%")
    #expect(AdvancedSetting.moeK.words(0.5) == "0.5")
  }
}
