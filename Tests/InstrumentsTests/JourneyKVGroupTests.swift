import JourneyCore
import TerminalUI
import Testing

@testable import Instruments

/// The attention table groups query heads that share a KV head (grouped-query attention).
struct JourneyKVGroupTests {
  /// A two-layer Llama with 4 query heads sharing 2 KV heads, small deterministic weights and a
  /// tokenizer of single letters.
  static func gqaModel() throws -> LlamaModel { try deepModel(layers: 2, name: "gqa") }

  /// The same small Llama with more layers (for lines that list every layer).
  static func deepModel(layers: Int, name: String = "deep") throws -> LlamaModel {
    let config = LlamaConfig(
      dim: 8, hiddenDim: 16, layers: layers, heads: 4, kvHeads: 2, vocabSize: 12,
      contextLength: 16, sharedClassifier: true)
    var tensors: [String: [Float]] = [:]
    for (n, (name, count)) in config.tensorSizes.enumerated() where !name.hasPrefix("freq_cis") {
      tensors[name] = (0..<count).map { i in
        name.hasPrefix("rms") ? 1 : Float(((i * 7 + n * 3) % 11) - 5) / 10
      }
    }
    let pieces = ["<unk>", "<s>", "</s>", " ", "a", "b", "c", "d", "e", "f", "g", "h"]
    let tokenizer = LlamaTokenizer(
      pieces: pieces.map { Array($0.utf8) }, scores: Array(repeating: 0, count: pieces.count),
      maxTokenLength: 5)
    return LlamaModel(
      weights: try LlamaWeights.inMemory(config: config, tensors: tensors), tokenizer: tokenizer,
      name: name)
  }

  /// The stage panel's line of each layer's best guess (the logit lens) never runs past its
  /// width with many layers: it names the layers where that fits, else lists the guesses,
  /// else the latest ones after "…", and always ends with the last layer's guess. (At 80x24
  /// stories260K's five layers read "… → after 4 '…" before.)
  @Test(arguments: [56, 76])
  func theBestGuessLineFitsItsWidth(width: Int) throws {
    var d = Self.driver(try Self.deepModel(layers: 6), name: "deep", prompt: "abc")
    d.state.stepSeconds = 0.034
    for stage in d.machine.stages {
      d.next(until: stage)
      let line = d.state.modelLine(d.machine, width: width, context: RenderContext())
      guard let last = d.state.reveal?.shownLens.last else { continue }
      #expect(line.displayWidth <= width, "\(stage.label) at \(width): \(line.plain)")
      if stage != .append {
        let guess = "'\(d.machine.model.vocabulary.token(last))'"
        #expect(line.plain.hasSuffix(guess), "\(stage.label) at \(width): \(line.plain)")
      }
    }
  }

  static func driver(_ model: any LanguageModel, name: String, prompt: String) -> JourneyDriver {
    var d = JourneyDriver()
    d.state = JourneyState(requesting: name, prompt: prompt)
    d.state.receive(model: name, .success(model))
    return d
  }

  @Test func sharedKVHeadsAreGroupedOverTheirQueryHeads() throws {
    var d = Self.driver(try Self.gqaModel(), name: "gqa", prompt: "abc")
    #expect(d.state.engine != nil, "\(String(describing: d.state.message))")
    d.next(until: .logits)
    let columns = d.state.attentionColumns(d.state.reveal!, glow: d.state.glow, width: 200)
    let heads = columns.filter { !$0.title.contains("avg") }
    #expect(heads.map(\.title) == (1...2).flatMap { l in (1...4).map { "L\(l)·H\($0)" } })
    #expect(
      heads.map(\.kvGroup)
        == ["L1·kv1", "L1·kv1", "L1·kv2", "L1·kv2", "L2·kv1", "L2·kv1", "L2·kv2", "L2·kv2"])
    #expect(columns.filter { $0.title.contains("avg") }.allSatisfy { $0.kvGroup == nil })
    // On screen: a rule over each pair, above the heads' titles, without colour too.
    let plain = Capabilities(colors: .none, unicode: false)
    for capabilities in [Capabilities.full, plain] {
      let lines = d.render(
        Size(width: 200, height: 50), theme: .monochrome, capabilities: capabilities
      )
      .text.split(separator: "\n", omittingEmptySubsequences: false)
      let titles = try #require(lines.firstIndex { $0.contains("L1·H1") || $0.contains("L1-H1") })
      let group = lines[titles - 1]
      let rule = capabilities == plain ? "-" : "─"
      #expect(
        group.contains("\(rule) L1·kv1 \(rule)") || group.contains("\(rule) L1-kv1 \(rule)"),
        "\(group)")
      for label in ["kv1", "kv2"] {
        #expect(
          group.components(separatedBy: label).count - 1 == 2, "one \(label) per layer: \(group)")
      }
    }
  }

  @Test func modelsWithoutSharedKVHeadsHaveNoGroupRow() {
    for (name, prompt) in [("tiny-gpt", JourneyDriver.gptPrompt), ("corpus", "the")] {
      var d = JourneyDriver(model: name, prompt: prompt)
      d.next(until: .logits)
      let columns = d.state.attentionColumns(d.state.reveal!, glow: d.state.glow, width: 200)
      #expect(!columns.isEmpty)
      #expect(columns.allSatisfy { $0.kvGroup == nil }, "\(name)")
      #expect(!d.render(Size(width: 200, height: 50)).text.contains("kv1"), "\(name)")
    }
  }
}
