import ForgeCore
import JourneyCore
import TerminalUI

/// What the lit stage does, in a few sentences carrying this model's own numbers: the text of
/// the "At this stage" panel on roomy screens. Pure, so every stage's wording is tested.
enum JourneyExplainer {
  /// The facts the sentences quote.
  struct Facts: Equatable {
    var vocabulary: Int
    var layers: Int
    var heads: Int
    /// Numbers per embedding row (0 before the first pass).
    var width: Int
    /// Tokens in the context window the model reads.
    var contextTokens: Int
    /// The longest context the model reads, nil for a bigram (one token).
    var contextLimit: Int?
    /// Positions one attention reads when it slides over the context, nil when it reads all.
    var attentionWindow: Int?
    var temperature: Double
    var topK: Int?
    var topP: Double?
    var seed: UInt64

    init(_ machine: StepMachine) {
      vocabulary = machine.model.vocabulary.count
      layers = machine.model.layerCount
      heads = machine.model.headCount
      width = machine.pass?.embedding.count ?? 0
      contextTokens = machine.window.tokens.count
      contextLimit = machine.model.contextLimit
      attentionWindow = machine.model.attentionWindow
      temperature = machine.settings.temperature
      topK = machine.settings.topK
      topP = machine.settings.topP
      seed = machine.seed
    }
  }

  /// The panel's title for a stage (nil: before anything is lit).
  static func title(_ stage: JourneyCore.Stage?) -> String {
    stage.map { "At this stage · \($0.label)" } ?? "One step of the loop"
  }

  /// The sentences for a stage (nil: the loop as a whole, before anything is lit).
  static func text(_ stage: JourneyCore.Stage?, _ f: Facts) -> String {
    let bigram = f.layers == 0
    switch stage {
    case nil:
      return
        "One STEP runs the whole model once over the context and adds one token: text, tokens,"
        + " embeddings, \(bigram ? "a lookup" : "\(f.layers) layers of attention and MLP"),"
        + " scores for every word, a draw, and the append. Generating a reply is this loop, once"
        + " per token. Press n to light one stage at a time."
    case .text:
      return
        "The model sees only what is in the context: the prompt plus every token drawn so far."
        + " Nothing is computed yet; the same text, settings and seed always give the same"
        + " next token."
    case .tokens:
      return
        "The tokenizer maps each word to its id in a vocabulary of \(count(f.vocabulary)) entries."
        + " The model never sees letters, only these integers; a word outside the vocabulary"
        + " cannot be typed in at all."
        + (f.contextLimit.map { " It reads at most the last \($0) tokens" } ?? "")
        + (f.attentionWindow.map {
          ": each attention reads \($0) positions, and each layer reaches \($0 - 1) further back."
        } ?? (f.contextLimit == nil ? "" : "."))
    case .embed:
      return bigram
        ? "The last token's id picks one row of a \(count(f.vocabulary)) × \(count(f.vocabulary))"
          + " table. For a bigram that row already is the answer: one score for each possible"
          + " next word, learned by counting which word followed which."
        : "Each token's id picks one row of the embedding table, \(f.width) numbers wide"
          + " (the strip shows the last token's). From here on every position is a vector, and"
          + " each layer adds its findings to it: the residual stream."
    case .attention(let layer):
      return bigram
        ? "A bigram has no real attention: it reads only the previous token, so all the"
          + " weight sits on it. A transformer's attention is what lets a token use words"
          + " further back."
        : "Layer \(layer + 1): each of \(f.heads) heads scores "
          + (f.attentionWindow.map { "the last \($0) positions (a sliding window)" }
            ?? "every earlier position")
          + " against the current one (query · key), turns the scores into weights that sum to 1"
          + " (the glow) and takes their weighted mix. It never looks ahead: the future is not"
          + " there yet."
    case .mlp(let layer):
      return bigram
        ? "No MLP either: the table row passes straight through. In a transformer this is where"
          + " most parameters live, and the Forge's 6ND counts them."
        : "Layer \(layer + 1)'s MLP works on each position alone: it widens the \(f.width)-number"
          + " vector, applies a non-linearity, narrows it back and adds the result to the"
          + " residual stream. Most of a large model's parameters sit in these blocks."
    case .unembed:
      return
        "The final vector is multiplied by the unembedding matrix: one raw score (logit) for"
        + " each of the \(count(f.vocabulary)) vocabulary entries. Higher means the model finds"
        + " that word a likelier continuation."
    case .logits:
      return
        "The scores are divided by the temperature τ = \(fixed(f.temperature)) and a softmax turns"
        + " them into probabilities (the bars). Below 1 the favourite gains; above 1 the tail"
        + " catches up; the order never changes."
        + filters(f)
    case .sample:
      return
        "A number from the seeded generator (seed \(f.seed)) lands somewhere in the running total"
        + " of the probabilities and picks that token. Likely words win often, not always:"
        + " that is why the same prompt can go different ways."
    case .append:
      return
        "The drawn token joins the context (now \(f.contextTokens) token\(f.contextTokens == 1 ? "" : "s"))"
        + " and the next step runs the whole pass again on the longer text. Serving a model at"
        + " scale is this loop: the Forge's decode ceiling is how fast a GPU can repeat it."
    }
  }

