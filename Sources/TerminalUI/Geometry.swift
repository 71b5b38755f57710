/// A width and height in terminal cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
  public var width: Int
  public var height: Int
  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
  }
  public var description: String { "\(width)x\(height)" }
}

/// A column and row, zero-based from the top-left corner.
public struct Point: Hashable, Sendable {
  public var x: Int
  public var y: Int
  public init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }
}

/// A rectangle of cells. Width and height never go negative, so an empty rect is safe to
/// split, inset and draw into (drawing into it does nothing).
public struct Rect: Hashable, Sendable, CustomStringConvertible {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  public init(size: Size) { self.init(x: 0, y: 0, width: size.width, height: size.height) }

  public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

  public var isEmpty: Bool { width == 0 || height == 0 }
  public var maxX: Int { x + width }
  public var maxY: Int { y + height }
  public var size: Size { Size(width: width, height: height) }
  public var description: String { "(\(x),\(y) \(width)x\(height))" }

  public func contains(_ p: Point) -> Bool {
    p.x >= x && p.x < maxX && p.y >= y && p.y < maxY
  }
  public func contains(x px: Int, y py: Int) -> Bool { contains(Point(x: px, y: py)) }

  /// The overlap of two rects (empty when they do not meet).
  public func intersection(_ other: Rect) -> Rect {
    let nx = max(x, other.x)
    let ny = max(y, other.y)
    let nw = min(maxX, other.maxX) - nx
    let nh = min(maxY, other.maxY) - ny
    if nw <= 0 || nh <= 0 { return Rect(x: nx, y: ny, width: 0, height: 0) }
    return Rect(x: nx, y: ny, width: nw, height: nh)
  }

  /// Shrinks every side by the given amounts; never produces negative sizes.
  public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
    Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
  }
  public func inset(_ n: Int) -> Rect { inset(top: n, left: n, bottom: n, right: n) }

  /// The row `i` of this rect as a one-line rect (empty when out of range).
  public func row(_ i: Int) -> Rect {
    guard i >= 0, i < height else { return Rect(x: x, y: y + max(0, i), width: 0, height: 0) }
    return Rect(x: x, y: y + i, width: width, height: 1)
  }

  /// A rect of at most `w` by `h` centred in this one.
  public func centered(width w: Int, height h: Int) -> Rect {
    let cw = min(w, width)
    let ch = min(h, height)
    return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
  }

  public func takingTop(_ n: Int) -> Rect { Rect(x: x, y: y, width: width, height: min(n, height)) }
  public func droppingTop(_ n: Int) -> Rect { inset(top: min(max(0, n), height)) }
  public func takingBottom(_ n: Int) -> Rect {
    let h = min(max(0, n), height)
    return Rect(x: x, y: maxY - h, width: width, height: h)
  }
  public func droppingBottom(_ n: Int) -> Rect { inset(bottom: min(max(0, n), height)) }
  public func takingLeft(_ n: Int) -> Rect {
    Rect(x: x, y: y, width: min(n, width), height: height)
  }
  public func droppingLeft(_ n: Int) -> Rect { inset(left: min(max(0, n), width)) }
}
