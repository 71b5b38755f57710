/// A terminal colour: the terminal's own default, or an index into the xterm palette
/// (0–7 basic, 8–15 bright, 16–255 the 256-colour cube and greys).
public enum Color: Hashable, Sendable, BitwiseCopyable {
  case `default`
  case index(UInt8)

  public static let black = Color.index(0)
  public static let red = Color.index(1)
  public static let green = Color.index(2)
  public static let yellow = Color.index(3)
  public static let blue = Color.index(4)
  public static let magenta = Color.index(5)
  public static let cyan = Color.index(6)
  public static let white = Color.index(7)
}

/// Text attributes that work without colour.
public struct Attributes: OptionSet, Hashable, Sendable, BitwiseCopyable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }
  public static let bold = Attributes(rawValue: 1 << 0)
  public static let dim = Attributes(rawValue: 1 << 1)
  public static let underline = Attributes(rawValue: 1 << 2)
  public static let reverse = Attributes(rawValue: 1 << 3)
  public static let italic = Attributes(rawValue: 1 << 4)
}

/// Foreground, background and attributes of one cell.
public struct Style: Hashable, Sendable, BitwiseCopyable {
  public var fg: Color
  public var bg: Color
  public var attrs: Attributes

  public init(fg: Color = .default, bg: Color = .default, attrs: Attributes = []) {
    self.fg = fg
    self.bg = bg
    self.attrs = attrs
  }

  public static let plain = Style()

  public func adding(_ a: Attributes) -> Style {
    var s = self
    s.attrs.formUnion(a)
    return s
  }
  public func with(fg: Color) -> Style {
    var s = self
    s.fg = fg
    return s
  }
  public func with(bg: Color) -> Style {
    var s = self
    s.bg = bg
    return s
  }
}
