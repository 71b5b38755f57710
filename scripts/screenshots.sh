#!/usr/bin/env bash
# Screenshots of every screen in a real xterm (under Xvfb), as a projector would show them.
#
#   scripts/screenshots.sh [OUTDIR]        PNGs into OUTDIR (default /tmp/fullstack-shots)
#
# Shots, each at every size (SIZES, default "80x24 200x50"):
#   forge, journey-attn2 (tiny GPT mid-step at attn 2), journey-logits (tiny GPT at logits),
#   lifecycle, exercises, reading, tour-step-8 (the tour's "stop at logits"), help (the help
#   overlay on the Journey). Files are NAME-COLSxROWS.png.
#
# Environment: ONLY (shot names to take, space-separated; default all), FULLSTACK (the binary, default .build/debug/fullstack; build it first with
# `swift build`), SIZES, SHOT_ARGS (extra panel flags for every shot, e.g. "--theme light"),
# FONT_SIZE (default 11), XTERM_BG / XTERM_FG (the terminal's colours, default black/white:
# try XTERM_BG=white XTERM_FG=black with SHOT_ARGS="--theme light").
#
# Installs nothing: it needs Xvfb, xterm, ImageMagick's `import` and xdotool (Debian:
# apt-get install xvfb xterm imagemagick xdotool). Never writes into the repository.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-/tmp/fullstack-shots}"
binary="${FULLSTACK:-$repo/.build/debug/fullstack}"
sizes="${SIZES:-80x24 200x50}"
font_size="${FONT_SIZE:-11}"
bg="${XTERM_BG:-black}"
fg="${XTERM_FG:-white}"

missing=()
for tool in Xvfb xterm import xdotool; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "screenshots.sh: missing ${missing[*]} (Debian: apt-get install xvfb xterm imagemagick xdotool)" >&2
  exit 2
fi
if [[ ! -x "$binary" ]]; then
  echo "screenshots.sh: no binary at $binary (run swift build, or set FULLSTACK)" >&2
  exit 2
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
case "$out/" in
"$repo"/*)
  echo "screenshots.sh: $out is inside the repository; choose a directory outside it" >&2
  exit 2
  ;;
esac

# A free display: no lock file and no socket.
display=""
for n in $(seq 90 199); do
  if [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]]; then
    display=":$n"
    break
  fi
done
[[ -n "$display" ]] || { echo "screenshots.sh: no free X display in :90-:199" >&2; exit 1; }

Xvfb "$display" -screen 0 2800x1800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
xterm_pid=""
cleanup() {
  [[ -n "$xterm_pid" ]] && kill "$xterm_pid" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY="$display"
for _ in $(seq 50); do
  [[ -e /tmp/.X11-unix/X${display#:} ]] && break
  sleep 0.1
done

font=()
# (grep reads all of fc-list: with -q, pipefail would see fc-list killed by SIGPIPE)
if command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -i "DejaVu Sans Mono" >/dev/null; then
  font=(-fa "DejaVu Sans Mono" -fs "$font_size")
fi

# shot NAME COLSxROWS "ARGS" "KEYS": starts the panel in an xterm of that size, presses KEYS
# (xdotool key names, space-separated; "type:TEXT" types TEXT with _ for spaces; "wait:S"
# sleeps S seconds),
# and saves the window.
shot() {
  local name="$1" size="$2" args="$3" keys="$4"
  if [[ -n "${ONLY:-}" && " $ONLY " != *" $name "* ]]; then return 0; fi
  local cols="${size%x*}" rows="${size#*x}"
  # shellcheck disable=SC2086
  xterm -tn xterm-256color -geometry "${cols}x${rows}+0+0" "${font[@]}" -bg "$bg" -fg "$fg" \
    -xrm 'XTerm*allowSendEvents: true' -T "fullstack-$name" \
    -e env -u FULLSTACK_CHECKPOINT -u FULLSTACK_TOKENIZER "$binary" $args ${SHOT_ARGS:-} &
  xterm_pid=$!
  local wid=""
  for _ in $(seq 100); do
    wid="$(xdotool search --name "^fullstack-$name\$" 2>/dev/null | head -1 || true)"
    [[ -n "$wid" ]] && break
    sleep 0.1
  done
  if [[ -z "$wid" ]]; then
    echo "screenshots.sh: the xterm for $name did not appear" >&2
    return 1
  fi
  sleep 1.5
  xdotool windowfocus --sync "$wid" 2>/dev/null || true
  local key
  for key in $keys; do
    case "$key" in
    type:*) xdotool type --delay 30 "$(printf %s "${key#type:}" | tr _ " ")" ;;
    wait:*) sleep "${key#wait:}" ;;
    *) xdotool key "$key" ;;
    esac
    sleep 0.25
  done
  sleep 1
  import -window "$wid" "$out/$name-$size.png"
  kill "$xterm_pid" 2>/dev/null || true
  wait "$xterm_pid" 2>/dev/null || true
  xterm_pid=""
  echo "$out/$name-$size.png"
}

# The tiny GPT on a prompt whose next word depends on more than the last one.
tiny="m wait:1 e BackSpace BackSpace BackSpace type:when_the_robot_rolls_home_,_the Return"
for size in $sizes; do
  shot forge "$size" "--screen forge" ""
  shot journey-attn2 "$size" "--screen journey" "$tiny n n n n n n"
  shot journey-logits "$size" "--screen journey" "$tiny n n n n n n n n n"
  shot lifecycle "$size" "--screen lifecycle" ""
  shot exercises "$size" "--screen exercises" ""
  shot reading "$size" "--screen reading" ""
  shot tour-step-8 "$size" "tour" "Right Right Right Right Right Right Right"
  shot help "$size" "--screen journey" "question"
done
