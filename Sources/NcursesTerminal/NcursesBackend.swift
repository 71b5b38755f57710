import CNcurses
import TerminalUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The ncurses terminal: ncurses starts and ends the screen, reads keys, mouse, resizes and
/// signals through one `poll(2)` loop and knows the terminal's control strings (terminfo);
/// the cells a `Terminal` found changed go out as bytes `ScreenWriter` builds from those
/// strings, so each frame costs what changed. Every ncurses call happens on the main actor.
@MainActor
public final class NcursesBackend: TerminalBackend {
  public struct Options: Sendable {
    /// Attributes only, whatever the terminal can do (`--no-color`, NO_COLOR).
    public var noColor: Bool
    /// ASCII glyphs even in a UTF-8 locale (`--ascii`).
    public var ascii: Bool
    /// A file every decoded key and mouse event is appended to, one a line
    /// (FULLSTACK_DIAG_KEYS, for the end-to-end key tests).
    public var eventLog: String?
    /// Seconds part of a sequence split across reads (half an SGR mouse report, of a key's
    /// sequence, of a late OSC 11 reply) waits for its rest before it is dropped whole; nil:
    /// `defaultSequenceWait` of the ESC delay in effect. A key that cannot continue the
    /// sequence ends the wait at once and is delivered, so a long wait loses no key.
    public var sequenceWait: Double?
    /// Bytes typed before ncurses started that something else read (the background query):
    /// decoded first, as if they had just arrived.
    public var typedAhead: [UInt8]
    public init(
      noColor: Bool = false, ascii: Bool = false, eventLog: String? = nil,
      sequenceWait: Double? = nil, typedAhead: [UInt8] = []
    ) {
      self.noColor = noColor
      self.ascii = ascii
      self.eventLog = eventLog
      self.sequenceWait = sequenceWait
      self.typedAhead = typedAhead
    }
  }

  public private(set) var size: Size
  public let capabilities: Capabilities
  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  private let signalPipe: Int32
  private var savedTermios = termios()
  private var pairs: ColorPairs
  private let keys: KeyDecoder
  private var sequences = EscapeSequences()
  private let eventLog: UnsafeMutablePointer<FILE>?
  private var restored = false
  /// Turns a frame's cell updates into bytes; `bytes` is reused frame after frame.
  private var writer: ScreenWriter
  private var bytes: [UInt8] = []
  /// Seconds a lone ESC held over from a read waits for a sequence to follow (ESCDELAY).
  private let escapeWait: Double
  /// Seconds part of a sequence held over from a read waits for its rest.
  private let sequenceWait: Double
  /// When what `sequences` holds is given up (`finish`); nil while it holds nothing.
  private var holdDeadline: Double?
  /// `Options.typedAhead`, until the first read takes it.
  private var typedAhead: [UInt8]

  /// Starts ncurses on the controlling terminal (stdin/stdout). Throws a one-line error when
  /// neither TERM nor xterm-256color has a terminfo entry.
  public init(options: Options = Options()) throws(TerminalError) {
    fs_setlocale_from_environment()
    tcgetattr(STDIN_FILENO, &savedTermios)
    signalPipe = try SignalRouting.install(savedTermios: savedTermios)
    guard let input = fdopen(STDIN_FILENO, "r"), let output = fdopen(STDOUT_FILENO, "w") else {
      throw .setup("could not open the terminal streams")
    }
    let term = getenv("TERM").map { String(cString: $0) } ?? ""
    if let scr = newterm(term.isEmpty ? nil : term, output, input) {
      screen = scr
    } else if let scr = newterm("xterm-256color", output, input) {
      setenv("TERM", "xterm-256color", 1)
      screen = scr
    } else {
      SignalRouting.uninstall()
      throw .unknownTerminal(term)
    }
    set_term(screen)
    guard let win = fs_stdscr() else { throw .setup("no standard screen") }
    window = win
    raw()
    noecho()
    nonl()
    keypad(window, true)
    intrflush(window, false)
    scrollok(window, false)
    nodelay(window, true)
    curs_set(0)
    // The cursor stays hidden, so ncurses need not move it home after every update.
    leaveok(window, true)
    if getenv("ESCDELAY") == nil { set_escdelay(25) }
    escapeWait = Double(max(0, get_escdelay())) / 1000
    sequenceWait = options.sequenceWait ?? Self.defaultSequenceWait(escapeDelay: escapeWait)
    typedAhead = options.typedAhead
    let useColor = !options.noColor && has_colors() && start_color() == OK
    if useColor { use_default_colors() }
    let depth: ColorDepth =
      !useColor ? .none : fs_colors() >= 256 ? .palette256 : fs_colors() >= 8 ? .basic : .none
    let utf8 = String(cString: fs_codeset()).uppercased().replacingDashes() == "UTF8"
    capabilities = Capabilities(colors: depth, unicode: utf8 && !options.ascii)
    pairs = ColorPairs(enabled: depth != .none)
    let colorTable = pairs
    writer = ScreenWriter(
      codes: .live(utf8: utf8), colors: { colorTable.colors(for: $0) })
    keys = KeyDecoder()
    eventLog = options.eventLog.flatMap { fopen($0, "a") }
    size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    enableMouse()
    // ncurses' first refresh clears the screen; done now, before the first frame, it never
    // wipes one. Its window stays untouched from here on, so `wget_wch` never redraws it.
    wnoutrefresh(window)
    doupdate()
    SignalRouting.chainResize()
    SignalRouting.setResetBytes(Self.resetBytes())
  }

