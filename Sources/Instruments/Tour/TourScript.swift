import ForgeCore
import JourneyCore
import TerminalUI

/// The tour's steps, in the seed's order: the Forge's default design and its chain of
/// equations, the classics one by one, the 1M-context RTX 4090, one Token Journey STEP stage
/// by stage, temperature 0.1 then 2.5, and the lifecycle's return path. Captions are written
/// to fit two lines at 80 columns with the numbers the screen then shows (a test checks both).
enum TourScript {
  static let steps: [TourStep] = forge + classics + journey + lifecycle

  // MARK: - Forge

  static let forge: [TourStep] = [
    forgeStep("Forge: the default design", .seedDefault) { d in
      "Six decisions on the left: 10^25 FLOPs, dense, 4× past Chinchilla, 128K, FP8, "
        + "H100. The dossier is arithmetic on them: \(d.number("total_params")) params, "
        + "\(d.text("training_tokens")) tokens."
    },
    forgeStep("Forge: how big (EQ 4.2)", .seedDefault, trace: "active_params") { d in
      "EQ 4.2 gives the compute-optimal size for the budget; training 4× past it "
        + "divides that by √4: \(d.text("active_params")) parameters. Any figure's sum: "
        + "t, then Enter."
    },
    forgeStep("Forge: how good (EQ 4.1)", .seedDefault, trace: "predicted_loss") { d in
      "C = 6ND then fixes the data, \(d.text("training_tokens")) tokens, and EQ 4.1 "
        + "turns N and D into the predicted loss: \(d.text("predicted_loss")) nats per token."
    },
    forgeStep("Forge: how it serves (EQ 3.5, 7.1)", .seedDefault, trace: "kv_per_user") { d in
      let users = d["users_per_node"]?.value ?? 0
      return "One user's KV cache at 128K takes \(d.text("kv_per_user")) (EQ 3.5), so a node "
        + "holds \(d.text("users_per_node")) user\(users == 1 ? "" : "s"); one stream decodes "
        + "at most \(d.text("decode_ceiling")) (EQ 7.1)."
    },
  ]

  // MARK: - The classics

  static let classics: [TourStep] = [
    forgeStep("Classic 1: Chinchilla", .chinchilla) { d in
      "10^22 FLOPs spent at the Chinchilla optimum, \(d.text("tokens_per_param")) tokens "
        + "per parameter: \(d.text("active_params")) params on \(d.text("training_tokens")) "
        + "tokens, loss \(d.text("predicted_loss")). Chinchilla itself, in miniature."
    },
    forgeStep("Classic 2: Llama-3-8B economics", .llama3Economics) { d in
      "10^24.3 FLOPs, 32× past Chinchilla: a small \(d.text("active_params")) model fed "
        + "\(d.text("training_tokens")) tokens. Dear to train for its size, cheap to serve: "
        + "\(d.text("decode_ceiling")) a stream."
    },
    forgeStep("Classic 3: a 2025 frontier MoE", .frontier2025) { d in
      "10^25.5 FLOPs as a mixture of experts, 18:1: \(d.number("total_params")) parameters in all, "
        + "only \(d.text("active_params")) active per token. FP8 on B200, 128K context: a "
        + "2025 frontier deployment."
    },
    forgeStep("Classic 4: 1M context on an RTX 4090", .irresponsible) { d in
      let longest = Format.count(Double(d.longestContext))
      return "1M context on an RTX 4090: one user's KV cache needs \(d.text("kv_per_user")), "
        + "more than a whole 8-card node has free after the weights. It fails: \(longest) "
        + "tokens fit."
    },
  ]

  /// A Forge step: the Forge on `preset` (with a figure's trace open when `trace` names one)
  /// and a caption made from the dossier the screen then shows.
  static func forgeStep(
    _ title: String, _ preset: Preset, trace: String? = nil,
    caption: @escaping @Sendable (Dossier) -> String
  ) -> TourStep {
    TourStep(
      title: title, apply: { forgeStep(&$0, preset, trace: trace) },
      caption: { caption($0.forge.dossier) })
  }

  // MARK: - Token Journey

  static let journey: [TourStep] = [
    TourStep(
      title: "Token Journey: text becomes tokens",
      apply: { journeyStep(&$0, until: .tokens) },
      caption: { _ in
        "One STEP by hand. The prompt 'the' is text, then a token id. The model is the seed's "
          + "toy bigram table; the plumbing around it is the real one."
      }),
    TourStep(
      title: "Token Journey: stop at logits",
      apply: { journeyStep(&$0, until: .logits) },
      caption: { _ in
        "Embedding, attention, MLP, unembedding light in order and stop at logits: a score for "
          + "every next word, made probabilities by softmax(z/τ), τ = 1.0."
      }),
    TourStep(
      title: "Token Journey: sample, append",
      apply: { journeyStep(&$0, until: .append) },
      caption: { app in
        let drawn = drawnWord(app) ?? "a word"
        return "The sampler draws '\(drawn)' and it joins the context: one token, one trip. "
          + "Every serving GPU runs this loop, token after token."
      }),
    TourStep(
      title: "Token Journey: temperature 0.1",
      apply: { journeyRun(&$0, tenths: 1) },
      caption: { app in
        "τ 0.1: softmax(z/τ) sharpens until the top word always wins. Fifteen tokens of a "
          + "determinist: '\(generated(app, words: 5))', and round again."
      }),
    TourStep(
      title: "Token Journey: temperature 2.5",
      apply: { journeyRun(&$0, tenths: 25) },
      caption: { app in
        "τ 2.5: the distribution flattens and the toy hallucinates. Same seed, fifteen tokens "
          + "that start '\(generated(app, words: 5))' and wander."
      }),
  ]

