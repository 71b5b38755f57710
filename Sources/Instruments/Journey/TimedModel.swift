import Foundation
import JourneyCore

/// A language model that remembers how long its last forward pass took.
///
/// The screen shows each step's measured time but never reads a clock itself (its update and
/// view stay functions of events and state): the clock is read here, around the model's own
/// work, and the screen copies the figure into its state after a step.
final class TimedModel: LanguageModel {
  let inner: any LanguageModel
  /// Seconds the last `forward(context:)` took, or nil before the first.
  private(set) var lastSeconds: Double?

  init(_ inner: any LanguageModel) { self.inner = inner }

  var name: String { inner.name }
  var summary: String { inner.summary }
  var vocabulary: Vocabulary { inner.vocabulary }
  var layerCount: Int { inner.layerCount }
  var headCount: Int { inner.headCount }
  var contextLimit: Int? { inner.contextLimit }
  var subwordTokenizer: LlamaTokenizer? { inner.subwordTokenizer }
  var kvHeadCount: Int { inner.kvHeadCount }

  func forward(context: [Int]) -> ForwardPass {
    let clock = ContinuousClock()
    var pass: ForwardPass?
    let elapsed = clock.measure { pass = inner.forward(context: context) }
    let parts = elapsed.components
    lastSeconds = Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    return pass!
  }
}
