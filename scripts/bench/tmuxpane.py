"""A pane of a private tmux server running the app, for the panel benchmark.

Every session gets its own socket under a temp dir and is killed by `close()`; nothing
touches the user's tmux. The app starts only after `pipe-pane` is attached (a gate in the
pane's shell), so the recorded byte stream includes the very first frame.
"""
import os
import shlex
import subprocess
import time


class Pane:
    def __init__(self, work, name, width, height, command, env=None):
        self.socket = os.path.join(work, name + ".sock")
        self.raw = os.path.join(work, name + ".bytes")
        self.exit_file = os.path.join(work, name + ".exit")
        open(self.raw, "wb").close()
        envs = " ".join(f"{k}={shlex.quote(v)}" for k, v in sorted((env or {}).items()))
        # Wait for a line on stdin (without echoing it), then run the command.
        script = (f"stty -echo; read _; stty echo; env {envs} {command}; "
                  f"echo $? > {shlex.quote(self.exit_file)}; sleep 600")
        self.tmux("-f", "/dev/null", "new-session", "-d", "-x", str(width), "-y", str(height),
                  "-s", "b", "sh", "-c", script)
        self.tmux("set", "-g", "status", "off")
        self.tmux("set", "-s", "escape-time", "0")
        self.tmux("pipe-pane", "-t", "b", "-o", f"cat >> {shlex.quote(self.raw)}")
        time.sleep(0.2)
        self.tmux("send-keys", "-t", "b", "Enter")

    def tmux(self, *args):
        return subprocess.run(["tmux", "-S", self.socket, *args], check=True,
                              capture_output=True, text=True).stdout

    def keys(self, *keys):
        self.tmux("send-keys", "-t", "b", *keys)

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "b")

    def resize(self, width, height):
        self.tmux("resize-window", "-t", "b", "-x", str(width), "-y", str(height))

    def bytes_written(self):
        return os.path.getsize(self.raw)

    def wait_for(self, text, seconds=20):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if text in self.screen():
                return
            time.sleep(0.05)
        raise TimeoutError(f"timed out waiting for {text!r}; the pane shows:\n{self.screen()}")

    def quiet(self, gap=0.3, seconds=30):
        """Waits until the app has written nothing for `gap` seconds; returns the byte count."""
        end = time.monotonic() + seconds
        last = -1
        while time.monotonic() < end:
            now = self.bytes_written()
            if now == last:
                return now
            last = now
            time.sleep(gap)
        raise TimeoutError("the app never went quiet")

    def app_pid(self):
        """The app: the process at the bottom of the pane's process chain."""
        pid = self.tmux("display-message", "-p", "-t", "b", "#{pane_pid}").strip()
        while True:
            path = f"/proc/{pid}/task/{pid}/children"
            children = open(path).read().split() if os.path.exists(path) else []
            if not children:
                return int(pid)
            pid = children[0]

    def exit_status(self, seconds=10):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if os.path.exists(self.exit_file) and open(self.exit_file).read().strip():
                return int(open(self.exit_file).read())
            time.sleep(0.05)
        raise TimeoutError("the app did not exit")

    def close(self):
        subprocess.run(["tmux", "-S", self.socket, "kill-server"], capture_output=True)
