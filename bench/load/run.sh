#!/usr/bin/env bash
# Load benchmark of the agent's HTTP API on loopback (issue 8). Prints one line per endpoint.
#   bench/load/run.sh [DURATION_SECONDS=60] [CONNECTIONS=64] [SSE_CLIENTS=1000] [WARMUP_SECONDS=10]
# Needs wrk (apt-get install wrk). Starts a replaying agent and a bare server of the same HTTP stack
# (the ceiling), both on 127.0.0.1, and stops them at the end. The ceiling is measured right before and
# right after /status; the ratio uses their mean, so drift on a shared machine shows up as a gap between them.
# JVM options of both servers: BENCH_JAVA_OPTS (default -Xmx1g, so memory figures do not depend on the
# machine's RAM; BENCH_JAVA_OPTS=@launcher uses what packaging/agent-jvm-options computes for the bench
# configuration). JAR: the agent jar (default the built one). Both servers bind free loopback ports. With
# -XX:NativeMemoryTracking=summary in the agent's options, each phase also prints where its memory is.
# Output is also written to bench/load/results/load-<UTC time>.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
duration=${1:-60}
conns=${2:-64}
sse_clients=${3:-1000}
warmup=${4:-10}
java_opts=${BENCH_JAVA_OPTS:--Xmx1g -XX:+ExitOnOutOfMemoryError}
command -v wrk >/dev/null || { echo "error: wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -n "${JAR:-}" ] || [ -f agent/target/smartcloudops-agent.jar ] || ./mvnw -B -q -DskipTests package -pl api,agent
jar=${JAR:-agent/target/smartcloudops-agent.jar}
work=$(mktemp -d)
mkdir -p bench/load/results
results=bench/load/results/load-$(date -u +%Y%m%dT%H%M%SZ).txt
exec > >(tee "$results") 2>&1
cleanup() {
  for p in ${agent_pid:-} ${bare_pid:-}; do kill "$p" 2>/dev/null || true; done
  # only the servers: a bare `wait` would also wait for the tee below, which waits for this script (a hang)
  for p in ${agent_pid:-} ${bare_pid:-}; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
token=bench-operator-token-0123456789
query_tokens=64
export BENCH_QUERY_TOKENS=$query_tokens BENCH_QUERY_TOKEN_PREFIX=bench-viewer-

# a fleet of 20 replayed hosts, one 5-minute row a second each (speed 300), looping
mkdir -p "$work/fleet"
for h in $(seq 1 20); do
  awk -v h="$h" 'BEGIN { print "timestamp,cpu,mem,disk,disk_io,net_in,net_out,load1"
    for (i = 0; i <= 2000; i++)  # 2026-11-01 00:00 UTC + i * 5 min
      printf "%s,%d,%d,55,3,%d,%d,0.5\n", strftime("%Y-%m-%d %H:%M:%S", 1793491200 + i * 300, 1),
        10 + (i * 7 + h) % 30, 40 + (i + h) % 10, 1000 * (i % 50), 500 * (i % 50) }' > "$work/fleet/host-$h.csv"
done

# The bench agent's configuration: collection every second (so SSE lag is not dominated by a 5 s interval),
# the chat limit at its maximum, and $query_tokens viewer tokens for /query (see query.lua).
{ echo "source:"
  echo "  interval: 1s"
  echo "chat:"
  echo "  rate_limit_per_minute: 10000"
  echo "auth:"
  echo "  tokens:"
  for i in $(seq 0 $((query_tokens - 1))); do
    echo "    - {name: bench-$i, role: viewer, sha256: $(printf '%s' "bench-viewer-$i" | sha256sum | cut -d' ' -f1)}"
  done; } > "$work/agent.yaml"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
agent_port=$(free_port)
bare_port=$(free_port)
agent_opts=$java_opts
read -r -a agent_java <<< "$JAVA_HOME/bin/java $agent_opts --enable-native-access=ALL-UNNAMED -jar $jar serve"
if [ "$java_opts" = "@launcher" ]; then  # as systemd and the container start it (AOT cache: a warm-up start first)
  SMARTCLOUDOPS_JAR=$(realpath "$jar")
  export SMARTCLOUDOPS_JAR SMARTCLOUDOPS_CACHE_DIR=${BENCH_AOT_CACHE_DIR-$work/cache}  # BENCH_AOT_CACHE_DIR= : no AOT cache
  agent_java=(packaging/bin/smartcloudops-agent)
  agent_opts="launcher: $(packaging/agent-jvm-options "$work/agent.yaml" --source "replay:$work/fleet")"
  # (recorded without Native Memory Tracking: the launcher records no cache with it, and uses this one)
  SMARTCLOUDOPS_JAVA_OPTS=$(echo "${SMARTCLOUDOPS_JAVA_OPTS:-}" | sed 's/-XX:NativeMemoryTracking=[a-z]*//g') \
  SMARTCLOUDOPS_LOGS_DIR="$work/warmup-logs" SMARTCLOUDOPS_OPERATOR_TOKEN=$token "${agent_java[@]}" --config "$work/agent.yaml" \
    --bind 127.0.0.1:$agent_port --source "replay:$work/fleet?speed=300&loop=true" > "$work/warmup.log" 2>&1 &
  warmup_pid=$!
  sleep 15
  kill $warmup_pid && wait $warmup_pid || true  # writes the AOT cache on its way out
  java_opts="-Xmx1g -XX:+ExitOnOutOfMemoryError"  # the bare server's
fi
# shellcheck disable=SC2086
SMARTCLOUDOPS_OPERATOR_TOKEN=$token SMARTCLOUDOPS_LOGS_DIR="$work/logs" \
  "${agent_java[@]}" --config "$work/agent.yaml" \
  --bind 127.0.0.1:$agent_port --source "replay:$work/fleet?speed=300&loop=true" > "$work/agent.log" 2>&1 &
agent_pid=$!
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" $java_opts -cp "$jar" bench/load/BareServer.java $bare_port > "$work/bare.log" 2>&1 &
bare_pid=$!
for i in $(seq 1 200); do
  curl -sf "http://127.0.0.1:$agent_port/healthz" >/dev/null && curl -sf "http://127.0.0.1:$bare_port/bare" >/dev/null && break
  kill -0 $agent_pid 2>/dev/null || { echo "agent exited:"; cat "$work/agent.log"; exit 1; }
  sleep 0.3
done
sleep 5  # let every host get samples

rss() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
cpu_ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }  # user + system, after the "(comm)" field
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) print v/1000; else if (v ~ /ms$/) print v+0; else if (v ~ /s$/) print v*1000; else print v }'; }
declare -A RPS P99
run_wrk() {  # name url [extra wrk args]
  local name=$1 url=$2; shift 2
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url")
  if [ "$name" != query ] && [ "$code" != 200 ]; then
    printf '%-12s skipped: GET answered %s (route not in this build?)\n' "$name" "$code"
    return
  fi
  wrk -t2 -c"$conns" -d"${warmup}s" -H "Authorization: Bearer $token" "$@" "$url" > /dev/null
  local server=$agent_pid
  [[ $name == ceiling* ]] && server=$bare_pid
  local cpu0
  cpu0=$(cpu_ticks "$server")
  local out
  out=$(wrk -t2 -c"$conns" -d"${duration}s" --latency -H "Authorization: Bearer $token" "$@" "$url")
  local rps p50 p99 total non2xx sock
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  total=$(awk '/requests in/ {print $1}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  sock=$(awk '/Socket errors/ {sub(/.*Socket errors: /, ""); print}' <<<"$out")
  RPS[$name]=$rps
  P99[$name]=$(to_ms "$p99")
  # the server's CPU time over the phase: requests per CPU second depend less on the machine's load than req/s
  local cpu_s
  cpu_s=$(awk -v a="$cpu0" -v b="$(cpu_ticks "$server")" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (b - a) / hz }')
  printf '%-12s %10s req/s  p50 %-8s p99 %-8s requests %-9s non-2xx %-6s socket errors: %-36s RSS %s MB; server CPU %s s, %s requests a CPU second\n' \
    "$name" "$rps" "$p50" "$p99" "$total" "${non2xx:-0}" "${sock:-none}" "$(rss $agent_pid)" "$cpu_s" \
    "$(awk -v t="$total" -v c="$cpu_s" 'BEGIN { t = t + 0; if (c > 0) printf "%.0f", t / c; else print "-" }')"
  nmt
}
# With -XX:NativeMemoryTracking=summary among the agent's options (BENCH_JAVA_OPTS, or SMARTCLOUDOPS_JAVA_OPTS
# with @launcher): where its memory is after each phase.
nmt() { if tr '\0' ' ' < "/proc/$agent_pid/cmdline" | grep -q NativeMemoryTracking=summary; then echo "  $(bench/jvm-native.sh $agent_pid); $(rss_split)"; fi; }
# Resident memory by kind: anonymous (heap, code, malloc) and file-backed (the jar, libjvm, the AOT cache's mapping).
rss_split() {
  awk '/^RssAnon/ { a = $2 } /^RssFile/ { f = $2 } END { printf "resident: anon %.0f MB, file %.0f MB", a / 1024, f / 1024 }' "/proc/$agent_pid/status"
  awk '/^[0-9a-f]+-[0-9a-f]+ / { aot = ($NF ~ /\.aot$/) } aot && /^Rss:/ { kb += $2 } END { if (kb) printf " (AOT cache %.0f MB)", kb / 1024 }' "/proc/$agent_pid/smaps"
}
# RSS every second over the whole run: the request phases' peaks (the JIT's arenas while /query compiles) can pass
# the /events phase's, which the phase lines (RSS at each phase's end) miss.
( while kill -0 $agent_pid 2>/dev/null; do rss $agent_pid; echo; sleep 1; done ) > "$work/all-rss.txt" 2>/dev/null &
all_sampler=$!
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "duration ${duration}s after ${warmup}s warm-up, ${conns} connections, wrk -t2; agent JVM: $agent_opts; jar $(du -m "$jar" | cut -f1) MB"
env | grep -E '^(MALLOC_|GLIBC_TUNABLES=)' | sed 's/^/agent environment: /' || true  # glibc's malloc settings, when a run sets them
echo "agent pid $agent_pid RSS at start $(rss $agent_pid) MB; bare server RSS $(rss $bare_pid) MB"
nmt
run_wrk ceiling-1 "http://127.0.0.1:$bare_port/bare"
run_wrk status "http://127.0.0.1:$agent_port/status"
run_wrk ceiling-2 "http://127.0.0.1:$bare_port/bare"
awk -v s="${RPS[status]}" -v a="${RPS[ceiling-1]}" -v b="${RPS[ceiling-2]}" -v p="${P99[status]}" 'BEGIN {
  r = s / ((a + b) / 2); printf "status/ceiling = %.2f (target >= 0.70: %s); status p99 %.2f ms (target < 10 ms: %s)\n",
  r, (r >= 0.70 ? "met" : "MISSED"), p, (p < 10 ? "met" : "MISSED") }'