  /// Mouse reports on: button-event tracking (1002) for drags, and SGR encoding (1006)
  /// always, since X10's `32 + x` byte cannot name a column or row past 223 (a 250x70
  /// projector). `EscapeSequences` decodes the reports under every TERM, SGR and the X10 a
  /// terminal without 1006 keeps sending: ncurses' own parsing of terminfo's `kmous` is
  /// turned off (`keyok`), so ncurses hands the bytes over.
  private func enableMouse() {
    mouseinterval(0)
    mousemask(fs_all_mouse_events() | fs_report_mouse_position(), nil)
    // ncurses would parse the reports `kmous` names itself (`ESC[<` under xterm, `ESC[M`
    // under screen and tmux) and take a report's rest from whatever comes next: a key typed
    // after half a report, even Ctrl-C, is lost and a bogus click reported. `EscapeSequences`
    // holds half a report only while what follows can finish it. (mousemask turns KEY_MOUSE
    // on, so this comes after it.)
    keyok(KEY_MOUSE, false)
    writeRaw(Array("\u{1B}[?1002h\u{1B}[?1006h".utf8))
  }

  /// Terminfo's own reset strings where it has them, the xterm ones otherwise.
  private static func resetBytes() -> [UInt8] {
    func cap(_ name: String, _ fallback: String) -> [UInt8] {
      if let s = fs_tigetstr(name) {
        return Array(ScreenCodes.withoutPadding(String(cString: s)).utf8)
      }
      return Array(fallback.utf8)
    }
    return cap("sgr0", "\u{1B}[0m") + cap("cnorm", "\u{1B}[?25h") + cap("rmcup", "\u{1B}[?1049l")
      + ResetSequence.mouseOff + Array("\r\n".utf8)
  }

  /// Sends bytes to the terminal, after whatever ncurses has buffered, all of them (a
  /// write cut short by a signal or a full pipe goes on where it stopped).
  private func writeRaw(_ bytes: [UInt8]) {
    fflush(nil)
    bytes.withUnsafeBufferPointer { buffer in
      guard var p = buffer.baseAddress else { return }
      var left = buffer.count
      while left > 0 {
        let n = write(STDOUT_FILENO, p, left)
        if n > 0 {
          p += n
          left -= n
        } else if n < 0 && (errno == EINTR || errno == EAGAIN) {
          if errno == EAGAIN {
            var out = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
            _ = poll(&out, 1, 100)
          }
        } else {
          return  // the terminal is gone: the hang-up arrives as an event
        }
      }
    }
  }

  /// Leaves the terminal as the shell expects it. Safe to call more than once.
  public func restore() {
    guard !restored else { return }
    restored = true
    mousemask(0, nil)
    writeRaw(ResetSequence.mouseOff)
    curs_set(1)
    endwin()
    if let eventLog { fclose(eventLog) }
    fflush(nil)
    tcsetattr(STDIN_FILENO, TCSANOW, &savedTermios)
    SignalRouting.uninstall()
  }

