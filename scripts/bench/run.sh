#!/bin/sh
# The panel benchmark (issue 10): builds the release app, then prints a Markdown table of
# bytes per Forge slider move and Journey STEP (80x24, 200x50, locally and over ssh on
# loopback), frame time, time to first frame, CPU idle and under AUTO, a 100-key burst and a
# 100,000-token run, then the frame cost in phases (frames.sh). Not a test. Needs tmux and
# python3; installs openssh-server if missing.
#
# usage: scripts/bench/run.sh [--no-ssh]
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v tmux >/dev/null || { echo "bench: tmux is not installed" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench: python3 is not installed" >&2; exit 2; }
cd "$root"
swift build -c release --product fullstack >&2
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
  "$(awk '/MemTotal/ {printf "%.0f GiB RAM", $2 / 1048576}' /proc/meminfo)"
python3 "$root/scripts/bench/panel_bench.py" "$root/.build/release/fullstack" "$@"
# Frame cost in phases (update / view / diff / flush, the slider-move / full-paint ratio and
# the issue's goals), scripts/bench/frames.sh.
echo
"$root/scripts/bench/frames.sh"
