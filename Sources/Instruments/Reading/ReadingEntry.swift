/// One row of the where-to-go-next table: what you want, what to read or build, why, and the
/// screen of this app that connects to it.
struct ReadingEntry: Equatable, Sendable {
  /// "If you want…"
  var want: String
  /// What to read or build, one item each.
  var items: [String]
  /// Why, in a sentence or two of our own.
  var why: String
  /// The screen of this app it connects to (Enter jumps there).
  var screen: ScreenID
  /// What to try on that screen.
  var tryThere: String

  static let all: [ReadingEntry] = [
    ReadingEntry(
      want: "The primary sources",
      items: [
        "Attention Is All You Need (2017)", "GPT-3 (2020)", "Chinchilla (2022)",
        "InstructGPT (2022)", "LoRA (2021)", "FlashAttention (2022)", "DPO (2023)",
        "DeepSeek-V3 and R1 reports (2024-25)", "DDPM (2020)",
      ],
      why: "The papers behind the boxes: the transformer, what scale buys, the compute-optimal "
        + "recipe the Forge's dossier is built on, learning from human preferences, cheap "
        + "adaptation, attention that respects memory, preferences without an RL loop, a "
        + "frontier mixture-of-experts and its reasoning sibling, and diffusion.",
      screen: .lifecycle,
      tryThere: "find the box each paper belongs to and read its explanation"),
    ReadingEntry(
      want: "To build one",
      items: ["Karpathy's Neural Networks: Zero to Hero", "nanoGPT and nanochat"],
      why: "Write a small GPT from an empty file and train it end to end. Afterwards the "
        + "scaling-law chapter stops being abstract: you will have paid for every token.",
      screen: .journey,
      tryThere: "step one token through the same stages your own code will have"),
    ReadingEntry(
      want: "To serve one",
      items: ["vLLM or SGLang", "any open-weight model"],
      why: "Stand up an inference engine and watch time-to-first-token and time-per-output-"
        + "token on your own dashboards; the serving chapter's arithmetic shows up in them.",
      screen: .forge,
      tryThere: "compare your measured tokens per second with the decode ceiling and users "
        + "per node"),
    ReadingEntry(
      want: "To adapt one",
      items: ["QLoRA with the PEFT / TRL stack", "or Unsloth"],
      why: "Give it a weekend: fine-tune an open model on a single GPU, following the "
        + "adaptation chapter's recipe step by step.",
      screen: .forge,
      tryThere: "set precision to FP4 and the GPU to an RTX 4090 to see why 4-bit weights "
        + "make one card enough"),
    ReadingEntry(
      want: "To look inside one",
      items: [
        "mechanistic interpretability: induction heads", "superposition",
        "sparse autoencoders", "circuit tracing",
      ],
      why: "The research that opens a trained network and asks which parts do what, from "
        + "heads that copy earlier patterns to features packed many to a neuron.",
      screen: .journey,
      tryThere: "pick the tiny GPT and watch where each head's attention goes"),
  ]
}
