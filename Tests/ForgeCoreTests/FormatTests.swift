import ForgeCore
import Foundation
import Testing

@Suite struct FormatTests {
  @Test func quantities() {
    #expect(Format.params(156.25e9) == "156 B")
    #expect(Format.params(8e9) == "8.0 B")
    #expect(Format.tokens(1.4e12) == "1.4 T")
    #expect(Format.flops(1e25) == "1.0e25")
    #expect(Format.flops(9.96e22) == "1.0e23")
    #expect(Format.flopsPower(pow(10, 24.3)) == "10^24.3")
    #expect(Format.money(12.48e6) == "$12.5 M")
    #expect(Format.money(1.5e9) == "$1.5 B")
    #expect(Format.gigabytes(51.54e9) == "51.5 GB")
    #expect(Format.gigabytes(156.25e9) == "156 GB")
    #expect(Format.gigabytes(1_654.3e9) == "1.65 TB")
    #expect(Format.gigabytes(1_016e9) == "1.02 TB")
    #expect(Format.gigabytes(999.4e9) == "999 GB")
    #expect(Format.count(2890.4) == "2,890")
    #expect(Format.context(131_072) == "128K")
    #expect(Format.context(1 << 20) == "1M")
    #expect(Format.number(3.35e12) == "3.35e12")
    #expect(Format.number(131_072) == "131072")
    #expect(Format.number(0.45) == "0.45")
  }
}
