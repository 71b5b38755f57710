/// How much of an axis a slot asks for when a rect is split.
public enum Constraint: Hashable, Sendable {
  /// Exactly `n` cells (less only if the space runs out).
  case fixed(Int)
  /// A share of the space left after fixed and min slots, e.g. 0.5 for half.
  case fraction(Double)
  /// At least `n` cells, then grows like `.fill` with whatever is left.
  case min(Int)
  /// An equal share of whatever is left.
  case fill
}

public enum Axis: Sendable { case horizontal, vertical }

extension Rect {
  /// Splits the rect into rows (top to bottom) by the constraints.
  public func rows(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
    split(.vertical, constraints, spacing: spacing)
  }

  /// Splits the rect into columns (left to right) by the constraints.
  public func columns(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
    split(.horizontal, constraints, spacing: spacing)
  }

  /// Splits along an axis. Always returns one rect per constraint; when space runs out the
  /// later slots get zero size (never negative), so callers can draw into them blindly.
  public func split(_ axis: Axis, _ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
    let total = axis == .horizontal ? width : height
    let sizes = Layout.solve(total: total, constraints, spacing: spacing)
    var out: [Rect] = []
    var offset = 0
    for (i, s) in sizes.enumerated() {
      let start = min(offset, total)
      let len = Swift.max(0, Swift.min(s, total - start))
      if axis == .horizontal {
        out.append(Rect(x: x + start, y: y, width: len, height: height))
      } else {
        out.append(Rect(x: x, y: y + start, width: width, height: len))
      }
      offset = start + len + (i < sizes.count - 1 ? spacing : 0)
    }
    return out
  }
}

public enum Layout {
  /// Sizes for each constraint along an axis of `total` cells.
  public static func solve(total: Int, _ constraints: [Constraint], spacing: Int = 0) -> [Int] {
    guard !constraints.isEmpty else { return [] }
    let available = Swift.max(0, total - spacing * (constraints.count - 1))
    var sizes = Array(repeating: 0, count: constraints.count)
    var remaining = available
    // Fixed and minimum sizes first, in order.
    for (i, c) in constraints.enumerated() {
      switch c {
      case .fixed(let n), .min(let n):
        let take = Swift.min(Swift.max(0, n), remaining)
        sizes[i] = take
        remaining -= take
      default: break
      }
    }
    let afterFixed = remaining
    // Fractions of what is left after fixed and min slots.
    for (i, c) in constraints.enumerated() {
      if case .fraction(let f) = c {
        let want = Int((Double(afterFixed) * Swift.max(0, Swift.min(1, f))).rounded(.down))
        let take = Swift.min(want, remaining)
        sizes[i] = take
        remaining -= take
      }
    }
    // Fill and min slots share the rest equally; earlier slots get the odd cells.
    let growers = constraints.indices.filter {
      if case .fill = constraints[$0] { return true }
      if case .min = constraints[$0] { return true }
      return false
    }
    if !growers.isEmpty && remaining > 0 {
      let share = remaining / growers.count
      var extra = remaining % growers.count
      for i in growers {
        sizes[i] += share + (extra > 0 ? 1 : 0)
        if extra > 0 { extra -= 1 }
      }
    }
    return sizes
  }
}
