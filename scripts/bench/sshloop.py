"""A throwaway OpenSSH server on loopback for the benchmark: Debian's openssh-server
(installed with apt-get only if missing), a high port, host and client keys made fresh in a
temp dir, key authentication only, and stopped (that one process) on the way out.
"""
import os
import shlex
import shutil
import socket
import subprocess
import time

SSHD = "/usr/sbin/sshd"


def ensure_sshd():
    if os.path.exists(SSHD):
        return
    print("installing openssh-server (apt-get)...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends",
                    "openssh-server", "openssh-client"], check=True, env=env)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LoopbackSSH:
    def __init__(self, work):
        self.dir = os.path.join(work, "ssh")
        self.port = free_port()
        self.process = None

    def __enter__(self):
        ensure_sshd()
        os.makedirs(self.dir, mode=0o700)
        os.makedirs("/run/sshd", mode=0o755, exist_ok=True)  # sshd's privilege-separation dir
        host, client = os.path.join(self.dir, "host"), os.path.join(self.dir, "client")
        for key in (host, client):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key], check=True)
        shutil.copy(client + ".pub", os.path.join(self.dir, "authorized_keys"))
        config = os.path.join(self.dir, "sshd_config")
        with open(config, "w") as f:
            f.write(f"""Port {self.port}
ListenAddress 127.0.0.1
HostKey {host}
PidFile {self.dir}/sshd.pid
AuthorizedKeysFile {self.dir}/authorized_keys
AuthenticationMethods publickey
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
""")
        self.process = subprocess.Popen([SSHD, "-D", "-e", "-f", config],
                                        stderr=open(os.path.join(self.dir, "sshd.log"), "w"))
        self.client_key = client
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.1).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("sshd did not start; see " + self.dir + "/sshd.log")

    def command(self, app, args):
        """The client command line: a pty, key auth only, the app on the other end."""
        remote = " ".join(["env", "LANG=C.UTF-8", "TERM=xterm-256color", app] + args)
        return " ".join(["ssh", "-tt", "-F", "/dev/null", "-p", str(self.port), "-i",
                         self.client_key, "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                         "-o", f"UserKnownHostsFile={self.dir}/known_hosts", "-o",
                         "LogLevel=ERROR", f"{os.environ.get('USER', 'root')}@127.0.0.1",
                         shlex.quote(remote)])

    def __exit__(self, *exc):
        if self.process:
            self.process.terminate()
            self.process.wait(timeout=10)
