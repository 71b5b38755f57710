/// How a figure was computed: the formula, the formula with numbers substituted, the result
/// and the seed's equation reference, plus notes on assumptions.
///
/// The notes may be given or built when read (`init(…, notes: () -> [String])`): the
/// dossier's twelve traces are made on every change of the design and only the selected one's
/// notes are shown, so their text is worked out only where it is read. Either way a trace is
/// its text: two are equal, and encode, as their notes read.
public struct Trace: Codable, Sendable, Equatable {
  public var formula: String
  public var substituted: String
  public var result: String
  public var eq: String
  /// Notes on assumptions, one a line (built each time they are read where they are deferred).
  public var notes: [String] {
    get {
      switch noteText {
      case .given(let notes): notes
      case .deferred(let build): build()
      }
    }
    set { noteText = .given(newValue) }
  }
  private var noteText: Notes

  /// The notes as given, or how to build them.
  private enum Notes: Sendable {
    case given([String])
    case deferred(@Sendable () -> [String])
  }

  public init(
    formula: String, substituted: String, result: String, eq: String = "", notes: [String] = []
  ) {
    self.formula = formula
    self.substituted = substituted
    self.result = result
    self.eq = eq
    noteText = .given(notes)
  }

  /// A trace whose notes are built by `notes` each time they are read.
  public init(
    formula: String, substituted: String, result: String, eq: String = "",
    notes: @escaping @Sendable () -> [String]
  ) {
    self.formula = formula
    self.substituted = substituted
    self.result = result
    self.eq = eq
    noteText = .deferred(notes)
  }

  /// Adds the notes `more` builds after these, built when the notes are read.
  public mutating func appendNotes(_ more: @escaping @Sendable () -> [String]) {
    switch noteText {
    case .given(let notes): noteText = .deferred { notes + more() }
    case .deferred(let earlier): noteText = .deferred { earlier() + more() }
    }
  }

  /// One line: `KV/user = 2·L·… = 2·96·… = 51.5 GB (EQ 3.5)`.
  public var line: String {
    var s = "\(formula) = \(substituted) = \(result)"
    if !eq.isEmpty { s += " (\(eq))" }
    return s
  }

  public static func == (a: Trace, b: Trace) -> Bool {
    a.formula == b.formula && a.substituted == b.substituted && a.result == b.result
      && a.eq == b.eq && a.notes == b.notes
  }

  private enum CodingKeys: String, CodingKey {
    case formula, substituted, result, eq, notes
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      formula: try c.decode(String.self, forKey: .formula),
      substituted: try c.decode(String.self, forKey: .substituted),
      result: try c.decode(String.self, forKey: .result),
      eq: try c.decode(String.self, forKey: .eq),
      notes: try c.decode([String].self, forKey: .notes))
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(formula, forKey: .formula)
    try c.encode(substituted, forKey: .substituted)
    try c.encode(result, forKey: .result)
    try c.encode(eq, forKey: .eq)
    try c.encode(notes, forKey: .notes)
  }
}
