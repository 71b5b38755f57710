import TerminalUI

/// What the shell's own keys do.
public enum ShellAction: Equatable, Sendable {
  case nextScreen, previousScreen
  case show(ScreenID)
  case toggleHelp, closeHelp
  /// The guided tour from its first step.
  case startTour
  /// The glossary of the screen on show: open or close it, scroll it.
  case toggleGlossary, closeGlossary
  case scrollGlossary(Int)
  case quit
}

extension App {
  /// The shell's keys in a state, listed after the screen's in the hint bar and help. While a
  /// screen reads typed text, `q` and `?` are text (not listed, not matched); Esc closes help
  /// only while it is open.
  public static func shellKeymap(_ state: AppState) -> Keymap<ShellAction> {
    let capturing = state.state(of: state.screen).capturesText && !state.showHelp
    let screens = ScreenID.allCases
    var rows: [KeyBinding<ShellAction>] = [
      KeyBinding("Tab", "next screen", priority: 8, keys: [.tab], .nextScreen),
      KeyBinding(
        "Shift-Tab", "previous screen", label: .helpOnly, keys: [.backTab], .previousScreen),
      KeyBinding(
        "F1-F\(screens.count)", "pick a screen", label: .helpOnly,
        screens.map { (.function($0.functionKey), .show($0)) }),
      .note("click a tab", "open it"),
    ]
    if !capturing {
      rows.append(KeyBinding("?", "help", priority: 9, keys: [.char("?")], .toggleHelp))
    }
    if state.showHelp {
      rows.append(KeyBinding("Esc", "close help", label: .helpOnly, keys: [.escape], .closeHelp))
    }
    if state.glossary != nil {
      rows.append(
        KeyBinding(
          "Up/Down", "scroll the glossary", label: .helpOnly,
          [
            (.up, .scrollGlossary(-1)), (.down, .scrollGlossary(1)),
            (.pageUp, .scrollGlossary(-10)), (.pageDown, .scrollGlossary(10)),
          ]))
      rows.append(
        KeyBinding("Esc", "close the glossary", label: .helpOnly, keys: [.escape], .closeGlossary))
    }
    if !capturing {
      rows.append(
        KeyBinding(
          "G", "glossary", label: .helpOnly, keys: [.char("G")],
          .toggleGlossary))
      rows.append(
        KeyBinding("T", "guided tour", label: .helpOnly, keys: [.char("T")], .startTour))
      rows.append(KeyBinding("q", "quit", priority: 10, keys: [.char("q")], .quit))
    }
    rows.append(KeyBinding("Ctrl-C", "quit", label: .helpOnly, keys: [.ctrl("c")], .quit))
    // The runner's, not update's: it repaints the whole screen (AppRunner).
    rows.append(.note("Ctrl-L", "redraw"))
    return Keymap(rows)
  }

  /// Applies one of the shell's actions.
  static func perform(_ action: ShellAction, _ state: inout AppState, effects: inout [Effect])
    -> Outcome
  {
    switch action {
    case .nextScreen: show(&state, state.screen.cycled(by: 1))
    case .previousScreen: show(&state, state.screen.cycled(by: -1))
    case .show(let screen): show(&state, screen)
    case .toggleHelp: state.showHelp.toggle()
    case .closeHelp: state.showHelp = false
    case .startTour:
      state.glossary = nil
      effects += Tour.start(&state)
    case .toggleGlossary:
      state.glossary = state.glossary == nil ? 0 : nil
      state.showHelp = false
    case .closeGlossary: state.glossary = nil
    case .scrollGlossary(let lines):
      let area = ShellLayout(state).body
      let last = Glossary.overlay(state, area: area, firstLine: 0, context: state.renderContext)
        .lastFirstLine(in: area)
      state.glossary = min(max(0, (state.glossary ?? 0) + lines), last)
    case .quit: return .quit(.user)
    }
    return .running
  }
}
