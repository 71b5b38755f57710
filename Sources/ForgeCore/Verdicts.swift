/// How serious a finding is.
public enum Severity: String, Codable, Sendable, Comparable {
  case ok, warn, fail

  private var rank: Int {
    switch self {
    case .ok: 0
    case .warn: 1
    case .fail: 2
    }
  }

  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding about a design, in one plain sentence with numbers.
public struct Verdict: Codable, Sendable, Equatable {
  public let severity: Severity
  public let id: String
  public let message: String
}

/// The checks a design is read against ("read why it fails").
public enum Verdicts {
  /// GPUs in one serving node (a TPU v5p host has 4 chips: see `GPU.nodeSize`).
  public static let nodeGPUs = 8
  /// Roughly the largest training cluster built so far.
  public static let largestCluster = 100_000.0
  /// Estimated stock of quality-adjusted public human text, in tokens (Villalobos et al.,
  /// Epoch AI, "Will we run out of data?", 2024: about 300 T).
  public static let publicTextTokens = 300e12
  /// A comfortable reading speed, in tokens per second.
  public static let readingSpeed = 5.0
  /// A training bill beyond which the design is a national project.
  public static let costLimit = 1e9

  /// The GPUs that serve one copy of the weights: `the 3-GPU H100 node`, or past one node
  /// `the 32 × H100 (4 nodes)` (`hosts` and `chips` for a TPU).
  static func servingGroup(_ shards: Int, _ gpu: GPU) -> String {
    guard shards > gpu.nodeSize else {
      return "the \(shards)-\(gpu.unitWord) \(gpu.name) \(gpu.nodeWord)"
    }
    let nodes = (shards + gpu.nodeSize - 1) / gpu.nodeSize
    return "the \(shards) × \(gpu.name) (\(nodes) \(gpu.nodeWord)s)"
  }

  /// All findings for a design, one per check, in a fixed order.
  public static func evaluate(_ d: ForgeDesign, _ m: Metrics) -> [Verdict] {
    let gpu = d.gpu.name
    let s = m.serving
    var out: [Verdict] = []
    // Only the message a check gives is built (the other is never shown).
    func add(
      _ failing: Bool, _ severity: Severity, _ id: String, _ problem: @autoclosure () -> String,
      _ fine: @autoclosure () -> String
    ) {
      out.append(
        Verdict(severity: failing ? severity : .ok, id: id, message: failing ? problem() : fine()))
    }
    let ctx = Format.context(d.context)
    let group = servingGroup(m.shards, d.gpu)
    let node = "one \(d.gpu.nodeWords)"
    let onNode =
      s.spansNodes ? "" : "; a whole \(d.gpu.nodeWords) holds \(s.usersPerFullNode)"
    // Fails only when one user's cache is bigger than a whole node's memory: more memory can
    // only pass it, and the weight precision does not enter.
    add(
      s.cacheOverflowsNode, .fail, "kv_fits",
      "One user's KV cache at \(ctx) is \(Format.size(m.kvPerUser)), more than all of \(node)"
        + " holds (\(Format.size(s.nodeMemory)) usable; "
        + (s.nodeFreeBytes > 0
          ? "\(Format.size(s.nodeFreeBytes)) free beside the weights"
          : "less than the weights alone")
        + "): one user takes \(m.shards) × \(gpu); the longest context that"
        + " fits beside the weights is \(Format.count(Double(m.longestContext))) tokens.",
      "\(m.usersPerNode) user(s) at \(ctx) fit in the \(Format.size(m.freeKVBytes)) free on"
        + " \(group)\(onNode).")
    add(
      s.spansNodes, .warn, "node_fit",
      "The weights (\(Format.size(m.weightBytes))) and one user's cache need \(m.shards) × \(gpu),"
        + " more than \(node): serving spans \(s.nodes) \(d.gpu.nodeWord)s.",
      "The weights and one user's cache fit on \(m.shards) × \(gpu), within \(node).")
    add(
      m.fleet > largestCluster, .fail, "fleet",
      "A 90-day run needs \(Format.count(m.fleet)) × \(gpu), beyond any cluster built"
        + " (~\(Format.count(largestCluster))).",
      m.fleet < 1
        ? "Under one \(gpu) for 90 days: \(Format.count(m.gpuHours)) \(gpu)-hours."
        : "A 90-day run needs \(Format.count(m.fleet)) × \(gpu).")
    add(
      m.tokens > publicTextTokens, .warn, "data",
      "Training wants \(Format.tokens(m.tokens)) tokens, beyond the"
        + " ~\(Format.tokens(publicTextTokens)) tokens of public human text"
        + " (Epoch AI estimate, 2024).",
      "\(Format.tokens(m.tokens)) tokens is within the ~\(Format.tokens(publicTextTokens)) of"
        + " public text (Epoch AI estimate).")
    add(
      m.decodeCeiling < readingSpeed, .warn, "decode_speed",
      "One stream decodes at most \(Format.tokensPerSecond(m.decodeCeiling, precise: true)),"
        + " slower than reading (~\(Format.number(readingSpeed)) tok/s).",
      "One stream can decode up to \(Format.tokensPerSecond(m.decodeCeiling)).")
    add(
      m.trainingCost > costLimit, .warn, "cost",
      "Training compute costs \(Format.money(m.trainingCost)), over \(Format.money(costLimit)).",
      "Training compute costs \(Format.money(m.trainingCost)).")
    let optimum = d.isDense ? "Chinchilla" : "MoE's own"
    add(
      d.overtrain < 1, .warn, "undertrained",
      "Under-trained: \(Format.significant(d.overtrain, 3))× the \(optimum) tokens/param, so the"
        + " same compute buys a worse loss than the optimum.",
      "Trained \(Format.significant(d.overtrain, 3))× past the \(optimum) optimum.")
    add(
      !d.gpu.supports(d.precision), .warn, "precision",
      "\(gpu) has no native \(d.precision.label) tensor cores; the weights would be upcast or"
        + " emulated.",
      "\(gpu) runs \(d.precision.label) natively.")
    return out
  }
}
