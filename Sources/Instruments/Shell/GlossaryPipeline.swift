import ForgeCore
import TerminalUI

/// The glossary's terms for the Lifecycle, the Exercises and the Reading list: the words of a
/// model's life from data to serving, each with the Forge design's numbers where it has them.
extension Glossary {
  /// The terms every screen built on the Forge's figures shows: units, precision, hardware.
  static func units(_ d: Dossier) -> [Entry] {
    let design = d.design
    let gpu = design.gpu
    return [
      Entry(
        term: "FLOPs, FLOP/s",
        text:
          "Floating-point operations: C = 6ND counts a training run's (\(Format.flops(design.budget)) "
          + "here); FLOP/s is a GPU's rate (the \(gpu.name) peaks at \(Format.flops(gpu.peakFLOPs)))."
      ),
      Entry(
        term: "tok/s, tok/param, tokens/param",
        text: "Tokens per second one user's stream decodes (\(d.text("decode_ceiling")) here); "
          + "tokens per parameter D/N, the data per weight (\(d.text("tokens_per_param")) here, "
          + "Chinchilla's optimum is about 20)."),
      Entry(
        term: "FP8, BF16, FP4 (precision)",
        text: "Bytes per stored weight: BF16 2, FP8 1, FP4 half a byte. "
          + "\(design.precision.label) here makes the weights \(d.text("weights"))."),
      Entry(
        term: "B/s, TB/s (bandwidth)",
        text: "Bytes per second a GPU's memory delivers (\(Format.size(gpu.bandwidth))/s on the "
          + "\(gpu.name)): what caps decoding, since every weight is read once per token."),
      Entry(
        term: "GQA",
        text: "Grouped-query attention: several query heads share one key/value head (GQA-8: "
          + "8 KV heads), so the KV cache shrinks by the group size."),
      Entry(
        term: "N_active",
        text: "The parameters a token actually runs through: all of them for a dense model, "
          + "the chosen experts for a mixture of experts (\(d.text("active_params")) here)."),
    ]
  }

  static func lifecycle(_ design: ForgeDesign) -> [Entry] {
    let gpu = design.gpu
    return [
      Entry(
        term: "HBM, memory, links",
        text: "HBM is the memory on the GPU itself, with its speed (\(gpu.words(ascii: false)) "
          + "here). Links (the interconnect) join GPUs so a model split across them can trade "
          + "results."),
      Entry(
        term: "parallelism, rooflines",
        text: "Parallelism splits one model or batch over many GPUs (CH 4.5). A roofline says "
          + "whether a step is limited by arithmetic or by memory bandwidth (CH 8.1); decoding "
          + "one token at a time is limited by bandwidth."),
      Entry(
        term: "SFT, RL, RLVR",
        text: "Supervised fine-tuning on example answers; reinforcement learning (RL) from "
          + "people's preferences; RL against verifiable rewards (tests pass, proofs check)."),
      Entry(
        term: "red teams",
        text: "People who attack a model on purpose before release, looking for harmful or "
          + "broken behaviour."),
      Entry(
        term: "LoRA, QLoRA",
        text: "Low-rank adaptation: train small update matrices beside frozen weights. QLoRA "
          + "does it over 4-bit weights, so one GPU is enough."),
      Entry(
        term: "distil, quantise",
        text: "Distilling trains a small model on a big one's answers; quantising stores the "
          + "weights in fewer bits (see precision)."),
      Entry(
        term: "RAG",
        text: "Retrieval-augmented generation: fetch documents that match the question and put "
          + "them in the prompt."),
      Entry(
        term: "return path",
        text: "What flows back from a model's life into the next model's data: telemetry from "
          + "serving, preferences and red-team findings, distilled outputs."),
    ]
  }

  static var reading: [Entry] {
    [
      Entry(
        term: "DPO",
        text: "Direct preference optimisation: learn from pairs of better and worse answers "
          + "without a separate reward model or RL loop."),
      Entry(
        term: "vLLM, SGLang",
        text: "Open-source inference engines that batch many users' requests on a GPU and "
          + "manage their KV caches."),
      Entry(
        term: "PEFT / TRL, Unsloth",
        text: "Libraries for cheap fine-tuning (LoRA and friends) and for training with "
          + "preferences; Unsloth makes the same run faster on one GPU."),
    ]
  }
}
