/// Text forms of a canvas for snapshot files: the characters as a person reads them, and a
/// compact style map (one letter per distinct style, with a legend) so colour and attribute
/// changes show up in a diff too.
extension Canvas {
  /// The snapshot text: the screen, a separator, the style map and its legend.
  public func snapshot() -> String {
    var legend: [Style: Character] = [:]
    var order: [Style] = []
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var map: [String] = []
    for y in 0..<size.height {
      var row = ""
      for x in 0..<size.width {
        let s = self[x, y].style
        if s == .plain {
          row.append(".")
          continue
        }
        if legend[s] == nil {
          let ch = order.count < letters.count ? letters[order.count] : "?"
          legend[s] = ch
          order.append(s)
        }
        row.append(legend[s]!)
      }
      map.append(row.trimmingTrailing("."))
    }
    var out = "size \(size)\n"
    out += (0..<size.height).map { "|" + line($0) + "|" }.joined(separator: "\n")
    out += "\n-- styles --\n"
    out += map.joined(separator: "\n")
    out += "\n-- legend --\n"
    for s in order { out += "\(legend[s]!) \(Canvas.describe(s))\n" }
    return out
  }

  public static func describe(_ s: Style) -> String {
    func c(_ c: Color) -> String {
      switch c {
      case .default: return "-"
      case .index(let i): return String(i)
      }
    }
    var attrs: [String] = []
    if s.attrs.contains(.bold) { attrs.append("bold") }
    if s.attrs.contains(.dim) { attrs.append("dim") }
    if s.attrs.contains(.underline) { attrs.append("underline") }
    if s.attrs.contains(.reverse) { attrs.append("reverse") }
    if s.attrs.contains(.italic) { attrs.append("italic") }
    return "fg=\(c(s.fg)) bg=\(c(s.bg))" + (attrs.isEmpty ? "" : " " + attrs.joined(separator: ","))
  }
}

extension String {
  func trimmingTrailing(_ ch: Character) -> String {
    var s = Substring(self)
    while s.last == ch { s.removeLast() }
    return String(s)
  }
}
