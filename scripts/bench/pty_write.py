#!/usr/bin/env python3
"""What one write(2) into a tmux pane costs by itself, without the app: the floor under the
frame benchmark's `write` column (scripts/bench/frames.sh). Not a test.

For each payload size it writes that many bytes of cursor moves, colour changes and text into
a tmux pane of 250x70 and times the write, waiting (untimed) after each one until tmux has
parsed it (a device status request, answered in order), as the frame benchmark waits after
each frame. Prints median, p99 and max in microseconds per size.

usage: scripts/bench/pty_write.py [WRITES]          (default 1000 a size)
"""
import os
import select
import shutil
import subprocess
import sys
import tempfile
import termios
import time
import tty

SIZES = [400, 2000, 10000, 30000]  # about a small move, a big move, a tab switch, a full paint


def payload(size):
    """Bytes that look like a frame: a cursor move, a colour, eleven characters, repeated."""
    cell = b"\x1b[12;40H\x1b[38;5;31mhello world"
    return (cell * (size // len(cell) + 1))[:size]


def inside(out, writes):
    """Runs in the pane: writes, times and records."""
    saved = termios.tcgetattr(0)
    tty.setraw(0)
    lines = []
    try:
        for size in SIZES:
            data = payload(size)
            times = []
            for _ in range(writes):
                t0 = time.perf_counter_ns()
                left = memoryview(data)
                while left:
                    left = left[os.write(1, left):]
                times.append((time.perf_counter_ns() - t0) / 1000)
                os.write(1, b"\x1b[5n")
                reply = b""
                while not reply.endswith(b"\x1b[0n"):
                    ready, _, _ = select.select([0], [], [], 1)
                    if not ready:
                        break
                    reply += os.read(0, 64)
            times.sort()
            lines.append("| %d | %d | %.0f / %.0f | %.0f |" % (
                size, writes, times[len(times) // 2], times[int(0.99 * (len(times) - 1))],
                times[-1]))
    finally:
        termios.tcsetattr(0, termios.TCSANOW, saved)
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--inside":
        return inside(sys.argv[2], int(sys.argv[3]))
    writes = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 1000
    if shutil.which("tmux") is None:
        sys.exit("pty_write: tmux is not installed")
    work = tempfile.mkdtemp()
    sock = os.path.join(work, "tmux.sock")
    out = os.path.join(work, "out.txt")
    done = out + ".done"
    command = f"{sys.executable} {os.path.abspath(__file__)} --inside {out} {writes}; touch {done}"
    subprocess.run(["tmux", "-S", sock, "-f", "/dev/null", "new-session", "-d", "-x", "250",
                    "-y", "70", command], check=True)
    try:
        deadline = time.time() + 600
        while not os.path.exists(done):
            if time.time() > deadline:
                sys.exit("pty_write: the pane did not finish")
            time.sleep(0.2)
        print("| bytes a write | writes | write med / p99 µs | max µs |")
        print("|---|---|---|---|")
        print(open(out).read(), end="")
    finally:
        subprocess.run(["tmux", "-S", sock, "kill-server"], stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