  private static func filters(_ f: Facts) -> String {
    var parts: [String] = []
    if let k = f.topK {
      parts.append("top-k keeps the \(k) likeliest (and any tied with the last of them)")
    }
    if let p = f.topP {
      parts.append("top-p keeps the likeliest until their mass reaches \(fixed(p))")
    }
    guard !parts.isEmpty else { return "" }
    return " Then " + parts.joined(separator: " and ") + ", and the rest are set to zero."
  }

  private static func count(_ n: Int) -> String { Format.count(Double(n)) }

  /// τ and p as typed: 1.0, 0.75.
  private static func fixed(_ x: Double) -> String {
    let two = JourneyState.fixed(x, 2)
    return two.hasSuffix("0") ? String(two.dropLast()) : two
  }
}

extension JourneyState {
  /// The "At this stage" panel: what the lit stage does, with this model's numbers.
  func drawExplainer(into canvas: inout Canvas, area: Rect, context: RenderContext) {
    guard !area.isEmpty, let machine = engine?.machine else { return }
    // STEP and AUTO light stages faster than anyone reads: the panel says what the whole loop
    // does, and follows the lit stage once `n` lights stages by hand (which also keeps the
    // bytes per STEP down).
    let stage = litByHand && animation == nil ? machine.stage : nil
    let inner = JourneyLayout.padded(
      canvas.panel(JourneyExplainer.title(stage), area: area, context: context))
    explainerBlock(stage, JourneyExplainer.Facts(machine), context: context)
      .render(into: &canvas, area: inner, context: context)
  }

  private func explainerBlock(
    _ stage: JourneyCore.Stage?, _ facts: JourneyExplainer.Facts, context: RenderContext
  ) -> TextBlock {
    TextBlock(
      JourneyText.fitted(
        StyledText(JourneyExplainer.text(stage, facts), style: context.theme.text),
        context.glyphs),
      overflow: .wrap)
  }

  /// Lines the longest of the explainer's texts takes at `width` (for every stage of this
  /// model, and the one shown before a stage is lit): kept by `update` for the widths a frame
  /// asks at (`explainerRows`), else worked out.
  func explainerLines(_ machine: StepMachine, width: Int, context: RenderContext) -> Int {
    explainerRows.lines(for: explainerKey(machine, width: width, context: context))
      ?? explainerLinesWorkedOut(machine, width: width, context: context)
  }

  /// `explainerLines`, worked out.
  func explainerLinesWorkedOut(_ machine: StepMachine, width: Int, context: RenderContext)
    -> Int
  {
    let facts = JourneyExplainer.Facts(machine)
    return ([nil] + machine.stages).map {
      explainerBlock($0, facts, context: context).layout(width: width).count
    }.max() ?? 0
  }
}
