#!/bin/sh
# Frame cost in phases (issue 14): view (state -> canvas), diff (canvas -> cell updates) and
# flush (updates -> ncurses -> doupdate), over FRAMES frames per scenario (slider moves, the
# STEP animation, tab switches, and full paints for comparison), at 80x24 and 250x70, each in
# its own tmux pane with TERM=xterm-256color. Prints medians and p99 in microseconds.
# Not a test. Needs tmux.
#
# usage: scripts/bench/frames.sh [FRAMES]      (default 1000; builds the release binary)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
frames=${1:-1000}
case $frames in '' | *[!0-9]*) echo "frames: FRAMES must be a number" >&2; exit 2 ;; esac
command -v tmux >/dev/null || { echo "frames: tmux is not installed" >&2; exit 2; }
cd "$root"
swift build -c release --product frame-bench >&2
bin="$root/.build/release/frame-bench"
work=$(mktemp -d)
sock="$work/tmux.sock"
tm() { tmux -S "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
printf '| scenario | size | frames | view med / p99 | diff med / p99 | flush med / p99 | frame med / p99 |\n'
printf '|---|---|---|---|---|---|---|\n'
for s in 80x24 250x70; do
  w=${s%x*}
  h=${s#*x}
  out="$work/$s.txt"
  tm new-session -d -s "b$s" -x "$w" -y "$h" \
    "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $bin $out $frames; touch $out.done"
  n=0
  while [ ! -e "$out.done" ]; do
    sleep 0.2
    n=$((n + 1))
    [ $n -lt 3000 ] || { echo "frames: $s did not finish" >&2; exit 1; }
  done
  [ -s "$out" ] || { echo "frames: $s wrote no results" >&2; exit 1; }
  # name|size|frames|view m p|diff m p|flush m p|frame m p  ->  a Markdown row, in µs
  awk -F'|' '{
    printf "| %s | %s | %s", $1, $2, $3
    for (i = 4; i <= 7; i++) { split($i, a, " "); printf " | %s / %s µs", a[2], a[3] }
    printf " |\n" }' "$out"
done