  public func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }

  // MARK: drawing

  /// Writes only the given cells, as bytes this backend builds itself (`ScreenWriter`) and
  /// sends in one `write`: ncurses' `doupdate` would compare every column of every row it is
  /// given against its own copy of the screen, which the canvas diff already did. ncurses
  /// still starts and ends the screen, reads the keys and tracks the size; its own window
  /// is never drawn on, so it never sends a cell itself.
  public func flush(_ updates: [CellUpdate], of canvas: Canvas, erase: Bool) {
    let rows = Int(getmaxy(window))
    let cols = Int(getmaxx(window))
    writer.encode(
      updates, of: canvas, size: Size(width: cols, height: rows), erase: erase,
      into: &bytes)
    let start = now()
    writeRaw(bytes)
    writeSeconds += now() - start
  }

  /// Seconds all flushes so far have spent handing their bytes to the terminal (`write`, and
  /// any wait for room): the kernel's and the terminal's share of the flushes, which the frame
  /// benchmark reports apart from the app's own work.
  public private(set) var writeSeconds = 0.0

  /// Nothing to forget here: the `Terminal` erases on the next flush, and this backend keeps
  /// no picture of the screen of its own.
  public func invalidate() {}

  /// The terminal colours a style is drawn in (-1: the terminal's default).
  func colors(for style: Style) -> (fg: Int32, bg: Int32) { pairs.colors(for: style) }

  // MARK: events

  /// How long part of a sequence split across reads waits for its rest, by default: 200 ms
  /// (a split report's rest comes within milliseconds, even from tmux on a loaded machine),
  /// or the ESC delay when that is longer (a slow link, where ncurses is told to wait longer
  /// too). Ncurses itself waits ESCDELAY only inside a terminfo key, never past `ESC[<`.
  nonisolated static func defaultSequenceWait(escapeDelay: Double) -> Double {
    max(0.2, escapeDelay)
  }

  public func waitForEvents(timeout: Double?) -> [Event] {
    let deadline = timeout.map { now() + max(0, $0) }
    while true {
      let pending = readPending()
      if !pending.isEmpty { return pending }
      let t = now()
      if let hold = holdDeadline, t >= hold {
        // The rest never came: half a sequence is dropped whole, a lone ESC is Esc.
        holdDeadline = nil
        let given = sequences.finish()
        log(given)
        if !given.isEmpty { return given }
        continue
      }
      let remaining = deadline.map { max(0, $0 - t) }
      if let r = remaining, r <= 0 { return [] }
      var fds = [
        pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
        pollfd(fd: signalPipe, events: Int16(POLLIN), revents: 0),
      ]
      let wait = [remaining, holdDeadline.map { max(0, $0 - t) }].compactMap { $0 }.min()
      let ms = wait.map { Int32(min(($0 * 1000).rounded(.up), 86_400_000)) } ?? -1
      let ready = poll(&fds, 2, ms)
      // Nothing (a deadline passed), EINTR (a SIGWINCH for ncurses) or input: read whatever
      // is there next time round.
      if ready > 0 && fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
        // The terminal went away: behave as if it hung up.
        let last = readPending()
        let given = sequences.finish()
        holdDeadline = nil
        log(given)
        return last + given + [.terminate(signal: SIGHUP)]
      }
    }
  }

  /// Everything available right now: signals first, then all buffered input, with bursts
  /// of resizes coalesced into one (the last size).
  private func readPending() -> [Event] {
    var events: [Event] = SignalRouting.drain(signalPipe)
      .filter { SignalRouting.terminating.contains($0) }.map { .terminate(signal: $0) }
    var resized = false
    var read = !typedAhead.isEmpty
    for scalar in String(decoding: typedAhead, as: UTF8.self).unicodeScalars {
      events += sequences.feed(scalar.value)
    }
    typedAhead = []
    var wch: wint_t = 0
    while true {
      let r = wget_wch(window, &wch)
      if r == ERR { break }
      if r == fs_key_code_yes() {
        let code = Int32(wch)
        if code == KEY_RESIZE {
          resized = true
        } else {
          // Never KEY_MOUSE: ncurses' own mouse parsing is off (`enableMouse`), the reports
          // come through `sequences`.
          events += sequences.finish()
          events.append(.key(keys.decode(keyCode: code)))
        }
      } else {
        read = true
        events += sequences.feed(UInt32(wch))
      }
    }
    events += sequences.endOfRead()
    // A resize touches ncurses' (blank) window, which `wget_wch` refreshes; done here, before
    // the frame for the new size is written, never after it.
    if is_wintouched(window) {
      wnoutrefresh(window)
      doupdate()
    }
    if !sequences.isHolding {
      holdDeadline = nil
    } else if read || holdDeadline == nil {
      // Held over from this read (the wait starts again with each byte that continues it):
      // a lone ESC waits as ncurses does, part of a sequence longer.
      holdDeadline = now() + (sequences.holdsLoneEscape ? escapeWait : sequenceWait)
    }
    log(events)
    if resized {
      size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
      events.append(.resize(size))
    }
    return events
  }

  /// Appends the keys and mouse events among `events` to the event log, one a line.
  private func log(_ events: [Event]) {
    guard let eventLog else { return }
    for case let event in events where event.isInput { fputs("\(event)\n", eventLog) }
    fflush(eventLog)
  }
}

extension Event {
  fileprivate var isInput: Bool {
    switch self {
    case .key, .mouse: return true
    default: return false
    }
  }
}

extension String {
  fileprivate func replacingDashes() -> String { filter { $0 != "-" && $0 != "_" } }
}
