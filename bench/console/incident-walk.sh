#!/usr/bin/env bash
# Issue 18's acceptance walk: the console as run.sh starts it (its JVM options, the embedded agent) replaying
# bench/console/incident (web-1, web-2, db-1) in a window of one size, on an Xvfb screen of that size with no
# window manager, stepped through every screen for MINUTES by xdotool: the dashboard's hosts and ranges, an
# anomaly selected with its detail, Scale up... opened and cancelled, an Alertmanager alert acknowledged and
# its host snoozed in the on-call pane, Remediation, Logs with a filter, Model with a report enlarged, Settings,
# the help, the chat asked about hosts (its drawer closed with Escape at 1024 px). Controls are found by their id
# in the console's controls report (--report-controls: F12 writes where each control is), not at pixel rows a
# wrapped line moves; a control that is not there or disabled is counted as missed and named at the end, and
# "Scale up..." counts only when its confirm dialog opened. Every 30 s `jstat -gcutil`; every 2 minutes a full
# collection (jcmd GC.run) and the heap it leaves (jstat -gc); a screenshot of every screen on the first pass, of
# the anomaly and its dialog on the first pass that has one, and at the end (OUT/*.png, to look at). Prints the
# heap after each full collection, the walk's counts and the jstat lines.
#   bench/console/incident-walk.sh WIDTHxHEIGHT [MINUTES] [OUT]   e.g. 1024x700 10 /tmp/walk-1024
# Needs Debian's xvfb and xdotool, and ImageMagick's import for the screenshots.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
size=${1:?WIDTHxHEIGHT}
minutes=${2:-10}
out=${3:-$(mktemp -d)}
w=${size%x*}
h=${size#*x}
mkdir -p "$out"
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
operator=walk-operator-token-0123456789abcdef
webhook=walk-webhook-token-0123456789abcdef
mkdir -p "$work/settings"
cat >"$work/settings/agent.yaml" <<EOF
auth:
  operator_token: $operator
  webhook_token: $webhook
remediation:
  enabled: false
  allowed_units: [nginx]
  targets:
    web-1: {instance_id: i-0a1b2c3d4e5f60718, auto_scaling_group: asg-web}
EOF

display=":$((500 + RANDOM % 300))"
Xvfb "$display" -screen 0 "${w}x${h}x24" -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1
export DISPLAY=$display
# -Xlog:gc through the environment: run.sh's options stay as shipped
JAVA_TOOL_OPTIONS="-Xlog:gc:file=$out/gc.log" XDG_DATA_HOME="$work/data" XDG_CACHE_HOME="$work/cache" ./run.sh --source 'replay:bench/console/incident?speed=5' \
  --bind "127.0.0.1:$port" --settings-dir "$work/settings" --report-controls "$work/controls.tsv" >"$out/console.log" 2>&1 &
console=$!
pids+=("$console")
window=""
for _ in $(seq 90); do
  window=$(xdotool search --name "Smart Cloud Ops AI" 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
  sleep 1
done
[ -n "$window" ] || { echo "error: the console window did not appear" >&2; cat "$out/console.log" >&2; exit 1; }
xdotool windowmove "$window" 0 0
xdotool windowsize "$window" "$w" "$h"
"$JAVA_HOME/bin/jstat" -gcutil "$console" 30000 >"$out/jstat-gcutil.txt" 2>&1 &
pids+=($!)

key() { xdotool key --window "$window" "$@"; sleep 0.8; }
click() { xdotool mousemove --window "$window" "$1" "$2" click 1; sleep 0.8; }
type_text() { xdotool type --window "$window" --delay 30 "$1"; sleep 0.5; }
shot() { [ "$first" = 1 ] || [ "${2:-}" = last ] && import -window root "$out/$1.png" 2>/dev/null || true; }
alert() {
  local now
  now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  curl -s -o /dev/null -H "Authorization: Bearer $webhook" -H 'Content-Type: application/json' \
    "http://127.0.0.1:$port/webhooks/alertmanager" -d '{"version":"4","status":"firing","receiver":"smartcloudops",
    "groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://am","alerts":[{"status":"firing",
    "labels":{"alertname":"HighCPU","instance":"web-1:9100","severity":"critical"},"annotations":{"summary":"CPU above 90%"},
    "startsAt":"'"$now"'","endsAt":"0001-01-01T00:00:00Z","fingerprint":"walk'"$RANDOM"'"}]}' || true
}
# survivors + eden + old generation of `jstat -gc` (S0U S1U EU OU), in MB; metaspace is not heap
heap_after_gc() {
  "$JAVA_HOME/bin/jcmd" "$console" GC.run >/dev/null
  "$JAVA_HOME/bin/jstat" -gc "$console" | awk 'NR == 2 {printf "%.1f", ($3 + $4 + $6 + $8) / 1024}'
}

# Controls by id: F12 makes the console write its controls report (id, x, y, width, height of the part shown,
# whole|part, enabled|disabled, text; screen pixels, and the window is the screen: no window manager).
controls() {
  rm -f "$work/controls.tsv"
  xdotool key --window "$window" F12
  for _ in $(seq 30); do [ -f "$work/controls.tsv" ] && return 0; sleep 0.1; done
  echo "error: the console wrote no controls report" >&2
  return 1
}
# the report's line for the first control whose id matches the awk pattern $1 (anchored)
control() { awk -F'\t' -v re="^($1)\$" '$1 ~ re {print; exit}' "$work/controls.tsv"; }
shown() { controls && [ -n "$(control "$1")" ]; }
missed=()
miss() { missed+=("$1"); }
# click_id PATTERN: clicks the middle of the control's part in view; a control not shown, disabled, or shown less
# than 8 px high (scrolled nearly out) is missed
click_id() {
  controls || return 1
  local line _id x y cw ch _whole state text
  line=$(control "$1")
  if [ -z "$line" ]; then miss "$1: not shown"; return 1; fi
  IFS=$'\t' read -r _id x y cw ch _whole state text <<<"$line"
  if [ "$state" = disabled ]; then miss "$1: disabled ($text)"; return 1; fi
  if [ "$ch" -lt 8 ]; then miss "$1: ${ch} px in view"; return 1; fi
  xdotool mousemove "$((x + cw / 2))" "$((y + ch / 2))" click 1
  sleep 0.8
}
first=1
anomaly_seen=0
scale_tries=0
scale_dialogs=0
pass() {
  key ctrl+1; shot dashboard; key alt+Down; key alt+2; key alt+4; key alt+1
  key ctrl+2
  if shown 'anomaly-table/row/0'; then
    click_id 'anomaly-table/row/0'
    [ "$anomaly_seen" = 1 ] || { first_anomaly=1; anomaly_seen=1; }
    shot anomalies
    scale_tries=$((scale_tries + 1))
    if click_id anomaly-scale-up; then
      sleep 1
      if shown confirm-overlay; then
        scale_dialogs=$((scale_dialogs + 1))
        [ "${first_anomaly:-0}" = 1 ] && import -window root "$out/anomalies-scale-up.png" 2>/dev/null || true
      else
        miss "anomaly-scale-up: clicked, no confirm dialog"
      fi
      key Escape
    fi
    if [ "${first_anomaly:-0}" = 1 ]; then import -window root "$out/anomalies-selected.png" 2>/dev/null || true; first_anomaly=0; fi
  else
    shot anomalies
  fi
  key ctrl+f; type_text "cpu"; key ctrl+a BackSpace
  alert
  click_id 'oncall-alerts/row/0' && click_id oncall-acknowledge && shot anomalies-acknowledged
  if [ "$first" = 1 ] && click_id oncall-snooze; then key Down; key Down; key Return; shot anomalies-snoozed; fi
  key ctrl+3; shot remediation
  key ctrl+4; shot logs
  key ctrl+5; click_id 'model-report-[^/]*' && shot model-report; key Escape
  key ctrl+comma; shot settings
  key F1; shot help; key Escape
  key ctrl+k; type_text "which host is busiest?"; key Return; sleep 1
  key ctrl+k; type_text "what happened to web-1 in the last hour?"; key Return; sleep 1; shot chat
  # the drawer (below 1200 px) lies over the on-call pane: Escape closes it; the docked chat stays
  key Escape
  first=0
}

alert; alert; alert
start=$(date +%s)
echo "minute heap_after_full_gc_MB (every 2 minutes)"
for m in $(seq "$minutes"); do
  while [ $(( $(date +%s) - start )) -lt $((m * 60 - 3)) ]; do pass; done
  kill -0 "$console" 2>/dev/null || { echo "error: the console exited" >&2; tail -20 "$out/console.log" >&2; exit 1; }
  if [ $((m % 2)) = 0 ] || [ "$m" = 1 ]; then echo "$m $(heap_after_gc)" | tee -a "$out/heap.txt"; fi
done
first=0
for s in 1 2 3 4 5; do key "ctrl+$s"; shot "end-screen-$s" last; done
echo "RSS at the end: $(awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$console/status") MB"
echo "full collections by allocation failure: $(grep -c 'Pause Full (Allocation Failure)' "$out/gc.log" || true)"
echo "Scale up... opened its confirm dialog in $scale_dialogs of $scale_tries passes with an anomaly"
echo "missed controls: ${#missed[@]}"
[ "${#missed[@]}" = 0 ] || printf '%s\n' "${missed[@]}" | sort | uniq -c | sort -rn | head -20
cat "$out/jstat-gcutil.txt"
grep -iE 'exception|error' "$out/console.log" | sort | uniq -c | sort -rn | head -20 || true
