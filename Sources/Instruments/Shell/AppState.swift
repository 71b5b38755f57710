import TerminalUI

/// Everything the panel shows, as one value. `App.update` changes it, `App.view` draws it.
/// Not `Sendable`: it holds the Token Journey's model, whose cache belongs to one actor.
public struct AppState: Equatable {
  /// The screen on show.
  public var screen: ScreenID
  /// The help overlay (`?`) is open.
  public var showHelp = false
  /// The guided tour, while it runs (`T`, or `fullstack tour`).
  public var tour: TourState?
  /// The glossary overlay (`G`) is open, scrolled this many lines down.
  public var glossary: Int?
  /// The terminal size in cells.
  public var size: Size
  /// The chosen theme, before adapting to the terminal's colour depth.
  public var theme: Theme
  /// What the terminal can draw.
  public var capabilities: Capabilities
  /// One line in place of the key hints until the first key, e.g. that the theme does not
  /// suit the terminal's background and how to switch.
  public var notice: String?

  // One state per screen, kept while other screens are on show.
  public var forge = ForgeState()
  public var journey = JourneyState()
  public var lifecycle = LifecycleState()
  public var exercises = ExercisesState()
  public var reading = ReadingState()

  public init(
    screen: ScreenID = .forge, size: Size, theme: Theme = .dark,
    capabilities: Capabilities = .full
  ) {
    self.screen = screen
    self.size = size
    self.theme = theme
    self.capabilities = capabilities
  }

  /// The theme and glyphs as this terminal shows them.
  public var renderContext: RenderContext {
    RenderContext(theme: theme, capabilities: capabilities)
  }

  /// The state of a screen, read-only (for keys, drawing and deadlines).
  public func state(of id: ScreenID) -> any Screen {
    switch id {
    case .forge: return forge
    case .journey: return journey
    case .lifecycle: return lifecycle
    case .exercises: return exercises
    case .reading: return reading
    }
  }

  /// Hands an event to the screen on show.
  mutating func updateCurrentScreen(_ event: Event, area: Rect) -> ScreenResult {
    let app = self
    switch screen {
    case .forge: return forge.update(event, area: area, app: app)
    case .journey: return journey.update(event, area: area, app: app)
    case .lifecycle: return lifecycle.update(event, area: area, app: app)
    case .exercises: return exercises.update(event, area: area, app: app)
    case .reading: return reading.update(event, area: area, app: app)
    }
  }
}
