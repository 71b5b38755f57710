import Foundation

/// One box of the lifecycle figure: a stage in a model's life, the chapter that covers it, a
/// short gist, a longer explanation written for this project, and the instrument that lets you
/// play with it (if any).
enum LifecycleStage: Int, CaseIterable, Sendable {
  case data, pretraining, base, posttraining, assistant, adapt, compress, serve, application,
    diffusion

  /// The box title; `short` when the box is narrow.
  func title(short: Bool) -> String {
    switch self {
    case .data: return short ? "DATA" : "DATA PIPELINE"
    case .pretraining: return short ? "PRE-TRAIN" : "PRE-TRAINING"
    case .base: return "BASE MODEL"
    case .posttraining: return short ? "POST-TRAIN" : "POST-TRAINING"
    case .assistant: return "ASSISTANT"
    case .adapt: return "ADAPT"
    case .compress: return "COMPRESS"
    case .serve: return "SERVE"
    case .application: return short ? "APPS" : "APPLICATION"
    case .diffusion: return short ? "DIFFUSION" : "DIFFUSION HEADS"
    }
  }

  /// The chapter reference.
  var chapter: String {
    switch self {
    case .data: return "CH 04.1"
    case .pretraining: return "CH 01-04"
    case .base: return "CH 01-03"
    case .posttraining: return "CH 05"
    case .assistant: return "CH 05"
    case .adapt: return "CH 06"
    case .compress: return "CH 07"
    case .serve: return "CH 08"
    case .application: return "CH 09"
    case .diffusion: return "CH 10"
    }
  }

  /// A few words under the title, plain words first; `short` for narrow boxes with little room.
  func gist(arrow: String, short: Bool = false) -> String {
    if short, let brief = briefGist { return brief }
    switch self {
    case .data: return "crawl, filter, dedupe"
    case .pretraining: return "predict the next token"
    case .base: return "knows a lot, no manners"
    case .posttraining: return "example answers \(arrow) rewards"
    case .assistant: return "tests, red teams"
    case .adapt: return "cheap fine-tuning"
    case .compress: return "distil, fewer bits"
    case .serve: return "many users at once"
    case .application: return "agents, tools, search"
    case .diffusion: return "images, speech"
    }
  }

  private var briefGist: String? {
    switch self {
    case .data: return "curated text"
    case .pretraining: return "next token"
    case .base: return "no manners"
    case .posttraining: return "tuned to help"
    case .serve: return "many users"
    default: return nil
    }
  }

  /// What the box sends back along the return path to the next generation's data, if anything
  /// (for the data box: that the path ends there).
  var returnPath: String? {
    switch self {
    case .data:
      return "it ends here. The next model's data is a fresh crawl plus what the boxes after "
        + "this one send back."
    case .posttraining:
      return "reward models and preference data, reused by the next generation's post-training."
    case .assistant:
      return "preferences (people choosing the better of two answers) and red-team findings, "
        + "which become training data."
    case .compress:
      return "distilled outputs: a big model's answers become training text for a smaller one."
    case .serve:
      return "telemetry: which prompts arrive and where answers fail, what the next model must "
        + "learn."
    case .application:
      return "conversations and tool traces, where users agree, for the next data mix."
    default: return nil
    }
  }

