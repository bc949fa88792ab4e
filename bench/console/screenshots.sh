#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png: the console against a real agent replaying the test scenario
# (console/src/test/resources/scenario), one picture per screen, under Xvfb.
#   bench/console/screenshots.sh [SECONDS_OF_DATA [SPEED]]   (defaults 60 and 15: charts fill as the replay
#   runs; the scenario's CPU spike on web-1 comes at row 240, so SPEED 150 and 40 s show it as an anomaly)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
seconds=${1:-60}
speed=${2:-15}
out="$PWD/docs/screenshots"
mkdir -p "$out"
run=(./mvnw -B -q verify -pl console -am -DskipITs -Dspotbugs.skip=true -Djacoco.skip=true
     -Dtest=ScreenshotTourTest -Dsurefire.failIfNoSpecifiedTests=false
     -Dscreenshots.dir="$out" -Dscreenshots.seconds="$seconds" -Dscreenshots.speed="$speed")
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}"
else
  "${run[@]}"
fi
ls -la "$out"
