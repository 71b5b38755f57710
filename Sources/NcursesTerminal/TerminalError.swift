/// Why the terminal could not be started. The message is one line for stderr.
public enum TerminalError: Error, CustomStringConvertible {
  case unknownTerminal(String)
  case setup(String)

  public var description: String {
    switch self {
    case .unknownTerminal(let term):
      return
        "fullstack: no terminfo entry for TERM=\(term) (nor xterm-256color); "
        + "try TERM=xterm-256color or install ncurses-term"
    case .setup(let why): return "fullstack: could not start the terminal: \(why)"
    }
  }
}
