import TerminalUI

/// The app shell: a pure `update` and a pure `view` around the five screens.
///
/// ## Adding a screen
/// 1. Make a folder `Sources/Instruments/<Name>/` with `public struct <Name>State: Screen`
///    (see `Screen` for the contract: its `Action` enum and `keymap`, update, view,
///    nextDeadline, and the `layout(_:)` pattern for mouse hit-testing).
/// 2. Add a case to `ScreenID` (tab order = case order) with its `title`; its function key
///    follows from its position.
/// 3. Add a stored `var <name> = <Name>State()` to `AppState` and one line to each of the two
///    switches there (`state(of:)` and `updateCurrentScreen`).
/// Everything else — tab bar, F-keys, mouse on tabs, help overlay, hint bar, too-small
/// message, ticks — comes from the shell.
///
/// ## Keys the shell owns
/// Tab / Shift-Tab cycle screens, F1–F5 pick one, `?` toggles help, Esc closes help (and
/// never quits), `G` opens the glossary, `T` starts the guided tour, `q` and Ctrl-C quit
/// (`shellKeymap`, ShellKeys.swift). Everything else goes to the screen on show. Ctrl-L
/// (redraw) is the terminal's: `AppRunner` handles it before `update`. While the tour runs it
/// takes the keys (Right/Space, Left, Esc; `q` still quits) and the mouse is ignored: the
/// tour sets the instruments.
///
/// ## Effects
/// `update` reads no file and no clock: work that needs them (loading a model, the timed
/// forward pass) comes back as `Effect`s, which the runner performs (`perform`) and whose
/// results it hands to `receive`. `start` lists what the first frame needs.
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

  /// Every key that works on the screen on show: the screen's first, then the shell's.
  public static func keys(_ state: AppState) -> [KeyHelp] {
    state.state(of: state.screen).keys(
      area: ShellLayout(state).body, context: state.renderContext) + shellKeymap(state).help
  }

  /// Applies one event. Pure: the same state and event always give the same result. Work the
  /// event needs done (loading a model, a timed forward pass) is appended to `effects` for the
  /// runner, which performs it and hands each result to `receive`.
  public static func update(_ state: inout AppState, _ event: Event, effects: inout [Effect])
    -> Outcome
  {
    switch event {
    case .terminate(let signal):
      return .quit(.signal(signal))
    case .resize(let size):
      state.size = size
    case .tick:
      forward(&state, event, effects: &effects)
    case .key(let key):
      state.notice = nil
      return handle(&state, key: key, effects: &effects)
    case .mouse(let mouse):
      handle(&state, mouse: mouse, effects: &effects)
    }
    return .running
  }

  /// The work the first frame needs: the Token Journey's model. Building an `AppState` reads
  /// nothing; the runner performs these before drawing.
  public static func start(_ state: AppState) -> [Effect] {
    state.journey.startEffects + (state.tour?.startEffects ?? [])
  }

  /// Applies what came of an effect (the runner's answer to `update`'s request).
  public static func receive(_ state: inout AppState, _ result: EffectResult) {
    switch result.value {
    case .model(let name, let model):
      state.journey.receive(model: name, model)
      Tour.receive(&state, model: name, model)
    case .journey(let outcome):
      state.journey.receive(outcome)
    }
    // The engine the work returned sizes the Journey's panels in the next frame.
    state.journey.refreshExplainerRows(
      area: ShellLayout(state).body, context: state.renderContext)
  }

  /// Performs effects one after another, each result going back into the state; what the
  /// runner does after every event, and tests do with a fake clock.
  public static func perform(_ effects: [Effect], on state: inout AppState, clock: () -> Double) {
    for effect in effects { receive(&state, effect.perform(clock: clock)) }
  }

  /// The shell's table first; keys it does not name go to the screen, unless help is open.
  private static func handle(_ state: inout AppState, key: Key, effects: inout [Effect])
    -> Outcome
  {
    // The guided tour is a mode of its own: its keys, q and Ctrl-C; nothing else.
    if state.tour != nil {
      if Tour.handle(&state, key: key, effects: &effects) { return .running }
      return key == .char("q") || key == .ctrl("c") ? .quit(.user) : .running
    }
    if let action = shellKeymap(state).action(for: key) {
      return perform(action, &state, effects: &effects)
    }
    if !state.showHelp, state.glossary == nil { forward(&state, .key(key), effects: &effects) }
    return .running
  }

  private static func handle(
    _ state: inout AppState, mouse: MouseEvent, effects: inout [Effect]
  ) {
    let layout = ShellLayout(state)
    guard layout.fits, state.tour == nil else { return }
    if mouse.kind == .press, layout.tabBar.contains(x: mouse.x, y: mouse.y) {
      let point = Point(x: mouse.x, y: mouse.y)
      if let screen = ShellChrome.tab(at: point, in: layout.tabBar, state: state) {
        show(&state, screen)
      }
      return
    }
    if state.showHelp || state.glossary != nil {
      if mouse.kind == .press {
        state.showHelp = false
        state.glossary = nil
      }
      return
    }
    if layout.body.contains(x: mouse.x, y: mouse.y) || mouse.kind != .press {
      forward(&state, .mouse(mouse), effects: &effects)
    }
  }

  static func show(_ state: inout AppState, _ screen: ScreenID) {
    state.screen = screen
    state.showHelp = false
    state.glossary = nil
  }

  /// Gives an event to the screen on show, follows a switch it asks for and keeps the work it
  /// asks for.
  private static func forward(_ state: inout AppState, _ event: Event, effects: inout [Effect]) {
    let layout = ShellLayout(state)
    guard layout.fits else { return }
    switch state.updateCurrentScreen(event, area: layout.body) {
    case .switchTo(let other): show(&state, other)
    case .done(let work): effects += work
    case .handled, .ignored: break
    }
  }

  /// When the app next wants a `.tick`: the screen on show decides; nil blocks on input.
  public static func nextDeadline(_ state: AppState) -> Double? {
    state.state(of: state.screen).nextDeadline
  }

  /// Work for the key that may come next, done while the panel waits for it: the runner
  /// calls this once the frame is on screen and no input is pending. On the Forge, the
  /// designs a stop either side of the slider in focus are worked out (`ForgeState.workAhead`)
  /// so that a move there draws at once. Pure, like `update`; what it keeps plays no part in
  /// the state's equality, so it never asks for a frame. True when there was work.
  public static func workAhead(_ state: inout AppState) -> Bool {
    let layout = ShellLayout(state)
    guard state.screen == .forge, state.tour == nil, layout.fits else { return false }
    return state.forge.workAhead(area: layout.body, context: state.renderContext)
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
    let layout = ShellLayout(state)
    guard layout.fits else {
      ShellChrome.tooSmall(into: &canvas, have: state.size, context: context)
      return
    }
    let screen = state.state(of: state.screen)
    if let tour = state.tour {
      screen.view(into: &canvas, area: layout.body, app: state, context: context)
      TourView.draw(tour, state, into: &canvas, layout: layout, context: context)
      return
    }
    // The screen's keys as `keys(state)` has them, from the frame's own drawing.
    let screenKeys = screen.viewAndKeys(
      into: &canvas, area: layout.body, app: state, context: context)
    ShellChrome.tabBar(state).render(into: &canvas, area: layout.tabBar, context: context)
    if let notice = state.notice {
      // In the selection's colours, which set a background: legible on any terminal.
      let line = StyledText(" " + notice + " ", style: context.theme.selection)
      canvas.putLine(line, in: layout.hintBar, context: context)
    } else {
      ShellChrome.hintBar(screenKeys + shellKeymap(state).help).render(
        into: &canvas, area: layout.hintBar, context: context)
    }
    if state.showHelp {
      ShellChrome.help(state, area: layout.body, context: context).render(
        into: &canvas, area: layout.body, context: context)
    } else if let first = state.glossary {
      Glossary.overlay(state, area: layout.body, firstLine: first, context: context).render(
        into: &canvas, area: layout.body, context: context)
    }
  }
}
