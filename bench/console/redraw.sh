#!/usr/bin/env bash
# Dashboard redraw benchmark: 7 metrics x 5,760 points (24 h at 15 s) of one host on the 24 h range,
# a live sample and a redraw every second; JavaFX pulse intervals and redraw times, with LTTB and
# without (baseline). Under Xvfb with software rendering, as the tests run.
#   bench/console/redraw.sh [SECONDS]   (default 60 per variant)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
seconds=${1:-60}
out="$PWD/bench/console/redraw-result.txt"
# The test JVM gets run.sh's JIT choice (C1 only), as the console runs for users.
run=(./mvnw -B -q verify -pl console -am -DskipITs -Dspotbugs.skip=true -Djacoco.skip=true -DargLine=-XX:TieredStopAtLevel=1
     -Dtest=DashboardRedrawBench -Dsurefire.failIfNoSpecifiedTests=false
     -Dbench.redraw=true -Dbench.seconds="$seconds" -Dbench.out="$out")
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}"
else
  "${run[@]}"
fi
cat "$out"
