/// The equations shared by the dossier and the exercises, each as a trace with its numbers
/// substituted. The values come from the same functions the dossier uses.
public enum Equations {
  /// C = 6·N·D (EQ 4.1's budget).
  public static func trainingCompute(params n: Double, tokens d: Double) -> Trace {
    Trace(
      formula: "C = 6·N·D", substituted: "6·\(Format.number(n))·\(Format.number(d))",
      result: Format.flops(ScalingLaw.trainingCompute(params: n, tokens: d)) + " FLOPs",
      eq: "EQ 4.1")
  }

  /// Single-stream decode ceiling = bandwidth / (active params · bytes) (EQ 7.1).
  public static func decodeCeiling(activeParams n: Double, precision: Precision, gpu: GPU)
    -> Trace
  {
    let rate = Serving.decodeCeiling(
      bandwidth: gpu.bandwidth, activeParams: n, bytes: precision.bytes)
    return Trace(
      formula: "tok/s = bandwidth/(N_active·bytes)",
      substituted: "\(Format.number(gpu.bandwidth))/(\(Format.number(n))·"
        + "\(Format.number(precision.bytes)))",
      result: Format.tokensPerSecond(rate, precise: true), eq: "EQ 7.1",
      notes: {
        [
          "\(gpu.name) bandwidth \(Format.number(gpu.bandwidth)) B/s; \(precision.label) = "
            + "\(Format.number(precision.bytes)) byte/param"
        ]
      })
  }

  /// GPU-hours = C / (MFU · peak · 3600).
  public static func gpuHours(compute c: Double, mfu: Double, gpu: GPU) -> Trace {
    let hours = Metrics.gpuHours(compute: c, mfu: mfu, peak: gpu.peakFLOPs)
    return Trace(
      formula: "GPU-hours = C/(MFU·peak·3600)",
      substituted:
        "\(Format.number(c))/(\(Format.number(mfu))·\(Format.number(gpu.peakFLOPs))·3600)",
      result: Format.number(hours) + " \(gpu.name)-hours",
      notes: {
        [
          "MFU \(Format.number(mfu)) (the seed's 45% default; large runs realised ~35–43%)",
          "≈ " + Format.money(hours * gpu.pricePerHour)
            + " at $\(Format.number(gpu.pricePerHour))/h (" + GPU.priceNote + ")",
        ]
      })
  }

  /// KV cache per user = 2·L·H_kv·d_head·T·bytes (EQ 3.5), 16-bit.
  public static func kvPerUser(shape s: Shape, context t: Int) -> Trace {
    Trace(
      formula: "KV/user = 2·L·H_kv·d_head·T·bytes",
      substituted: "2·\(s.layers)·\(s.kvHeads)·\(s.headDim)·\(t)·" + Format.number(Shape.kvBytes),
      result: Format.gigabytes(s.kvBytes(context: t)), eq: "EQ 3.5",
      notes: ["KV cache stays 16-bit whatever the weight precision"])
  }
}
