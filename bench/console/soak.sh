#!/usr/bin/env bash
# Console soak benchmark: the console with its embedded agent replaying 20 hosts (15 s rows at speed 8: one
# row every 1.9 s each, so the embedded detector has learnt every host and holds its models before minute 5;
# CPU incidents on ten hosts raise anomalies from then on), driven through every screen by a robot (xdotool: screen
# shortcuts, host and range changes, the anomaly search, the chat, the help, the theme, a Model report
# enlarged, and a resize between 1024x700 and 1440x900 every cycle), for MINUTES with the JVM options
# run.sh ships. Once a minute, at the same window size (1440x900: the size changes what the software
# pipeline's pictures take): a full collection (jcmd GC.run) and the heap it leaves, the RSS, and the
# intervals between JavaFX pulses (--report-pulses). Prints one line a minute and a summary; the heap is
# flat when it grows by at most 10 % from minute 5 to the end.
#   bench/console/soak.sh [MINUTES]   (default 30; SOAK_HEAP_DUMP=FILE writes a heap dump at the end)
# Needs Debian's xvfb and xdotool. The full collections stall the UI for a moment each minute: they show
# in the pulse maximum, not in the p99 (one pulse in thousands).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
minutes=${1:-30}
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing: apt-get install -y xvfb xdotool" >&2; exit 1; }
done
jar=${CONSOLE_JAR:-console/target/smartcloudops-console.jar}
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl console -am
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# 20 hosts, 15 s rows for MINUTES + 10 of replay at speed 8; hosts 0-9 each get CPU incidents (rows 150+,
# every 150 rows, 12 rows long).
python3 - "$work/hosts" "$minutes" <<'PY'
import math, os, random, sys, datetime
out, minutes = sys.argv[1], int(sys.argv[2])
os.makedirs(out)
rows = (minutes + 10) * 32
start = datetime.datetime(2026, 1, 5)
rnd = random.Random(18)
for h in range(20):
    spikes = [] if h >= 10 else [(150 + 13 * h + k * 150, 12) for k in range(rows // 150)]
    with open(os.path.join(out, f"host-{h:02d}.csv"), "w") as f:
        f.write("timestamp,cpu,mem,disk,disk_io,net_in,net_out,load1\n")
        for i in range(rows):
            t = (start + datetime.timedelta(seconds=15 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")
            s = math.sin(i / 40.0 + h)
            cpu = 30 + 10 * s + rnd.gauss(0, 2)
            load = 1 + 0.5 * s + rnd.gauss(0, 0.1)
            if any(a <= i < a + n for a, n in spikes):
                cpu, load = 96 + rnd.gauss(0, 1.5), 7 + rnd.gauss(0, 0.5)
            f.write(f"{t},{min(100, max(0, cpu)):.1f},{55 + 5 * s + rnd.gauss(0, 1):.1f},{60 + h:.1f},"
                    f"{5 + 3 * s + rnd.gauss(0, 0.5):.2f},{120000 + 40000 * s:.0f},{80000 - 25000 * s:.0f},{max(0, load):.2f}\n")
PY

display=":$((200 + RANDOM % 300))"
Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1
export DISPLAY=$display

# shellcheck disable=SC2206
jvm_opts=(${CONSOLE_JVM_OPTS:-$(sed -n 's/^console_jvm_opts="\(.*\)"$/\1/p' run.sh)})
XDG_DATA_HOME="$work/data" "$JAVA_HOME/bin/java" "${jvm_opts[@]}" -Xlog:gc:file="$work/gc.log" -jar "$jar" \
  --source "replay:$work/hosts?speed=8" --bind 127.0.0.1:0 --settings-dir "$work/settings" \
  --report-pulses "$work/pulses.csv" >"$work/console.log" 2>&1 &
console=$!
pids+=("$console")
window=""
for _ in $(seq 60); do
  window=$(xdotool search --name "Smart Cloud Ops AI" 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
  sleep 1
done
[ -n "$window" ] || { echo "error: the console window did not appear" >&2; cat "$work/console.log" >&2; exit 1; }

key() { xdotool key --window "$window" "$@"; sleep 0.7; }
type_text() { xdotool type --window "$window" --delay 40 "$1"; sleep 0.5; }
# One pass over every screen, about 40 s.
tour() {
  local big=$1 w h
  if [ "$big" = 1 ]; then w=1440; h=900; else w=1024; h=700; fi
  xdotool windowsize "$window" "$w" "$h"
  xdotool mousemove --window "$window" $((w / 2)) $((h / 2))
  sleep 1
  key ctrl+1; key alt+Down; key alt+Down; key alt+2; key alt+4; key alt+1
  key ctrl+2; key ctrl+f; type_text "cpu"; key ctrl+a BackSpace
  key ctrl+3
  key ctrl+4
  key ctrl+5; xdotool mousemove --window "$window" $((w * 3 / 4)) $((h / 3)) click 1; sleep 2; key Escape
  key ctrl+comma
  key F1; key Escape
  key ctrl+k; type_text "which host is busiest?"; key Return
  key ctrl+k; type_text "what happened to host-03 in the last hour?"; key Return
  key ctrl+t; key ctrl+t
  key ctrl+1
}

rss_of() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }
heap_after_gc() {
  xdotool windowsize "$window" 1440 900
  sleep 2
  "$JAVA_HOME/bin/jcmd" "$console" GC.run >/dev/null
  sleep 1
  sed -n 's/.*Pause Full (Diagnostic Command) [0-9]*M->\([0-9]*\)M.*/\1/p' "$work/gc.log" | tail -1
}

echo "minute heap_after_full_gc_MB rss_MB pulses p50_ms p99_ms max_ms"
start=$(date +%s)
big=1
for m in $(seq "$minutes"); do
  while [ $(( $(date +%s) - start )) -lt $((m * 60 - 5)) ]; do
    tour "$big"
    big=$((1 - big))
  done
  while [ $(( $(date +%s) - start )) -lt $((m * 60)) ]; do sleep 1; done
  kill -0 "$console" 2>/dev/null || { echo "error: the console exited" >&2; tail -20 "$work/console.log" >&2; exit 1; }
  heap=$(heap_after_gc)
  rss=$(rss_of "$console")
  pulse=$(grep ',minute,' "$work/pulses.csv" | tail -1 | cut -d, -f3-6 | tr , ' ')
  echo "$m $heap $rss $pulse" | tee -a "$work/minutes.txt"
done

total=$(grep ',total,' "$work/pulses.csv" | tail -1 | cut -d, -f3-6)
awk -v total="$total" '
  $1 == 5 { h5 = $2 }
  { last = $2; rss = $3; if ($2 > max) max = $2 }
  END {
    split(total, t, ",")
    printf "heap after full GC: minute 5 %d MB, end %d MB (%+.1f %%), max %d MB; RSS at the end %d MB\n", h5, last, (last - h5) * 100 / h5, max, rss
    printf "pulse intervals over the run: %d pulses, p50 %d ms, p99 %d ms, max %d ms\n", t[1], t[2], t[3], t[4]
    printf "heap flat (<= 10 %% growth after minute 5): %s\n", ((last - h5) * 100 / h5 <= 10 ? "yes" : "NO")
  }' "$work/minutes.txt"
grep -c 'Pause Full (Allocation Failure)' "$work/gc.log" | sed 's/^/full collections the heap itself needed: /' || true
if [ -n "${SOAK_HEAP_DUMP:-}" ]; then
  "$JAVA_HOME/bin/jcmd" "$console" GC.heap_dump "$SOAK_HEAP_DUMP" >/dev/null
fi
