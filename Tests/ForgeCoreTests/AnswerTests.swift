import ForgeCore
import Testing

/// The answer parser: every accepted form, the comma rule, units and their mix-ups.
@Suite struct AnswerTests {
  private func read(_ typed: String, _ q: Quantity = .flops) -> Double? {
    try? Answer.parse(typed, as: q).get()
  }

  private func message(_ typed: String, _ q: Quantity) -> String? {
    if case .failure(let e) = Answer.parse(typed, as: q) { return e.message }
    return nil
  }

  private func near(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= abs(b) * 1e-12
  }

  @Test(arguments: [
    ("2.4e23", 2.4e23), ("2.4E23", 2.4e23), ("2.4e+23", 2.4e23),
    ("240000000000000000000000", 2.4e23),
    ("2.4×10^23", 2.4e23), ("2.4 × 10^23", 2.4e23), ("2.4*10^23", 2.4e23), ("2.4x10^23", 2.4e23),
    ("2.4 X 10^23", 2.4e23), ("2.4·10^23", 2.4e23), ("2.4×10²³", 2.4e23), ("10^23", 1e23),
    ("10^-3", 1e-3), ("2.4×10^-3", 2.4e-3), ("~2.4e23", 2.4e23), ("≈ 2.4e23", 2.4e23),
    ("2.4e23 FLOPs", 2.4e23), ("2.4e23 flop", 2.4e23), ("240 ZFLOPs", 2.4e23),
    ("2.4 x 10^23 FLOPs", 2.4e23), ("-3", -3), ("+3", 3),
  ])
  func numberForms(typed: String, value: Double) {
    #expect(near(read(typed), value), "\(typed) read as \(String(describing: read(typed)))")
  }

  /// The comma rule: groups of exactly three after a 1-3 digit head not starting with 0 are
  /// thousands; a single other comma is a decimal comma; anything else is refused.
  @Test(arguments: [
    ("240,000", 240_000), ("1,650", 1650), ("2,400", 2400), ("1,000,000", 1e6),
    ("1,234.5", 1234.5), ("240_000", 240_000), ("2,4e23", 2.4e23), ("2,4", 2.4),
    ("51,5", 51.5), ("0,256", 0.256), (",5", 0.5), ("2,4×10^23", 2.4e23), ("6,24M", 6.24e6),
    ("1,2345", 1.2345),
  ])
  func commas(typed: String, value: Double) {
    #expect(
      near(read(typed, .gigabytes), value),
      "\(typed) read as \(String(describing: read(typed, .gigabytes)))")
  }

  @Test(arguments: ["1,00,000", "1.234,5", "5,", "1,2,3", "12,34,56"])
  func commasThatCannotBeReadAreRefusedSayingSo(_ typed: String) {
    let m = message(typed, .gigabytes)
    #expect(m?.contains("commas") == true, "\(typed): \(String(describing: m))")
  }

  @Test func scales() {
    #expect(near(read("6.24M", .gpuHours(gpu: "H100")), 6.24e6))
    #expect(near(read("6.24 M", .gpuHours(gpu: "H100")), 6.24e6))
    #expect(near(read("6.24 million", .gpuHours(gpu: "H100")), 6.24e6))
    #expect(near(read("86.8k", .gpuHours(gpu: "B200")), 86_800))
    #expect(near(read("240 B"), 2.4e11))
    #expect(near(read("0.24 T"), 2.4e11))
    #expect(Answer.value("20.0 B") == 2e10)
    #expect(Answer.value("1.4 T") == 1.4e12)
    #expect(Answer.value("12 apples") == nil)
  }

  @Test(arguments: [
    "8.68e4 B200-hours", "8.68e4 B200 hours", "8.68e4 b200-h", "8.68e4 B200h", "8.68e4 hours",
    "8.68e4 h", "8.68e4 GPU-hours", "8.68e4 gpu hours", "86.8 k B200-hours", "8.68×10^4 B200-hrs",
    "8,68e4 B200-hours", "86,800 B200-hours",
  ])
  func gpuHourUnitsWithTheGPUsName(_ typed: String) {
    #expect(near(read(typed, .gpuHours(gpu: "B200")), 86_800), "\(typed)")
  }

  @Test func everyCatalogGPUNamesItsHours() {
    for gpu in GPU.catalog {
      #expect(near(read("120 \(gpu.name)-hours", .gpuHours(gpu: gpu.name)), 120), "\(gpu.name)")
      #expect(near(read("120 \(gpu.name)-h", .gpuHours(gpu: gpu.name)), 120), "\(gpu.name)")
    }
    #expect(near(read("5 GPU-days", .gpuHours(gpu: "H100")), 120))
  }

  @Test func anotherGPUsHoursAreAMixUpNotAGrade() {
    #expect(
      message("8.68e4 H100-hours", .gpuHours(gpu: "B200"))
        == "That's in H100-hours; this question asks for B200-hours.")
  }

  @Test(arguments: [
    ("51.5 GB", 51.5), ("51.5GB", 51.5), ("51.5 gigabytes", 51.5), ("1.08 TB", 1080),
    ("0.0515 TB", 51.5), ("48 GiB", 51.539_607_552), ("49152 MiB", 51.539_607_552),
    ("5.15e10 bytes", 51.5), ("5.15e10 B", 51.5), ("5.15e10 byte", 51.5), ("51,500 MB", 51.5),
    ("5.15e7 kB", 51.5), ("256 MB", 0.256),
  ])
  func byteUnitsConvertToTheAskedGB(typed: String, gb: Double) {
    #expect(
      near(read(typed, .gigabytes), gb),
      "\(typed) read as \(String(describing: read(typed, .gigabytes)))")
  }

  @Test func rates() {
    for typed in ["33.5 tok/s", "33.5 tokens/s", "33.5 tokens per second", "33.5 tps", "33,5"] {
      #expect(near(read(typed, .rate), 33.5), "\(typed)")
    }
  }

  @Test func aUnitOfAnotherKindSaysWhichUnitIsAsked() {
    #expect(
      message("51.5 tok/s", .gigabytes) == "'tok/s' is a rate in tok/s; the question asks for GB.")
    #expect(message("2.4e23 GB", .flops) == "'gb' is a size in bytes; the question asks for FLOPs.")
    #expect(message("3 hours", .rate)?.contains("asks for tok/s") == true)
    #expect(message("2.4e23 FLOP/s", .flops)?.contains("rate") == true)
  }

  /// Swift's Double(_:) reads these; an answer field should not.
  @Test(arguments: ["0x1p80", "0x10", "nan", "inf", "infinity", "", "  ", "-", "e5", ".", "lots"])
  func notNumbers(_ typed: String) {
    #expect(read(typed, .gigabytes) == nil, "\(typed) was accepted")
  }

  @Test func unknownUnitsNameTheAskedUnit() {
    #expect(message("12 apples", .gigabytes)?.contains("asks for GB") == true)
  }

  @Test func plainDecimalRefusesWhatDoubleAccepts() {
    for ok in ["1e25", "-0.5", "3.35E12", "+4", ".5", "5.", " 7 "] {
      #expect(PlainNumber.double(ok) != nil, "\(ok)")
    }
    for bad in ["0x1p80", "0x10", "nan", "inf", "-inf", "1e", "1e+", "", "1_000", "1,000", "e5"] {
      #expect(PlainNumber.double(bad) == nil, "\(bad)")
    }
    #expect(PlainNumber.double("1e400") == nil)
  }
}
