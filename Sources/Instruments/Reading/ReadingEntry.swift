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
  /// Per item, in `items` order: what it is and where this app shows it.
  var notes: [ReadingNote]

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
      tryThere: "find the box each paper belongs to and read its explanation",
      notes: [
        ReadingNote(
          what: "Vaswani et al.: the transformer, self-attention in place of recurrence, so every "
            + "position reads every other in one step.",
          here: "the Journey's attention stages and map (F2)"),
        ReadingNote(
          what: "Brown et al.: 175 B parameters on 300 B tokens; tasks learned from a few "
            + "examples in the prompt, from scale alone.",
          here: "GPT-3 175B in the Forge's gallery (F1) and the Exercises' real-model tables (F4)"),
        ReadingNote(
          what: "Hoffmann et al.: at a fixed compute budget grow parameters and tokens together, "
            + "about 20 tokens per parameter, with the loss law L = E + A/N^α + B/D^β.",
          here: "the Forge's predicted loss, N_opt (EQ 4.1, 4.2, a refit of that law) and its "
            + "over-training slider (F1)"),
        ReadingNote(
          what: "Ouyang et al.: fine-tune on demonstrations, then train a reward model on human "
            + "rankings and optimise against it with RL (PPO).",
          here: "the Lifecycle's POST-TRAINING and ASSISTANT boxes (F3)"),
        ReadingNote(
          what: "Hu et al.: freeze the weights and train a small low-rank update beside each "
            + "matrix: a tiny fraction of the parameters to train and store.",
          here: "the Lifecycle's ADAPT box (F3)"),
        ReadingNote(
          what: "Dao et al.: exact attention computed tile by tile in on-chip memory, so the full "
            + "score matrix never goes out to HBM; memory traffic, not arithmetic, was the limit.",
          here: "the Journey's attention map is that score matrix, small enough to draw (F2)"),
        ReadingNote(
          what: "Rafailov et al.: learn from preference pairs with one classification-style loss "
            + "on the model itself, with no separate reward model and no RL loop.",
          here: "the Lifecycle's POST-TRAINING box (F3)"),
        ReadingNote(
          what: "V3: a 671 B mixture-of-experts with 37 B active per token, multi-head latent "
            + "attention and FP8 training; R1: reasoning trained by reinforcement learning on top "
            + "of it.",
          here: "DeepSeek-V3 in the gallery; the Forge's MoE ratio 18, its MLA setting (a) and "
            + "FP8 (F1)"),
        ReadingNote(
          what: "Ho et al.: generate by learning to undo a gradual noising, step by step: the "
            + "basis of image diffusion rather than next-token text.",
          here: "the Lifecycle's DIFFUSION HEADS box (F3)"),
      ]),
    ReadingEntry(
      want: "To build one",
      items: ["Karpathy's Neural Networks: Zero to Hero", "nanoGPT and nanochat"],
      why: "Write a small GPT from an empty file and train it end to end. Afterwards the "
        + "scaling-law chapter stops being abstract: you will have paid for every token.",
      screen: .journey,
      tryThere: "step one token through the same stages your own code will have",
      notes: [
        ReadingNote(
          what: "A video course from backpropagation by hand (micrograd) through bigram and MLP "
            + "language models (makemore) to a GPT written from scratch.",
          here: "the Journey's bigram and tiny GPT, the two ends of that road (F2)"),
        ReadingNote(
          what: "nanoGPT: a few hundred lines that train GPT-2-class models; nanochat: the whole "
            + "pipeline, tokenizer to chat UI, on one node for a small budget.",
          here: "the Lifecycle's boxes end to end (F3); the Forge prices the pretraining (F1)"),
      ]),
    ReadingEntry(
      want: "To serve one",
      items: ["vLLM or SGLang", "any open-weight model"],
      why: "Stand up an inference engine and watch time-to-first-token and time-per-output-"
        + "token on your own dashboards; the serving chapter's arithmetic shows up in them.",
      screen: .forge,
      tryThere: "compare your measured tokens per second with the decode ceiling and users "
        + "per node",
      notes: [
        ReadingNote(
          what: "Open-source inference engines: vLLM pages the KV cache (PagedAttention), SGLang "
            + "shares common prefixes (RadixAttention); both batch many users at once.",
          here: "the Forge's KV cache per user and users per node, the memory they manage (F1)"),
        ReadingNote(
          what: "Llama, Qwen, Mistral, DeepSeek: weights you can download, so tokens per second "
            + "and memory can be measured rather than guessed.",
          here: "the Forge's single-stream ceiling, bandwidth over bytes read per token (EQ 7.1, "
            + "F1)"),
      ]),
    ReadingEntry(
      want: "To adapt one",
      items: ["QLoRA with the PEFT / TRL stack", "or Unsloth"],
      why: "Give it a weekend: fine-tune an open model on a single GPU, following the "
        + "adaptation chapter's recipe step by step.",
      screen: .forge,
      tryThere: "set precision to FP4 and the GPU to an RTX 4090 to see why 4-bit weights "
        + "make one card enough",
      notes: [
        ReadingNote(
          what: "Dettmers et al.: LoRA adapters trained on a frozen 4-bit (NF4) base model; PEFT "
            + "holds the adapters, TRL the SFT and DPO trainers.",
          here: "the Forge at FP4 on an RTX 4090: weights small enough for one card (F1)"),
        ReadingNote(
          what: "A fine-tuning library with hand-written kernels that make LoRA and QLoRA faster "
            + "and lighter on a single GPU.",
          here: "the Lifecycle's ADAPT box (F3)"),
      ]),
    ReadingEntry(
      want: "To look inside one",
      items: [
        "mechanistic interpretability: induction heads", "superposition",
        "sparse autoencoders", "circuit tracing",
      ],
      why: "The research that opens a trained network and asks which parts do what, from "
        + "heads that copy earlier patterns to features packed many to a neuron.",
      screen: .journey,
      tryThere: "pick the tiny GPT and watch where each head's attention goes",
      notes: [
        ReadingNote(
          what: "Olsson et al.: heads that find an earlier copy of the current token and predict "
            + "what followed it; they form suddenly in training and carry much in-context "
            + "learning.",
          here: "the Journey's attention map on the tiny GPT (F2)"),
        ReadingNote(
          what: "Elhage et al.: a network stores more features than it has neurons, as nearly "
            + "orthogonal directions, so one neuron answers to many unrelated things.",
          here: "the residual stream the Journey's logit lens reads (F2)"),
        ReadingNote(
          what: "A wide, sparse autoencoder trained on a model's activations pulls those packed "
            + "features apart into ones a person can name.",
          here: "the same residual stream, layer by layer (F2)"),
        ReadingNote(
          what: "Attribution graphs: swap the MLPs for interpretable stand-ins and follow, prompt "
            + "by prompt, which features cause the output.",
          here: "one STEP of the Journey, stage by stage (F2)"),
      ]),
  ]
}

/// One item of an entry: what it is, in a sentence of our own, and where this app shows it.
struct ReadingNote: Equatable, Sendable {
  var what: String
  var here: String
}
