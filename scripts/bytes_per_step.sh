#!/bin/sh
# Bytes the Token Journey writes to the terminal per STEP at 80x24 (one token animated
# through every stage), measured with tmux pipe-pane on the built binary. Also a
# temperature nudge for comparison. Prints a table and the median.
#
# usage: scripts/bytes_per_step.sh [STEPS] [MODEL]     (defaults: 15 corpus)
# Needs tmux and a built app (`swift build`). Uses a private tmux socket and stops only it.
set -eu
steps=${1:-15}
model=${2:-corpus}
root=$(cd "$(dirname "$0")/.." && pwd)
app="$root/.build/debug/fullstack"
[ -x "$app" ] || { echo "bytes_per_step: build first (swift build); $app is missing" >&2; exit 2; }
command -v tmux >/dev/null || { echo "bytes_per_step: tmux is not installed" >&2; exit 2; }
case $steps in '' | *[!0-9]*) echo "bytes_per_step: STEPS must be a whole number" >&2; exit 64;; esac

work=$(mktemp -d)
sock="$work/tmux.sock"
raw="$work/raw.bytes"
: >"$raw"
trap 'tmux -S "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT INT TERM
tmux -S "$sock" -f /dev/null new-session -d -x 80 -y 24 -s bench \
  "env LANG=C.UTF-8 TERM=xterm-256color '$app' --screen journey"
tmux -S "$sock" set -g status off >/dev/null

screen() { tmux -S "$sock" capture-pane -p -t bench; }
size() { wc -c <"$raw" | tr -d ' '; }
wait_for() { # text, seconds
  tries=0
  until screen | grep -qF -- "$1"; do
    tries=$((tries + 1)); [ $tries -lt $(($2 * 20)) ] || { echo "bytes_per_step: timed out waiting for '$1'" >&2; exit 1; }
    sleep 0.05
  done
}
quiet() { # until no byte is written for 300 ms
  last=-1
  while [ "$(size)" != "$last" ]; do last=$(size); sleep 0.3; done
}

wait_for "Context" 10
if [ "$model" != corpus ]; then
  until screen | grep -qF "Context · $model"; do tmux -S "$sock" send-keys -t bench m; sleep 0.3; done
fi
tmux -S "$sock" pipe-pane -t bench -o "cat >> '$raw'"
sleep 0.3
quiet

printf '%-8s %10s\n' "action" "bytes"
results="$work/steps"
: >"$results"
i=1
while [ $i -le "$steps" ]; do
  before=$(size)
  tmux -S "$sock" send-keys -t bench Space
  wait_for " $i generated" 20
  quiet
  bytes=$(($(size) - before))
  echo "$bytes" >>"$results"
  printf '%-8s %10d\n' "STEP $i" "$bytes"
  i=$((i + 1))
done
before=$(size)
tmux -S "$sock" send-keys -t bench '['
quiet
printf '%-8s %10d\n' "tau -0.1" "$(($(size) - before))"
median=$(sort -n "$results" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
echo "median bytes per STEP at 80x24 ($model, $steps steps): $median"
