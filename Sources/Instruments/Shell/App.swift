import TerminalUI

/// The app shell: a pure `update` and a pure `view` around the five screens.
///
/// ## Adding a screen
/// 1. Make a folder `Sources/Instruments/<Name>/` with `public struct <Name>State: Screen`
///    (see `Screen` for the contract: keys, update, view, nextDeadline, and the `layout(_:)`
///    pattern for mouse hit-testing).
/// 2. Add a case to `ScreenID` (tab order = case order) with its `title`; its function key
///    follows from its position.
/// 3. Add a stored `var <name> = <Name>State()` to `AppState` and one line to each of the two
///    switches there (`state(of:)` and `updateCurrentScreen`).
/// Everything else — tab bar, F-keys, mouse on tabs, help overlay, hint bar, too-small
/// message, ticks — comes from the shell.
///
/// ## Keys the shell owns
/// Tab / Shift-Tab cycle screens, F1–F5 pick one, `?` toggles help, Esc closes help (and
/// never quits), `q` and Ctrl-C quit. Everything else goes to the screen on show. (Ctrl-L,
/// redraw, is the terminal's: `AppRunner` handles it before `update`.)
public enum App {
  /// Why the app stopped; the process exits with `exitStatus`.
  public enum QuitReason: Equatable, Sendable {
    /// `q` or Ctrl-C.
    case user
    /// SIGINT, SIGTERM or SIGHUP.
    case signal(Int32)

    /// 0 for a quit key; 128 + the signal number for a signal (130 INT, 143 TERM, 129 HUP).
    public var exitStatus: Int32 {
      switch self {
      case .user: return 0
      case .signal(let s): return 128 + s
      }
    }
  }

  /// Whether the app goes on after an event.
  public enum Outcome: Equatable, Sendable {
    case running
    case quit(QuitReason)
  }

  /// The shell's own keys, listed before the screen's in the hint bar and help.
  static let shellKeys: [KeyHelp] = [
    KeyHelp("Tab", "next screen", priority: 8),
    KeyHelp("Shift-Tab", "previous screen", inHintBar: false),
    KeyHelp("F1-F\(ScreenID.allCases.count)", "pick a screen", inHintBar: false),
    KeyHelp("click a tab", "open it", inHintBar: false),
    KeyHelp("?", "help", priority: 9), KeyHelp("Esc", "close help", inHintBar: false),
    KeyHelp("q", "quit", priority: 10), KeyHelp("Ctrl-C", "quit", inHintBar: false),
    KeyHelp("Ctrl-L", "redraw", inHintBar: false),
  ]

  /// Every key that works on the screen on show: the screen's first, then the shell's.
  public static func keys(_ state: AppState) -> [KeyHelp] {
    state.state(of: state.screen).keys + shellKeys
  }

  /// Applies one event. Pure: the same state and event always give the same result.
  public static func update(_ state: inout AppState, _ event: Event) -> Outcome {
    switch event {
    case .terminate(let signal):
      return .quit(.signal(signal))
    case .resize(let size):
      state.size = size
      return .running
    case .tick:
      _ = forward(&state, event)
      return .running
    case .key(let key):
      return handle(&state, key: key)
    case .mouse(let mouse):
      handle(&state, mouse: mouse)
      return .running
    }
  }

  private static func handle(_ state: inout AppState, key: Key) -> Outcome {
    if key == .ctrl("c") { return .quit(.user) }
    let capturing = state.state(of: state.screen).capturesText && !state.showHelp
    switch key {
    case .tab: show(&state, state.screen.cycled(by: 1))
    case .backTab: show(&state, state.screen.cycled(by: -1))
    case .function(let n) where n >= 1 && n <= ScreenID.allCases.count:
      show(&state, ScreenID.allCases[n - 1])
    case .char where capturing:
      _ = forward(&state, .key(key))
    case .char("q"):
      return .quit(.user)
    case .char("?"):
      state.showHelp.toggle()
    case .escape where state.showHelp:
      state.showHelp = false
    default:
      if !state.showHelp { _ = forward(&state, .key(key)) }
    }
    return .running
  }

  private static func handle(_ state: inout AppState, mouse: MouseEvent) {
    let layout = ShellLayout(size: state.size)
    guard layout.fits else { return }
    if mouse.kind == .press, layout.tabBar.contains(x: mouse.x, y: mouse.y) {
      let point = Point(x: mouse.x, y: mouse.y)
      if let screen = ShellChrome.tab(at: point, in: layout.tabBar, state: state) {
        show(&state, screen)
      }
      return
    }
    if state.showHelp {
      if mouse.kind == .press { state.showHelp = false }
      return
    }
    if layout.body.contains(x: mouse.x, y: mouse.y) || mouse.kind != .press {
      _ = forward(&state, .mouse(mouse))
    }
  }

  private static func show(_ state: inout AppState, _ screen: ScreenID) {
    state.screen = screen
    state.showHelp = false
  }

  /// Gives an event to the screen on show and follows a switch it asks for.
  private static func forward(_ state: inout AppState, _ event: Event) -> ScreenResult {
    let layout = ShellLayout(size: state.size)
    guard layout.fits else { return .ignored }
    let result = state.updateCurrentScreen(event, area: layout.body)
    if case .switchTo(let other) = result { show(&state, other) }
    return result
  }

  /// When the app next wants a `.tick`: the screen on show decides; nil blocks on input.
  public static func nextDeadline(_ state: AppState) -> Double? {
    state.state(of: state.screen).nextDeadline
  }

  /// Draws the whole terminal. Pure: the same state always gives the same canvas.
  public static func view(_ state: AppState) -> Canvas {
    var canvas = Canvas(size: state.size)
    view(state, into: &canvas)
    return canvas
  }

  /// Draws the whole terminal into a blank canvas of the state's size (the terminal's own,
  /// reused from frame to frame).
  public static func view(_ state: AppState, into canvas: inout Canvas) {
    let context = state.renderContext
    let layout = ShellLayout(size: state.size)
    guard layout.fits else {
      ShellChrome.tooSmall(into: &canvas, have: state.size, context: context)
      return
    }
    ShellChrome.tabBar(state).render(into: &canvas, area: layout.tabBar, context: context)
    state.state(of: state.screen).view(
      into: &canvas, area: layout.body, app: state, context: context)
    ShellChrome.hintBar(keys(state)).render(into: &canvas, area: layout.hintBar, context: context)
    if state.showHelp {
      ShellChrome.help(state, area: layout.body, context: context).render(
        into: &canvas, area: layout.body, context: context)
    }
  }
}
