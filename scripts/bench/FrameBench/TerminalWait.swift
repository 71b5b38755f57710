#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Waits, untimed, until the terminal has read and drawn every byte written so far: a device
/// status request (`ESC [ 5 n`) is answered (`ESC [ 0 n`) only after the terminal has parsed
/// all output before it. Between two frames a person's keys are tens of milliseconds apart,
/// so each frame starts with the terminal caught up; without the wait, a benchmark that draws
/// frames back to back fills the pty and a frame's write waits for the terminal to parse the
/// frames before it, timing the terminal rather than the app. False if no answer came within
/// `timeout` seconds.
@discardableResult
func waitForTerminal(timeout: Double = 1) -> Bool {
  let request = Array("\u{1B}[5n".utf8)
  guard write(STDOUT_FILENO, request, request.count) == request.count else { return false }
  var reply: [UInt8] = []
  let end = monotonic() + timeout
  while !reply.ends(with: [0x1B, 0x5B, 0x30, 0x6E]) {
    let left = end - monotonic()
    guard left > 0 else { return false }
    var fd = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    guard poll(&fd, 1, Int32(left * 1000) + 1) > 0 else { return false }
    var buffer = [UInt8](repeating: 0, count: 64)
    let n = read(STDIN_FILENO, &buffer, buffer.count)
    guard n > 0 else { return false }
    reply += buffer.prefix(n)
  }
  return true
}

private func monotonic() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

extension Array where Element == UInt8 {
  fileprivate func ends(with suffix: [UInt8]) -> Bool {
    count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
  }
}

/// The calling thread's CPU time in seconds: what it ran, not what the wall clock saw.
func threadCPU() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
