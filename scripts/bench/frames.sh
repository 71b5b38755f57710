#!/bin/sh
# Frame cost in phases (issue 14): update (events -> state), view (state -> canvas), diff
# (canvas -> cell updates) and flush (updates -> bytes -> one write), and the cells sent, over
# FRAMES frames per scenario (slider moves back and forth, the STEP animation, tab switches, the
# same slider moves drawn as full paints on an erased screen for comparison, and slider sweeps,
# whose moves always land on a new design, with their own full paints), at 80x24 and 250x70,
# each in its own tmux pane with TERM=xterm-256color. The bench waits, untimed, for the
# terminal to take each frame before the next (as a person's keys are apart). Prints medians and
# p99 in microseconds of each phase, of the frame, of the part of the flush inside `write` (the
# kernel's and tmux's time), of the app's part (frame less write) and of the frame's on-CPU
# time and of the idle work after it (App.workAhead, as the runner does it once the frame is
# on screen; not part of the frame), then the ratio move / full paint at each size and whether
# the issue's goals are met.
# Not a test. Needs tmux.
#
# usage: scripts/bench/frames.sh [FRAMES]      (default 1000; builds the release binary)
#        FRAME_BENCH=path/to/frame-bench scripts/bench/frames.sh [FRAMES]
#        FRAME_BENCH_BACK_TO_BACK=1 scripts/bench/frames.sh   (no wait between frames, as before
#        2026-12-03: a frame's write may then queue behind tmux parsing the frames before it)
#        FRAME_BENCH_NO_AHEAD=1 scripts/bench/frames.sh   (without the runner's idle work between
#        frames, App.workAhead: as keys that come faster than the panel idles between them)
#        FRAME_BENCH_NO_FRAMES_AHEAD=1 scripts/bench/frames.sh   (the idle work without the
#        frames drawn ahead for Left and Right, FramesAhead)
#        FRAME_BENCH_KEYS_IN_ONE_FRAME=1 scripts/bench/frames.sh   (a step's keys in one frame, as
#        before 2026-12-03: Down and the move after it drawn together; by default each key is a
#        frame, as a person's keys are apart, and the keys before a step's last get their own
#        row, "slider move, keys before")
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
frames=${1:-1000}
case $frames in '' | *[!0-9]*) echo "frames: FRAMES must be a number" >&2; exit 2 ;; esac
command -v tmux >/dev/null || { echo "frames: tmux is not installed" >&2; exit 2; }
cd "$root"
# FRAME_BENCH=path runs an already built frame-bench (say, another branch's) without building.
if [ -n "${FRAME_BENCH:-}" ]; then
  bin=$FRAME_BENCH
else
  swift build -c release --product frame-bench >&2
  bin="$root/.build/release/frame-bench"
fi
work=$(mktemp -d)
sock="$work/tmux.sock"
tm() { tmux -S "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
printf '| scenario | size | frames | update med / p99 | view med / p99 | diff med / p99 | flush med / p99 | frame med / p99 | of which write | app (frame less write) | on CPU | idle work after | cells sent med / p99 |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for s in 80x24 250x70; do
  w=${s%x*}
  h=${s#*x}
  out="$work/$s.txt"
  tm new-session -d -s "b$s" -x "$w" -y "$h" \
    "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color FRAME_BENCH_BACK_TO_BACK=${FRAME_BENCH_BACK_TO_BACK:-} FRAME_BENCH_NO_AHEAD=${FRAME_BENCH_NO_AHEAD:-} FRAME_BENCH_KEYS_IN_ONE_FRAME=${FRAME_BENCH_KEYS_IN_ONE_FRAME:-} FRAME_BENCH_NO_FRAMES_AHEAD=${FRAME_BENCH_NO_FRAMES_AHEAD:-} $bin $out $frames; touch $out.done"
  n=0
  while [ ! -e "$out.done" ]; do
    sleep 0.2
    n=$((n + 1))
    [ $n -lt 3000 ] || { echo "frames: $s did not finish" >&2; exit 1; }
  done
  [ -s "$out" ] || { echo "frames: $s wrote no results" >&2; exit 1; }
  # name|size|frames|update m p|view m p|diff m p|flush m p|frame m p|write m p|app m p|cpu m p|
  # ahead m p|cells m p  ->  a Markdown row, in µs
  awk -F'|' '{
    printf "| %s | %s | %s", $1, $2, $3
    for (i = 4; i <= 12; i++) { split($i, a, " "); printf " | %s / %s µs", a[2], a[3] }
    split($13, c, " "); printf " | %s / %s |\n", c[2], c[3] }' "$out"
  cat "$out" >>"$work/all.txt"
done
# The goals (issue 14), from the same run: a slider move at most a fifth of a full paint of
# the same moves (whole frame, medians) and its p99 at most 1 ms at 250x70.
echo
awk -F'|' '{ split($8, f, " "); med[$1 "|" $2] = f[2]; p99[$1 "|" $2] = f[3]
    split($10, a, " "); app[$1 "|" $2] = a[3]; split($11, c, " "); cpu[$1 "|" $2] = c[3] }
  END {
    for (i = 0; i < 2; i++) {
      s = i == 0 ? "80x24" : "250x70"
      for (k = 0; k < 2; k++) {
        move = k == 0 ? "slider move" : "slider sweep"
        paint = k == 0 ? "full paint" : "sweep full paint"
        m = med[move "|" s]; full = med[paint "|" s]
        if (full > 0) {
          r = m / full
          printf "%s: %s / %s (whole frame, medians) = %d / %d µs = %.2f", s, move, paint, m, full, r
          if (s == "250x70") printf "  (goal <= 0.20: %s)", r <= 0.2 ? "met" : sprintf("NOT met, %.1fx too slow", r / 0.2)
          printf "\n"
        }
      }
    }
    for (k = 0; k < 2; k++) {
      move = k == 0 ? "slider move" : "slider sweep"
      q = p99[move "|250x70"]
      if (q == "") continue
      printf "250x70: %s whole-frame p99 = %d µs  (goal <= 1000: %s)\n", move, q,
        q <= 1000 ? "met" : sprintf("NOT met, %.1fx over", q / 1000)
      printf "        (not the goal, for reading it: p99 of the frame less its write %d µs, on CPU %d µs)\n",
        app[move "|250x70"], cpu[move "|250x70"]
    }
  }' "$work/all.txt"
