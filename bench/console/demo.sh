#!/usr/bin/env bash
# Records the demo of docs/walkthrough.md and the README: the console driving a replayed incident end to end
# (live charts -> the detector's anomaly -> chat -> one-click scale-up with its confirm dialog -> the audit
# records), clicked through by ScreenshotTourTest with the real mouse under Xvfb and captured with ffmpeg's
# x11grab. Writes docs/demo.gif (shown in the README) and docs/demo.mp4 (full resolution).
#   bench/console/demo.sh [SPEED]   replay speed (default 5, as bench/console/screenshots.sh)
# Needs Debian's ffmpeg and xvfb (gifsicle, if installed, shrinks the GIF further). Takes about five minutes:
# the detector learns every host for 120 samples first; only the last minute is recorded.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
for tool in ffmpeg xvfb-run; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing: apt-get install -y ffmpeg xvfb" >&2; exit 1; }
done
speed=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/handshake"

# Runs inside Xvfb: the tour in the background; ffmpeg records the screen between the tour's "start" and
# "stop" files (the tour waits for "recording" before it goes on).
cat > "$work/record.sh" <<'INNER'
set -euo pipefail
work=$1
speed=$2
hs="$work/handshake"
./mvnw -B -q verify -pl console -am -DskipITs -Dspotbugs.skip=true -Djacoco.skip=true \
  -Dtest=ScreenshotTourTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dscreenshots.dir="$work/shots" -Dscreenshots.speed="$speed" -Dtour.recording="$hs" &
tour=$!
while [ ! -e "$hs/start" ]; do
  kill -0 "$tour" 2>/dev/null || { wait "$tour"; echo "error: the tour ended before the recording started" >&2; exit 1; }
  sleep 0.2
done
ffmpeg -nostdin -loglevel error -f x11grab -framerate 10 -video_size 1440x900 -draw_mouse 1 -i "$DISPLAY" \
  -c:v libx264 -preset ultrafast -qp 0 "$work/raw.mkv" &
recorder=$!
sleep 1
touch "$hs/recording"
while [ ! -e "$hs/stop" ] && kill -0 "$tour" 2>/dev/null; do
  sleep 0.2
done
kill -INT "$recorder"
wait "$recorder" || true
wait "$tour"
INNER

xvfb-run -a -s "-screen 0 1440x900x24" bash "$work/record.sh" "$work" "$speed"

ffmpeg -nostdin -loglevel error -y -i "$work/raw.mkv" -c:v libx264 -preset slow -crf 30 -pix_fmt yuv420p \
  -movflags +faststart docs/demo.mp4
ffmpeg -nostdin -loglevel error -y -i "$work/raw.mkv" -filter_complex \
  "fps=8,scale=960:-1:flags=lanczos,split[a][b];[a]palettegen=max_colors=96:stats_mode=diff[p];[b][p]paletteuse=dither=none:diff_mode=rectangle" \
  docs/demo.gif
if command -v gifsicle >/dev/null; then
  gifsicle -O3 --batch docs/demo.gif
fi
ls -la docs/demo.gif docs/demo.mp4
