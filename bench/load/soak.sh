#!/usr/bin/env bash
# Soak (issue 8): the agent under a steady mixed load for MINUTES, its memory sampled every minute.
#   bench/load/soak.sh [MINUTES=30] [HOSTS=50] [RATE=50] [SSE_CLIENTS=50]
# HOSTS replayed hosts at the 5 s interval, every sample scored; RATE requests a second (SteadyLoad.java:
# status, series, anomalies, logs, options, chat, dry-run remediations that each write an audit record);
# SSE_CLIENTS open /events streams. Every minute: RSS, heap used and committed, and the heap left after
# a full GC (the live set: what would grow if something leaked). JVM options: BENCH_JAVA_OPTS (default
# -Xmx1g). Output also goes to bench/load/results/soak-<UTC time>.txt.
. "$(dirname "$0")/../lib.sh"
minutes=${1:-30}
hosts=${2:-50}
rate=${3:-50}
sse=${4:-50}
java_opts=${BENCH_JAVA_OPTS:--Xmx1g -XX:+ExitOnOutOfMemoryError}
work=$BENCH_WORK
bench_results bench/load/results soak
results=$BENCH_RESULTS
token=bench-operator-token-0123456789
bench_fleet_csvs "$work/fleet" "$hosts" 8640 'host-%d.csv' 0  # 12 hours at 5 s, looped
cat > "$work/agent.yaml" <<YAML
chat:
  rate_limit_per_minute: 10000
aws:
  sns_topic_arn: arn:aws:sns:eu-west-1:123456789012:soak
YAML
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')  # a free loopback port of its own
bench_start_agent $port SMARTCLOUDOPS_OPERATOR_TOKEN=$token SMARTCLOUDOPS_LOGS_DIR="$work/logs" -- \
  --config "$work/agent.yaml" --source "replay:$work/fleet?loop=true"
"$JAVA_HOME/bin/java" bench/load/SteadyLoad.java "http://127.0.0.1:$port" "$token" "$rate" "$sse" $((minutes * 60 + 30)) \
  > "$work/load.txt" 2>&1 &
load_pid=$!
BENCH_PIDS+=("$load_pid")
heap() { bench/jvm-heap.sh $agent_pid "$@" | awk '{ printf "%.0f %.0f", $1 / 1024, $2 / 1024 }'; }  # "used committed" in MB
echo "$(bench_machine); $hosts hosts, $rate req/s, $sse SSE clients; JVM: $java_opts"
printf '%-5s %-8s %-14s %-16s %-10s %s\n' min rss_MB heap_used_MB heap_committed_MB live_MB audit_records
for m in $(seq 1 "$minutes"); do
  sleep 60
  read -r used committed <<<"$(heap)"
  read -r live _ <<<"$(heap --full-gc)"
  records=$(cat "$work"/logs/remediation-*.jsonl 2>/dev/null | wc -l)
  printf '%-5s %-8s %-14s %-16s %-10s %s\n' "$m" "$(bench_rss_mb)" "$used" "$committed" "$live" "$records"
done
wait $load_pid || true
echo "requests by kind and status:"
cat "$work/load.txt"
bench_log_summary
grep ' ERROR ' "$work/agent.log" | head -5 || true
echo "results in $results"
