extension Int {
  /// A whole count from a non-negative real, rounded down; saturates at `Int.max` instead of
  /// trapping (the parser keeps inputs in range, so this only guards the arithmetic).
  init(countOf x: Double) {
    if x.isNaN || x <= 0 {
      self = 0
    } else if x >= Double(Int.max) {
      self = .max
    } else {
      self = Int(x.rounded(.down))
    }
  }
}
