#!/usr/bin/env bash
# Soak (issue 8): the agent under a steady mixed load for MINUTES, its memory sampled every minute.
#   bench/load/soak.sh [MINUTES=30] [HOSTS=50] [RATE=50] [SSE_CLIENTS=50]
# HOSTS replayed hosts at the 5 s interval, every sample scored; RATE requests a second (SteadyLoad.java:
# status, series, anomalies, logs, options, chat, dry-run remediations that each write an audit record);
# SSE_CLIENTS open /events streams. Every minute: RSS, heap used and committed, and the heap left after
# a full GC (the live set: what would grow if something leaked). JVM options: BENCH_JAVA_OPTS (default
# -Xmx1g). Output also goes to bench/load/results/soak-<UTC time>.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
minutes=${1:-30}
hosts=${2:-50}
rate=${3:-50}
sse=${4:-50}
java_opts=${BENCH_JAVA_OPTS:--Xmx1g -XX:+ExitOnOutOfMemoryError}
[ -f agent/target/smartcloudops-agent.jar ] || ./mvnw -B -q -DskipTests package -pl agent -am
jar=agent/target/smartcloudops-agent.jar
work=$(mktemp -d)
mkdir -p bench/load/results
results=bench/load/results/soak-$(date -u +%Y%m%dT%H%M%SZ).txt
exec > >(tee "$results") 2>&1
cleanup() {
  [ -n "${agent_pid:-}" ] && kill "$agent_pid" 2>/dev/null || true
  [ -n "${load_pid:-}" ] && kill "$load_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
token=bench-operator-token-0123456789
mkdir -p "$work/fleet"
for h in $(seq 1 "$hosts"); do
  awk -v h="$h" 'BEGIN { srand(h); pi = 3.14159265; print "timestamp,cpu,mem,disk,disk_io,net_in,net_out,load1"
    for (i = 0; i < 8640; i++) {  # 12 hours at 5 s, looped
      w = sin(2 * pi * i / 8640 + h)
      printf "%s,%.1f,%.1f,%.1f,%.1f,%.0f,%.0f,%.2f\n", strftime("%Y-%m-%d %H:%M:%S", 1793491200 + i * 5, 1),
        25 + 10 * w + 4 * rand(), 50 + 3 * w + rand(), 40, 5 + 3 * rand(),
        100000 + 30000 * w + 10000 * rand(), 50000 + 15000 * w + 5000 * rand(), 0.6 + 0.3 * w + 0.1 * rand() } }' \
    > "$work/fleet/host-$h.csv"
done
cat > "$work/agent.yaml" <<YAML
chat:
  rate_limit_per_minute: 10000
aws:
  sns_topic_arn: arn:aws:sns:eu-west-1:123456789012:soak
YAML
port=18381
# shellcheck disable=SC2086
SMARTCLOUDOPS_OPERATOR_TOKEN=$token SMARTCLOUDOPS_LOGS_DIR="$work/logs" \
  "$JAVA_HOME/bin/java" $java_opts --enable-native-access=ALL-UNNAMED -jar "$jar" serve --config "$work/agent.yaml" \
  --bind 127.0.0.1:$port --source "replay:$work/fleet?loop=true" > "$work/agent.log" 2>&1 &
agent_pid=$!
for i in $(seq 1 200); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  kill -0 $agent_pid 2>/dev/null || { echo "agent exited:"; tail -20 "$work/agent.log"; exit 1; }
  sleep 0.5
done
"$JAVA_HOME/bin/java" bench/load/SteadyLoad.java "http://127.0.0.1:$port" "$token" "$rate" "$sse" $((minutes * 60 + 30)) \
  > "$work/load.txt" 2>&1 &
load_pid=$!
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$agent_pid/status"; }
# "garbage-first heap   total reserved 1048576K, committed 65536K, used 33261K [...]" -> "used committed" in MB
heap() { "$JAVA_HOME/bin/jcmd" $agent_pid GC.heap_info | grep -o 'committed [0-9]*K, used [0-9]*K' | head -1 | awk '{ gsub(/[K,]/, ""); printf "%.0f %.0f", $4 / 1024, $2 / 1024 }'; }
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $hosts hosts, $rate req/s, $sse SSE clients; JVM: $java_opts"
printf '%-5s %-8s %-14s %-16s %-10s %s\n' min rss_MB heap_used_MB heap_committed_MB live_MB audit_records
for m in $(seq 1 "$minutes"); do
  sleep 60
  read -r used committed <<<"$(heap)"
  "$JAVA_HOME/bin/jcmd" $agent_pid GC.run > /dev/null
  read -r live _ <<<"$(heap)"
  records=$(cat "$work"/logs/remediation-*.jsonl 2>/dev/null | wc -l)
  printf '%-5s %-8s %-14s %-16s %-10s %s\n' "$m" "$(rss)" "$used" "$committed" "$live" "$records"
done
wait $load_pid || true
echo "requests by kind and status:"
cat "$work/load.txt"
echo "agent log: $(grep -c ' ERROR ' "$work/agent.log" || true) errors, $(grep -c ' WARN ' "$work/agent.log" || true) warnings"
grep ' ERROR ' "$work/agent.log" | head -5 || true
echo "results in $results"
