import ForgeCore
import TerminalUI

/// The Exercises screen: the seed's four check-yourself questions as cards. Type an answer
/// (plain, `2.4e23`, or `51.5 GB`), get correct / close / wrong, reveal the worked solution
/// from the Forge's own equation traces, or deal the same question with new numbers.
public struct ExercisesState: Screen {
  /// The card on show.
  var card = Exercise.Kind.computeBudget
  /// Per card: 0 for the seed's own numbers, n for the n-th "another one".
  var deals: [Exercise.Kind: UInt64] = [:]
  /// The answer field: the answer being typed (or the last one checked), with its cursor.
  var field = TextField()
  /// The answer being typed (or the last one checked).
  var typed: String {
    get { field.string }
    set { field = TextField(newValue) }
  }
  /// Printable keys go to the answer field.
  var editing = false
  var feedback: Feedback?
  /// The worked solution is on show.
  var revealed = false
  /// The last grade per card, for the marks on the cards.
  var marks: [Exercise.Kind: Grade] = [:]
  var score = Score()

  /// What came of the last Enter.
  enum Feedback: Equatable, Sendable {
    case graded(Grade, value: Double)
    /// Graded, with a remark on a recognised slip (2·N·D for 6·N·D) instead of "how far off".
    case slip(Grade, value: Double, note: String)
    /// The answer could not be read, or its unit was mixed up; the message says why, gently.
    case unreadable(String)
  }

  /// Graded answers this sitting.
  struct Score: Equatable, Sendable {
    var correct = 0
    var close = 0
    var wrong = 0

    mutating func add(_ grade: Grade) {
      switch grade {
      case .correct: correct += 1
      case .close: close += 1
      case .wrong: wrong += 1
      }
    }

    var total: Int { correct + close + wrong }
  }

  /// The longest answer the field takes.
  static let maxTyped = 40

  public init() {}

  /// The question on the card on show, with its numbers.
  var exercise: Exercise { Self.exercise(card, deal: deals[card] ?? 0) }

  static func exercise(_ kind: Exercise.Kind, deal: UInt64) -> Exercise {
    deal == 0 ? Exercise.seed(kind) : Exercise.another(kind, seed: deal)
  }

  public var capturesText: Bool { editing }

  /// What the Exercises' keys do.
  public enum Action: Equatable, Sendable {
    /// Open the answer field, with this character typed first (nil: the last answer, all of
    /// it selected so typing replaces it).
    case startTyping(Character?)
    /// Change card this many places on (negative: back), wrapping round.
    case card(Int)
    case toggleSolution, newNumbers, seedNumbers
    /// An edit of the answer field (typing, Backspace, Ctrl-U, the cursor keys).
    case field(TextField.Edit)
    case check, stopTyping
  }

  /// The keys that work now: the answer field's while it has the keys, otherwise the card's.
  public var keymap: Keymap<Action> {
    if editing {
      return Keymap(
        [
          KeyBinding("Enter", "check", keys: [.enter], .check),
          KeyBinding("Esc", "stop typing", keys: [.escape], .stopTyping),
        ] + KeyBinding.textField(hinted: ["Ctrl-U"]) { .field($0) },
        text: { $0.isNewline ? nil : .field(.type($0)) })
    }
    let starters = Array("0123456789.-")
    return Keymap([
      KeyBinding(
        "0-9 . -", "start typing an answer", label: .helpOnly,
        starters.map { (.char($0), .startTyping($0)) }),
      KeyBinding("Left/Right", "card", [(.left, .card(-1)), (.right, .card(1))]),
      KeyBinding("s", "solution", keys: [.char("s")], .toggleSolution),
      KeyBinding("n", "new numbers", keys: [.char("n")], .newNumbers),
      KeyBinding(
        "Enter", "open the answer field", label: .helpOnly, keys: [.enter], .startTyping(nil)),
      KeyBinding("o", "seed's own numbers", label: .helpOnly, keys: [.char("o")], .seedNumbers),
      KeyBinding(
        "h l", "card back / on (as Left/Right)", label: .helpOnly,
        [(.char("h"), .card(-1)), (.char("l"), .card(1))]),
    ])
  }
}

extension Exercise.Kind {
  /// The card's name.
  var title: String {
    switch self {
    case .computeBudget: return "Compute budget"
    case .decodeCeiling: return "Decode ceiling"
    case .gpuHours: return "GPU-hours"
    case .kvCache: return "KV cache"
    }
  }

  /// The Forge dossier figure computed by the same equation.
  var forgeFigure: String {
    switch self {
    case .computeBudget: return "Compute C"
    case .decodeCeiling: return "Single-stream ceiling"
    case .gpuHours: return "Fleet for 90-day run"
    case .kvCache: return "KV cache / user"
    }
  }

  var number: Int { (Exercise.Kind.allCases.firstIndex(of: self) ?? 0) + 1 }
}
