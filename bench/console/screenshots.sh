#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png, the pictures of docs/walkthrough.md and the README: the console
# against a real agent started as users start it (packaging/bin/smartcloudops-agent: the launcher's JVM
# options, so the dashboard shows the agent's footprint users see) replaying the incident of
# bench/console/incident (web-1's CPU saturates at row 180), clicked through under Xvfb by
# ScreenshotTourTest at 1440x900, then the main screens again at 1024x700 (*-1024.png). Takes about five
# minutes: the detector learns every host for 120 samples before it scores.
#   bench/console/screenshots.sh [SPEED]   replay speed (default 5: the incident's 5 s rows arrive once a second)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
speed=${1:-5}
out="$PWD/docs/screenshots"
mkdir -p "$out"
run=(./mvnw -B -q verify -pl console -am -DskipITs -Dspotbugs.skip=true -Djacoco.skip=true
     -Dtest=ScreenshotTourTest,OncallLiveTest -Dsurefire.failIfNoSpecifiedTests=false
     -Dscreenshots.dir="$out" -Dscreenshots.speed="$speed")
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1440x900x24" "${run[@]}"
else
  "${run[@]}"
fi
ls -la "$out"
