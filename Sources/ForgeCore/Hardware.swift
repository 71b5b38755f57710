/// Serving precision of the weights. The KV cache stays 16-bit whatever this is.
public enum Precision: String, Codable, Sendable, CaseIterable {
  case bf16, fp8, fp4

  /// Bytes per parameter.
  public var bytes: Double {
    switch self {
    case .bf16: 2
    case .fp8: 1
    case .fp4: 0.5
    }
  }

  /// `BF16`, `FP8`, `FP4`.
  public var label: String { rawValue.uppercased() }
}

/// One accelerator: memory, bandwidth, dense BF16 peak, an hourly price (an assumption) and the
/// precisions its tensor cores run natively.
public struct GPU: Codable, Sendable, Hashable {
  public let id: String
  public let name: String
  /// HBM capacity in bytes (decimal).
  public let memory: Double
  /// HBM bandwidth in bytes per second.
  public let bandwidth: Double
  /// Dense BF16 peak in FLOP/s.
  public let peakFLOPs: Double
  /// Dollars per GPU-hour: a round assumption, not a quote.
  public let pricePerHour: Double
  public let precisions: [Precision]
  /// Accelerators in one serving node: 8 GPUs on an HGX/OAM board, 4 chips on a TPU v5p host.
  public let nodeSize: Int

  public init(
    id: String, name: String, memory: Double, bandwidth: Double, peakFLOPs: Double,
    pricePerHour: Double, precisions: [Precision], nodeSize: Int = 8
  ) {
    self.id = id
    self.name = name
    self.memory = memory
    self.bandwidth = bandwidth
    self.peakFLOPs = peakFLOPs
    self.pricePerHour = pricePerHour
    self.precisions = precisions
    self.nodeSize = nodeSize
  }

  /// `GPU`, or `chip` for a TPU.
  public var unitWord: String { id.hasPrefix("tpu") ? "chip" : "GPU" }
  /// `8-GPU node`, or `4-chip host` for a TPU v5p.
  public var nodeWords: String {
    id.hasPrefix("tpu") ? "\(nodeSize)-chip host" : "\(nodeSize)-GPU node"
  }
  /// `node`, or `host` for a TPU.
  public var nodeWord: String { id.hasPrefix("tpu") ? "host" : "node" }

  public func supports(_ p: Precision) -> Bool { precisions.contains(p) }

  /// `H100 · 80 GB · 3.35 TB/s` (ASCII: `H100 . 80 GB . 3.35 TB/s`).
  public func words(ascii: Bool = false) -> String {
    let dot = ascii ? " . " : " · "
    return name + dot + Format.significant(memory / 1e9, 3) + " GB" + dot
      + Format.significant(bandwidth / 1e12, 3) + " TB/s"
  }
}

extension GPU {
  /// The catalog the GPU decision slides along. H100 carries the seed's figures and is the
  /// default. Prices are labelled assumptions (see `priceNote`). B200 bandwidth is the
  /// 7.7 TB/s per GPU of NVIDIA's HGX B200 table (the DGX figure of 8 TB/s is rounded); a
  /// TPU v5p host carries 4 chips, not 8.
  public static let catalog: [GPU] = [
    GPU(
      id: "a100", name: "A100-80GB", memory: 80e9, bandwidth: 2.039e12, peakFLOPs: 312e12,
      pricePerHour: 1.5, precisions: [.bf16]),
    GPU(
      id: "h100", name: "H100", memory: 80e9, bandwidth: 3.35e12, peakFLOPs: 989e12,
      pricePerHour: 2, precisions: [.bf16, .fp8]),
    GPU(
      id: "h200", name: "H200", memory: 141e9, bandwidth: 4.8e12, peakFLOPs: 989e12,
      pricePerHour: 3.5, precisions: [.bf16, .fp8]),
    GPU(
      id: "b200", name: "B200", memory: 180e9, bandwidth: 7.7e12, peakFLOPs: 2250e12,
      pricePerHour: 5, precisions: [.bf16, .fp8, .fp4]),
    GPU(
      id: "mi300x", name: "MI300X", memory: 192e9, bandwidth: 5.3e12, peakFLOPs: 1307.4e12,
      pricePerHour: 2.5, precisions: [.bf16, .fp8]),
    GPU(
      id: "rtx4090", name: "RTX 4090", memory: 24e9, bandwidth: 1.008e12, peakFLOPs: 165.2e12,
      pricePerHour: 0.5, precisions: [.bf16, .fp8]),
    GPU(
      id: "tpu-v5p", name: "TPU v5p", memory: 95e9, bandwidth: 2.765e12, peakFLOPs: 459e12,
      pricePerHour: 4.2, precisions: [.bf16], nodeSize: 4),
  ]

  /// The seed's GPU.
  public static let h100 = catalog[1]

  /// Said wherever a price is shown.
  public static let priceNote = "hourly prices are round assumptions, not quotes"

  /// Finds a GPU by id or name, ignoring case, spaces and dashes (`H100`, `rtx4090`, `TPU v5p`).
  public static func named(_ text: String) -> GPU? {
    let key = normalized(text)
    return catalog.first { normalized($0.id) == key || normalized($0.name) == key }
  }

  static func normalized(_ s: String) -> String {
    String(s.lowercased().filter { $0.isLetter || $0.isNumber })
  }
}