run_wrk series "http://127.0.0.1:$agent_port/series?host=host-1&metric=cpu&since=15m"
run_wrk anomalies "http://127.0.0.1:$agent_port/anomalies?limit=20"
run_wrk query "http://127.0.0.1:$agent_port/query" -s bench/load/query.lua
peak=0
( while kill -0 $agent_pid 2>/dev/null; do r=$(rss $agent_pid); echo "$r"; sleep 2; done ) > "$work/sse-rss.txt" &
sampler=$!
( sleep $((duration * 4 / 5)); nmt > "$work/sse-nmt.txt" ) &
nmt_sampler=$!
"$JAVA_HOME/bin/java" bench/load/SseClients.java "http://127.0.0.1:$agent_port" "$token" "$sse_clients" "$duration"
kill $sampler 2>/dev/null || true
wait $nmt_sampler 2>/dev/null || true
peak=$(sort -n "$work/sse-rss.txt" | tail -1)
echo "agent RSS peak during SSE ${peak} MB; at end $(rss $agent_pid) MB"
kill $all_sampler 2>/dev/null || true
echo "agent RSS peak over the whole run (sampled every second) $(sort -n "$work/all-rss.txt" | tail -1) MB"
cat "$work/sse-nmt.txt"
echo "agent heap after a full GC: $(bench/jvm-heap.sh $agent_pid --full-gc | awk '{ printf "used %.1f MB of %.1f MB committed", $1 / 1024, $2 / 1024 }')"
echo "agent log warnings/errors: $(grep -cE ' (WARN|ERROR) ' "$work/agent.log" || true)"
# (a refused host, say, explains fewer events: the store takes as many hosts as the heap holds, store.HostCapacity)
grep -E ' (WARN|ERROR) ' "$work/agent.log" | head -3 | cut -c1-300 | sed 's/^/  agent log: /' || true
echo "results in $results"
