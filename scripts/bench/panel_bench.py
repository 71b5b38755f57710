"""Benchmark of what a lecturer feels (issue 10): bytes per action, frame time, time to first
frame, CPU idle and under AUTO, a burst of arrow keys, a long AUTO run, and the same bytes
over a real SSH connection on loopback. Prints a Markdown table. Not a test.

usage: python3 scripts/bench/panel_bench.py APP [--no-ssh]     (run.sh builds APP first)
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

from tmuxpane import Pane
from sshloop import LoopbackSSH

ROWS = []


def row(what, size, value, note=""):
    ROWS.append((what, size, value, note))
    print(f"  {what} @ {size}: {value} {note}", file=sys.stderr, flush=True)


def spread(values, unit=""):
    if not values:
        return "n/a"
    return f"median {statistics.median(values):,.0f}{unit}, max {max(values):,.0f}{unit}"


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


class Bench:
    def __init__(self, app, work):
        self.app = app
        self.work = work
        self.count = 0
        self.base_env = {"LANG": "C.UTF-8", "TERM": "xterm-256color"}

    def pane(self, width, height, args, env=None, command=None):
        self.count += 1
        cmd = command or " ".join([self.app] + args)
        return Pane(self.work, f"p{self.count}", width, height, cmd, {**self.base_env, **(env or {})})

    # Bytes per action -------------------------------------------------------------------

    def bytes_per(self, pane, key, times):
        """Bytes the app writes for each press of `key`, once it has gone quiet again."""
        out = []
        for _ in range(times):
            before = pane.quiet()
            pane.keys(key)
            time.sleep(0.05)
            out.append(pane.quiet() - before)
        return out

    def actions(self, width, height, via=None, label=""):
        size = f"{width}x{height}" + label
        for screen, keys, action in [("forge", ["Right", "Left"], "Forge compute-slider move (one stop, from the seed default)"),
                                     ("journey", ["Space"], "Journey STEP (whole animation)")]:
            args = ["--screen", screen]
            pane = self.pane(width, height, args, command=via(args) if via else None)
            try:
                pane.wait_for("F1", 30)
                full = pane.quiet()
                moves = []
                for i in range(8 if screen == "forge" else 12):
                    moves += self.bytes_per(pane, keys[i % len(keys)], 1)
                if max(moves) == 0:
                    row(action, size, "n/a", "(the screen ignores the key: not on main yet)")
                else:
                    row(action, size, spread(moves, " B"), f"(n={len(moves)})")
                row(f"first frame, {screen} (full paint)", size, f"{full:,} B")
                pane.keys("q")
            finally:
                pane.close()

    # Frame time ---------------------------------------------------------------------------

    def frame_times(self, width, height):
        path = os.path.join(self.work, f"frames-{width}x{height}")
        pane = self.pane(width, height, ["--screen", "journey"], {"FULLSTACK_DIAG_FRAMES": path})
        try:
            pane.wait_for("F1", 30)
            pane.keys("+", "+", "a")  # the fastest pace, then AUTO
            time.sleep(6)
            pane.keys("a")
            for _ in range(10):  # every screen, twice
                pane.keys("Tab")
                time.sleep(0.05)
            pane.keys("F1")
            for i in range(30):
                pane.keys("Right" if i % 2 == 0 else "Left")
                time.sleep(0.03)
            pane.quiet()
            pane.keys("q")
            pane.exit_status()
        finally:
            pane.close()
        lines = open(path).read().split("\n")
        times = [float(x) * 1000 for x in lines[1:] if x]
        row("frame time (state -> canvas -> ncurses)", f"{width}x{height}",
            f"median {statistics.median(times):.2f} ms, p99 {percentile(times, 99):.2f} ms",
            f"(n={len(times)}: Journey AUTO at the fastest pace, tab switches, Forge Left/Right)")

    def first_frame(self, launches=9):
        delays = []
        stamp = (f"{sys.executable} -c 'import os,sys,time; open(sys.argv[1],\"w\")"
                 f".write(repr(time.monotonic())); os.execv(sys.argv[2], sys.argv[2:])'")
        for i in range(launches):
            started = os.path.join(self.work, f"start-{i}")
            frames = os.path.join(self.work, f"ff-{i}")
            pane = self.pane(80, 24, [], {"FULLSTACK_DIAG_FRAMES": frames},
                             command=f"{stamp} {started} {self.app}")
            try:
                pane.wait_for("F1", 30)
                pane.keys("q")
                pane.exit_status()
            finally:
                pane.close()
            first = open(frames).readline().split()[-1]
            delays.append((float(first) - float(open(started).read())) * 1000)
        row("time to first frame (release build)", "80x24",
            f"median {statistics.median(delays):.0f} ms, max {max(delays):.0f} ms",
            f"(n={launches} launches)")

    # CPU ----------------------------------------------------------------------------------

    @staticmethod
    def cpu(pid):
        """(utime + stime in seconds, context switches) of a process."""
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])
        switches = sum(int(line.split()[1]) for line in open(f"/proc/{pid}/status")
                       if line.startswith(("voluntary_ctxt", "nonvoluntary_ctxt")))
        return ticks / os.sysconf("SC_CLK_TCK"), switches

    def cpu_window(self, pane, seconds=10):
        pid = pane.app_pid()
        cpu0, sw0 = self.cpu(pid)
        time.sleep(seconds)
        cpu1, sw1 = self.cpu(pid)
        return 100 * (cpu1 - cpu0) / seconds, (sw1 - sw0) / seconds

    def cpu_use(self):
        pane = self.pane(80, 24, ["--screen", "journey"])
        try:
            pane.wait_for("F1", 30)
            pane.quiet()
            percent, wakeups = self.cpu_window(pane)
            row("CPU idle over 10 s", "80x24", f"{percent:.1f}% of one core",
                f"({wakeups:.1f} wake-ups/s; goal 0.0%)")
            pane.keys("a")
            time.sleep(0.5)
            before = pane.screen()
            percent, wakeups = self.cpu_window(pane)
            running = "AUTO" in pane.screen() and pane.screen() != before
            row("CPU while AUTO runs, 10 s", "80x24", f"{percent:.1f}% of one core",
                f"({wakeups:.1f} wake-ups/s; goal <= 2%)"
                + ("" if running else " [AUTO had stopped before the end]"))
            pane.keys("q")
        finally:
            pane.close()

    def arrow_burst(self):
        for screen in ["forge", "journey"]:
            pane = self.pane(80, 24, ["--screen", screen])
            try:
                pane.wait_for("F1", 30)
                pane.quiet()
                start_screen = pane.screen()
                t0 = time.monotonic()
                pane.keys(*(["Right"] * 100))
                last, last_change = pane.screen(), time.monotonic()
                while time.monotonic() - last_change < 1.0:
                    now = pane.screen()
                    if now != last:
                        last, last_change = now, time.monotonic()
                    time.sleep(0.005)
                settle = (last_change - t0) * 1000
                pane.keys("Right")  # at the end of its range one more press changes nothing
                time.sleep(0.3)
                at_end = pane.screen() == last
                if last == start_screen:
                    row(f"100 x Right, {screen}", "80x24", "n/a", "(the screen ignores Right)")
                else:
                    row(f"100 x Right, {screen}: time to settle", "80x24", f"{settle:.0f} ms",
                        ("(final value = end of range" if at_end else "(NOT at the end of range")
                        + "; polled every ~5 ms)")
                pane.keys("q")
            finally:
                pane.close()

    # Long AUTO run --------------------------------------------------------------------------

    def long_run(self, model="corpus"):
        """The CLI drives the same StepMachine as AUTO. The cost per token after start-up,
        (t(n) - t(1,000)) / (n - 1,000), for n = 10,000 and 100,000: equal means no slowdown."""
        results = {}
        for tokens in (1_000, 10_000, 100_000):
            proc = subprocess.Popen([self.app, "journey", "--model", model, "--tokens", str(tokens),
                                     "--seed", "1"], stdout=subprocess.DEVNULL)
            t0, rss = time.monotonic(), []
            while proc.poll() is None:
                try:
                    status = open(f"/proc/{proc.pid}/status").read()
                    rss += [int(l.split()[1]) for l in status.split("\n")
                            if l.startswith("VmRSS") and int(l.split()[1]) > 0]
                except (FileNotFoundError, ProcessLookupError):
                    pass
                time.sleep(0.02)
            results[tokens] = (time.monotonic() - t0, rss)
        t1, t10, (t100, rss) = results[1_000][0], results[10_000][0], results[100_000]
        per10 = (t10 - t1) / 9_000 * 1e6
        per100 = (t100 - t1) / 99_000 * 1e6
        early = rss[len(rss) // 10] // 1024 if rss else 0
        row(f"100,000-token AUTO-style run, {model} (CLI, same StepMachine)", "-",
            f"{t100:.2f} s; {per100:,.1f} us/token over 100,000 vs {per10:,.1f} over 10,000",
            f"(RSS {early} MB at 10% of the run, {max(rss) // 1024 if rss else 0} MB at most;"
            f" {len(rss)} samples)")

def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    app = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="fullstack-bench-") as work:
        bench = Bench(app, work)
        for w, h in [(80, 24), (200, 50)]:
            bench.actions(w, h)
        for w, h in [(80, 24), (250, 70)]:
            bench.frame_times(w, h)
        bench.first_frame()
        bench.cpu_use()
        bench.arrow_burst()
        bench.long_run("corpus")
        bench.long_run("tiny-gpt")
        if "--no-ssh" not in sys.argv:
            with LoopbackSSH(work) as ssh:
                for w, h in [(80, 24), (200, 50)]:
                    bench.actions(w, h, via=lambda args: ssh.command(app, args), label=" over ssh")
    print("| measurement | terminal | result | notes |")
    print("|---|---|---|---|")
    for what, size, value, note in ROWS:
        print(f"| {what} | {size} | {value} | {note} |")


if __name__ == "__main__":
    main()
