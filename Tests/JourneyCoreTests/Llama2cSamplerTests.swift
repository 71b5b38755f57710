import Foundation
import Testing

@testable import JourneyCore

/// run.c's sampler, checked against numbers worked out from its definition (the xorshift
/// values by Python's big integers: state ^= state >> 12; ^= state << 25 mod 2^64;
/// ^= state >> 27; output (state · 0x2545F4914F6CDD1D mod 2^64) >> 32).
@Suite struct Llama2cSamplerTests {
  @Test(arguments: [
    (
      UInt64(1), [UInt32(1_206_177_355), 2_882_512_552, 3_117_485_455, 1_303_648_416, 241_277_360],
      UInt64(0x081F_D021_0EB2_5E00)
    ),
    (
      42, [1_456_360_119, 3_359_763_283, 3_393_612_768, 4_054_632_243, 3_283_045_847],
      0x53E4_A303_A98C_E13E
    ),
    (
      1337, [989_205_090, 818_269_915, 1_335_155_955, 3_876_892_996, 2_941_700_015],
      0xB0C4_BE96_A156_F6B5
    ),
  ])
  func theStreamIsXorshiftStar(seed: UInt64, values: [UInt32], state: UInt64) {
    var random = XorshiftRandom(seed: seed)
    #expect((0..<5).map { _ in random.nextUInt32() } == values)
    #expect(random.state == state)
  }

  @Test func floatsAreTheTop24BitsOverTwoToThe24() {
    var random = XorshiftRandom(seed: 1)
    // (1206177355 >> 8) / 2^24 = 4711630 / 16777216, exactly representable.
    #expect(random.nextFloat() == Float(4_711_630) / 16_777_216)
    #expect(random.nextFloat() == Float(2_882_512_552 >> 8) / 16_777_216)
    var zero = XorshiftRandom(seed: 0)
    #expect(zero.nextUInt32() == 0 && zero.state == 0)
  }

  /// log-probabilities at temperature T, so softmax(logits / T) gives back p.
  static func logits(_ p: [Double], temperature: Float = 1) -> [Float] {
    p.map { Float(log($0)) * temperature }
  }

  @Test func temperatureZeroIsArgmaxAndDrawsNothing() {
    var s = Llama2cSampler(temperature: 0, topP: 0.9, seed: 7)
    #expect(s.sample([0.1, 3, -2, 3]) == 1)
    #expect(s.random.state == 7)
  }

  /// Seed 1's coins are 0.2808, 0.6711, 0.7258: the running sum of [0.1, 0.6, 0.3] first
  /// exceeds them at 1, 1 and 2.
  @Test(arguments: [Float(0), 1])
  func withoutTopPTheCoinWalksTheWholeDistribution(topP: Float) {
    var s = Llama2cSampler(temperature: 0.7, topP: topP, seed: 1)
    let draws = (0..<3).map { _ in s.sample(Self.logits([0.1, 0.6, 0.3], temperature: 0.7)) }
    #expect(draws == [1, 1, 2])
  }

  /// top-p 0.8 on [0.1, 0.6, 0.3]: the cutoff (1 − 0.8)/2 = 0.1 keeps all three; sorted
  /// 0.6, 0.3, 0.1 the sum passes 0.8 at the second, so the nucleus is {1, 2} with mass 0.9,
  /// and the coins scale to 0.2527, 0.6040, 0.6533: tokens 1, 2, 2.
  @Test func topPCutsTheSortedListWhereItsSumPassesP() {
    var s = Llama2cSampler(temperature: 1, topP: 0.8, seed: 1)
    #expect((0..<3).map { _ in s.sample(Self.logits([0.1, 0.6, 0.3])) } == [1, 2, 2])
    // top-p 0.5: the first token alone passes 0.5, so every draw is token 1.
    var narrow = Llama2cSampler(temperature: 1, topP: 0.5, seed: 1)
    #expect((0..<3).map { _ in narrow.sample(Self.logits([0.1, 0.6, 0.3])) } == [1, 1, 1])
  }

  /// Equal probabilities keep index order in the sort (glibc's qsort is a merge sort): with
  /// [0.25, 0.25, 0.5] the order is 2, 0, 1, so coins 0.2808, 0.6711, 0.7258 give 2, 0, 0.
  @Test func tiesKeepIndexOrder() {
    var s = Llama2cSampler(temperature: 1, topP: 0.99, seed: 1)
    #expect((0..<3).map { _ in s.sample(Self.logits([0.25, 0.25, 0.5])) } == [2, 0, 0])
  }

  /// With p 0.9 the cutoff (1 − 0.9)/(4 − 1) = 0.0333 drops the 0.01 token before sorting
  /// (it could never be in the nucleus); the sum passes 0.9 at 0.19, so a coin near 1 draws
  /// token 2, never 3.
  @Test func aCoinNearOneDrawsTheLastTokenOfTheNucleus() {
    var p = [Float](repeating: 0, count: 4)
    let probabilities: [Float] = [0.5, 0.3, 0.19, 0.01]
    for i in 0..<4 { p[i] = probabilities[i] }
    let last = p.withUnsafeMutableBufferPointer {
      Llama2cSampler.nucleus($0, topP: 0.9, coin: 0.999_999)
    }
    #expect(last == 2)
  }

  @Test func anEmptyNucleusFallsBackToTheMostLikelyToken() {
    var flat = [Float](repeating: 0.25, count: 4)
    flat[3] = 0.2500001
    let pick = flat.withUnsafeMutableBufferPointer {
      Llama2cSampler.nucleus($0, topP: 0.001, coin: 0.5)
    }
    #expect(pick == 3)
  }
}
