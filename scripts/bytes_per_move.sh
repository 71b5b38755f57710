#!/usr/bin/env bash
# Bytes on the wire per one-stop slider move on the Forge screen (a benchmark, not a test).
#
# Runs the built app in a private tmux server, records everything it writes with
# `tmux pipe-pane`, and moves each of the six sliders one stop right and back, twice, waiting
# for the output to go quiet after each key. Prints the median and maximum bytes per move and,
# for comparison, the bytes of the first full frame, at each size.
#
#   swift build && scripts/bytes_per_move.sh            # 80x24 and 200x50
#   scripts/bytes_per_move.sh 120x40                    # other sizes
#   FROM=1 scripts/bytes_per_move.sh                    # from preset 1 (keys 0-4), not the seed
#   APP_TERM=tmux-256color scripts/bytes_per_move.sh    # the app's TERM (default xterm-256color,
#                                                       # what most terminal emulators announce)
set -euo pipefail
cd "$(dirname "$0")/.."

app=.build/debug/fullstack
[ -x "$app" ] || { echo "bytes_per_move: $app not found; run swift build first" >&2; exit 2; }
command -v tmux >/dev/null || { echo "bytes_per_move: tmux is not installed" >&2; exit 2; }
from=${FROM:-}
app_term=${APP_TERM:-xterm-256color}
infocmp "$app_term" >/dev/null 2>&1 || { echo "bytes_per_move: no terminfo for $app_term" >&2; exit 2; }
[[ "$from" =~ ^[0-4]?$ ]] || { echo "bytes_per_move: FROM must be a preset key 0-4" >&2; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(80x24 200x50)
for s in "${sizes[@]}"; do
  [[ "$s" =~ ^[0-9]+x[0-9]+$ ]] || { echo "bytes_per_move: bad size '$s' (want WxH)" >&2; exit 2; }
done

work=$(mktemp -d)
sock="$work/tmux.sock"
tm() { tmux -S "$sock" -f /dev/null "$@"; }
cleanup() { tm kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

size_of() { stat -c %s "$1"; }

# Waits until the file stops growing (unchanged for 0.3 s, at most 5 s).
settle() {
  local file=$1 last now same=0 tries=0
  last=$(size_of "$file")
  while [ $same -lt 6 ] && [ $tries -lt 100 ]; do
    sleep 0.05
    now=$(size_of "$file")
    if [ "$now" = "$last" ]; then same=$((same + 1)); else same=0; last=$now; fi
    tries=$((tries + 1))
  done
}

# Bytes the app writes in answer to one key.
measure() {
  local file=$1 key=$2 before
  before=$(size_of "$file")
  tm send-keys -t bench "$key"
  settle "$file"
  echo $(($(size_of "$file") - before))
}

stats() { sort -n | awk '{ v[NR] = $1 } END {
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  printf "%d %d %d %d\n", NR, m, v[1], v[NR] }'; }

start="the seed default"
[ -z "$from" ] || start="preset $from"
echo "one-stop moves on each slider, from $start, TERM=$app_term:"
printf "%-8s %6s %14s %10s %10s %16s\n" size moves "median B/move" "min B" "max B" "full frame B"
for s in "${sizes[@]}"; do
  w=${s%x*}
  h=${s#*x}
  out="$work/out-$s.bin"
  : >"$out"
  # The pane waits for the pipe to be attached before starting the app, so the first frame
  # is recorded whole.
  tm new-session -d -s bench -x "$w" -y "$h" \
    "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=$app_term sh -c 'while [ ! -e $work/go ]; do sleep 0.05; done; exec $app --screen forge'"
  tm pipe-pane -t bench -o "cat >> '$out'"
  touch "$work/go"
  sleep 0.3
  settle "$out"
  full=$(size_of "$out")
  if [ -n "$from" ]; then measure "$out" "$from" >/dev/null; fi
  samples="$work/samples-$s.txt"
  : >"$samples"
  for slider in 1 2 3 4 5 6; do
    for _ in 1 2; do
      measure "$out" Right >>"$samples"
      measure "$out" Left >>"$samples"
    done
    measure "$out" Down >/dev/null
  done
  tm send-keys -t bench q
  sleep 0.2
  tm kill-server 2>/dev/null || true
  rm -f "$work/go"
  read -r n median min max < <(stats <"$samples")
  printf "%-8s %6d %14d %10d %10d %16d\n" "$s" "$n" "$median" "$min" "$max" "$full"
  cp "$samples" "$work/keep-$s.txt"
done
echo
echo "bytes per move, by slider (right, left, right, left):"
for s in "${sizes[@]}"; do
  printf "%-8s" "$s"
  paste -d' ' - - - - <"$work/keep-$s.txt" | tr '\n' '|' | sed 's/|$//; s/|/ | /g'
  echo
done
