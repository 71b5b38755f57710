import Testing

@testable import NcursesTerminal

@MainActor
struct ColorPairsTests {
  @Test func lightAndDarkColoursAreToldApart() {
    #expect(ColorPairs.isLight(7) && ColorPairs.isLight(15) && ColorPairs.isLight(231))
    #expect(!ColorPairs.isLight(0) && !ColorPairs.isLight(4) && !ColorPairs.isLight(16))
    #expect(ColorPairs.isLight(250) && !ColorPairs.isLight(235))
  }
}