  // MARK: - Lifecycle

  static let lifecycle: [TourStep] = [
    TourStep(
      title: "Lifecycle: the return path",
      apply: { app in
        forgeStep(&app, .seedDefault)
        app.lifecycle = LifecycleState()
        app.screen = .lifecycle
      },
      caption: { _ in
        "One model's life, left to right. The line back under the boxes: telemetry, preferences "
          + "and distilled outputs become the next model's data. Esc: yours."
      })
  ]

  // MARK: - Setting the instruments

  /// The Forge on a preset, with the cursor on a figure and its trace open when `trace` names
  /// one (under 120 columns the trace is a box over the screen; wider, it is always shown).
  static func forgeStep(_ app: inout AppState, _ preset: Preset, trace: String? = nil) {
    var forge = ForgeState()
    forge.apply(preset)
    forge.previous = nil
    if let trace, let i = Dossier.figureIDs.firstIndex(of: trace) {
      forge.zone = .figures
      forge.figure = i
      // Wide screens always show the trace in a column of their own.
      let body = ShellLayout(size: app.size, touring: true).body
      if ForgeLayout(body).trace.isEmpty { forge.popup = .trace }
    }
    app.forge = forge
    app.screen = .forge
  }

  /// The model the Journey steps run: the seed's toy bigram table.
  static let model = "seed-toy"

  /// The Journey as the tour found it loaded: the seed's toy on the prompt "the" at
  /// temperature 1.0 and seed 0 (or, until it has loaded, asking for it).
  static func toyJourney(_ app: AppState) -> JourneyState {
    app.tour?.toy ?? JourneyState(requesting: model)
  }

  /// The Journey's `n`: the next stage lit by hand.
  static func lightByHand(_ journey: inout JourneyState) {
    guard case .done(let effects) = journey.nextStage() else { return }
    settle(&journey, effects)
  }

  /// The work the screen would ask the runner for (the draw, the forward pass, new settings)
  /// done here: arithmetic on the toy's tables, the same on every run. Only its timing needs
  /// the runner's clock, so the tour shows no step time.
  static func settle(_ journey: inout JourneyState, _ effects: [Effect]) {
    for effect in effects {
      guard case .journey(let engine, let job) = effect.work else { continue }
      journey.receive(engine.perform(job, clock: { 0 }))
      journey.stepSeconds = nil
    }
  }

  /// The toy, its stages lit by hand until `stage` is lit.
  static func journeyStep(_ app: inout AppState, until stage: JourneyCore.Stage) {
    var journey = toyJourney(app)
    for _ in 0..<64 where journey.engine.map({ $0.machine.stage != stage }) ?? false {
      lightByHand(&journey)
    }
    app.journey = journey
    app.screen = .journey
  }

  /// The toy at a temperature, fifteen tokens generated stage by stage from seed 0, like the
  /// seed's `generate(tau)`.
  static func journeyRun(_ app: inout AppState, tenths: Int) {
    var journey = toyJourney(app)
    settle(&journey, journey.setTemperature(tenths: tenths))
    for _ in 0..<(15 * 16) {
      guard let machine = journey.engine?.machine else { break }
      if machine.history.generatedCount == 15, machine.stage == .append { break }
      lightByHand(&journey)
    }
    app.journey = journey
    app.screen = .journey
  }

  /// The word the sampler drew on the Journey's lit step.
  static func drawnWord(_ app: AppState) -> String? {
    guard let machine = app.journey.engine?.machine, let id = machine.lastSampled?.id else {
      return nil
    }
    return machine.model.vocabulary.token(id)
  }

  /// The context's first `words` tokens.
  static func generated(_ app: AppState, words: Int) -> String {
    guard let machine = app.journey.engine?.machine else { return "" }
    let ids = Array(machine.history.stored.prefix(words))
    return ids.map(machine.model.vocabulary.token).joined(separator: " ")
  }
}

extension Dossier {
  /// A figure's text as the dossier shows it ("156 B", "51.5 GB"), or "?" for an unknown id.
  func text(_ id: String) -> String { self[id]?.text ?? "?" }

  /// A figure's number and unit without the words after them ("156 B" of "156 B dense").
  func number(_ id: String) -> String {
    text(id).split(separator: " ").prefix(2).joined(separator: " ")
  }
}