  /// The explanation cut into sentences: a box shows as many whole ones as fit.
  var sentences: [String] {
    explanation.flatMap { paragraph in
      var out: [String] = []
      var current = ""
      let chars = Array(paragraph)
      for (i, c) in chars.enumerated() {
        current.append(c)
        let next = i + 2 < chars.count ? chars[i + 2] : nil
        // A sentence ends at a full stop before a capital (never at a semicolon: a box that
        // ended on one would read as cut off).
        if c == ".", next?.isUppercase == true, i + 1 < chars.count, chars[i + 1] == " " {
          out.append(current)
          current = ""
        }
      }
      out.append(current)
      return out.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
  }

  /// What the box is about, in a few sentences of our own.
  var explanation: [String] {
    switch self {
    case .data:
      return [
        "Raw text from the web, books and code is crawled, filtered for quality, stripped of "
          + "duplicates and personal data, mixed by domain and tokenised.",
        "The Forge decides how many tokens D the run needs: C = 6ND fixes D once the budget C "
          + "and the model size N are chosen.",
      ]
    case .pretraining:
      return [
        "The expensive part: a transformer learns to predict the next token over the whole "
          + "corpus, for weeks, on thousands of accelerators.",
        "Its price is arithmetic: C = 6ND FLOPs, divided by what the fleet really delivers "
          + "(its peak times the share a run sustains, MFU), gives GPU-hours, a fleet size and "
          + "a bill.",
      ]
    case .base:
      return [
        "What comes out is a base model: it continues any text plausibly, knows a great deal, "
          + "and follows no instructions. The scaling law predicts its loss from N and D.",
        "The Token Journey shows one forward pass of such a model, token by token.",
      ]
    case .posttraining:
      return [
        "Supervised fine-tuning on written demonstrations teaches the format of a helpful "
          + "answer; reinforcement learning from preferences shapes taste; RL against "
          + "verifiable rewards (tests, proofs, exact answers) sharpens reasoning."
      ]
    case .assistant:
      return [
        "The result is an assistant. Before release it is measured on benchmarks and attacked "
          + "on purpose by red teams looking for harmful or broken behaviour."
      ]
    case .adapt:
      return [
        "Anyone can specialise an open model cheaply: LoRA trains small low-rank updates "
          + "beside frozen weights; QLoRA does the same over 4-bit weights so one GPU is enough."
      ]
    case .compress:
      return [
        "A big teacher can be distilled into a small student, and weights can be stored in "
          + "fewer bits. Bytes per parameter set the weights' size on disk and in memory, "
          + "and how many GPUs a copy needs."
      ]
    case .serve:
      return [
        "Serving is a loop: read every active weight once per generated token. Memory "
          + "bandwidth divided by the bytes read caps one user's speed; the memory left after "
          + "the weights, divided by one user's KV cache, caps how many users share a node.",
        "The Forge computes both; the Token Journey shows the loop itself.",
      ]
    case .application:
      return [
        "Products wrap the model: agents that plan and call tools, retrieval that feeds it "
          + "fresh documents (RAG), long conversations that lean on the KV cache."
      ]
    case .diffusion:
      return [
        "Beside the token world, diffusion models generate images and audio by learning to "
          + "remove noise step by step; language models often act as their front end."
      ]
    }
  }

  /// Words that pick this stage's entries out of the Reading screen's list.
  var readingKeys: [String] {
    switch self {
    case .pretraining: return ["GPT-3", "Chinchilla"]
    case .base: return ["Attention Is All You Need", "nanoGPT", "Zero to Hero"]
    case .posttraining: return ["InstructGPT", "DPO", "R1"]
    case .adapt: return ["LoRA", "Unsloth"]
    case .serve: return ["FlashAttention", "vLLM"]
    case .diffusion: return ["DDPM"]
    default: return []
    }
  }

  /// What the Reading screen (F5) lists for this stage.
  var reading: [String] {
    ReadingEntry.all.flatMap(\.items).filter { item in
      readingKeys.contains { item.contains($0) }
    }.map { $0.hasPrefix("or ") ? String($0.dropFirst(3)) : $0 }
  }

  /// The instrument that owns the box's figures (`g` jumps there), if any.
  var instrument: ScreenID? {
    switch self {
    case .data, .pretraining, .compress, .serve: return .forge
    case .base: return .journey
    default: return nil
    }
  }

  /// A second instrument for the box (`j` jumps there): the generation loop of serving.
  var loopInstrument: ScreenID? {
    switch self {
    case .serve, .base: return .journey
    default: return nil
    }
  }
}
