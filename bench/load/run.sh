#!/usr/bin/env bash
# Load benchmark of the agent's HTTP API on loopback (issue 8). Prints one line per endpoint.
#   bench/load/run.sh [DURATION_SECONDS=60] [CONNECTIONS=64] [SSE_CLIENTS=1000]
# Needs wrk (apt-get install wrk). Starts a replaying agent and a bare server of the same HTTP stack
# (the ceiling), both on 127.0.0.1, and stops them at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
duration=${1:-60}
conns=${2:-64}
sse_clients=${3:-1000}
command -v wrk >/dev/null || { echo "error: wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f agent/target/smartcloudops-agent.jar ] || ./mvnw -B -q -DskipTests package -pl agent -am
jar=agent/target/smartcloudops-agent.jar
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
token=bench-operator-token-0123456789
export BENCH_TOKEN=$token

# a fleet of 20 replayed hosts, one 5-minute row a second each (speed 300), looping
mkdir -p "$work/fleet"
for h in $(seq 1 20); do
  { echo "timestamp,cpu,mem,disk,disk_io,net_in,net_out,load1"
    for i in $(seq 0 2000); do
      printf '%s,%d,%d,55,3,%d,%d,0.5\n' "$(date -u -d "2026-11-01 00:00:00 UTC + $((i*5)) minutes" '+%Y-%m-%d %H:%M:%S')" \
        $((10 + (i*7+h) % 30)) $((40 + (i+h) % 10)) $((1000 * (i % 50))) $((500 * (i % 50)))
    done; } > "$work/fleet/host-$h.csv" &
done
wait
agent_port=18181
bare_port=18182
SMARTCLOUDOPS_OPERATOR_TOKEN=$token SMARTCLOUDOPS_LOGS_DIR="$work/logs" \
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" serve --bind 127.0.0.1:$agent_port \
  --source "replay:$work/fleet?speed=300&loop=true" > "$work/agent.log" 2>&1 &
agent_pid=$!
"$JAVA_HOME/bin/java" -cp "$jar" bench/load/BareServer.java $bare_port > "$work/bare.log" 2>&1 &
for i in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$agent_port/healthz" >/dev/null && curl -sf "http://127.0.0.1:$bare_port/bare" >/dev/null && break
  sleep 0.3
done
sleep 5  # let every host get samples

rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$agent_pid/status"; }
run_wrk() {  # name url [extra wrk args]
  local name=$1 url=$2; shift 2
  local out
  out=$(wrk -t2 -c"$conns" -d"${duration}s" --latency -H "Authorization: Bearer $token" "$@" "$url")
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out" | tr '\n' ' ')
  printf '%-12s %10s req/s  p50 %-8s p99 %-8s errors: %s  agent RSS %s MB\n' "$name" "$rps" "$p50" "$p99" "${errors:-none}" "$(rss)"
}
echo "duration ${duration}s, ${conns} connections, wrk -t2; agent pid $agent_pid, RSS at start $(rss) MB"
run_wrk bare "http://127.0.0.1:$bare_port/bare"
run_wrk status "http://127.0.0.1:$agent_port/status"
run_wrk series "http://127.0.0.1:$agent_port/series?host=host-1&metric=cpu&since=15m"
run_wrk anomalies "http://127.0.0.1:$agent_port/anomalies?limit=20"
run_wrk query "http://127.0.0.1:$agent_port/query" -s bench/load/query.lua
"$JAVA_HOME/bin/java" bench/load/SseClients.java "http://127.0.0.1:$agent_port" "$token" "$sse_clients" "$duration"
echo "agent RSS at end $(rss) MB"
