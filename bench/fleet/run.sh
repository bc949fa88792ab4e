#!/usr/bin/env bash
# The agent monitoring a simulated fleet (issue 8): HOSTS replayed host CSVs, one row every 5 s (the local
# interval), collected every 5 s, every sample scored by the detector. Runs the shaded jar as a process for
# MINUTES and prints, every 30 s: hosts learning/scoring, collections, mean and worst collection time (the
# time to collect, store, score and evaluate rules for the whole fleet: it must stay under the 5 s
# interval), overruns, CPU share of the machine, RSS. At the end: the collection-time distribution once every
# host is scoring, CPU share, memory per host (RSS and heap after a full GC).
#   bench/fleet/run.sh [HOSTS=1000] [MINUTES=25]
# JVM options: BENCH_JAVA_OPTS (default -Xmx3g); JAR: the agent jar. The agent binds a free loopback port.
# At the end: the store's bytes per host (/status components.store) against the rest of the heap per host
# (mostly the detector's state). Output also goes to bench/fleet/results/fleet-<UTC time>.txt.
. "$(dirname "$0")/../lib.sh"
BENCH_JAR=${JAR:-$BENCH_JAR}
hosts=${1:-1000}
minutes=${2:-25}
java_opts=${BENCH_JAVA_OPTS:--Xmx3g -XX:+ExitOnOutOfMemoryError}
work=$BENCH_WORK
bench_results bench/fleet/results fleet
results=$BENCH_RESULTS
token=bench-viewer-token-0123456789

# HOSTS CSVs of 720 rows (one hour at 5 s), a daily-looking wave plus noise, different per host; looped.
bench_fleet_csvs "$work/fleet" "$hosts" 720 'host-%04d.csv' 1
echo "generated $hosts host CSVs ($(du -sh "$work/fleet" | cut -f1))"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# every host stored whatever the heap holds by the sizing rule (store.max_hosts 0 would refuse the hosts beyond it):
# the point is what the whole fleet costs
bench_start_agent $port SMARTCLOUDOPS_VIEWER_TOKEN=$token SMARTCLOUDOPS_LOGS_DIR="$work/logs" \
  SMARTCLOUDOPS_STORE_MAX_HOSTS="${SMARTCLOUDOPS_STORE_MAX_HOSTS:-$hosts}" -- \
  --source "replay:$work/fleet?loop=true"

ticks=$(getconf CLK_TCK)
cores=$(nproc)
cpu_seconds() { awk -v t="$ticks" '{ print ($14 + $15) / t }' "/proc/$agent_pid/stat"; }
metric() { awk -v n="$1" '$1 == n { print $2; f = 1 } END { if (!f) print 0 }' "$work/metrics.txt"; }
buckets() { grep '^smartcloudops_collection_duration_seconds_bucket' "$work/metrics.txt" | sed 's/.*le="\([^"]*\)"} \(.*\)/\1 \2/'; }
scrape() {
  curl -sf "http://127.0.0.1:$port/metrics" > "$work/metrics.txt"
  curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/status" > "$work/status.json"
}
field() { grep -o "\"$1\":[0-9]*" "$work/status.json" | head -1 | cut -d: -f2; }

echo "$(bench_machine); JVM: $java_opts"
printf '%-6s %-9s %-9s %-7s %-10s %-9s %-9s %-8s %s\n' min learning scoring ticks mean_ms overruns anomalies cpu_% rss_MB
start=$(date +%s)
prev_cpu=$(cpu_seconds); prev_t=$start; prev_count=0; prev_sum=0
all_scoring_at=""
while [ $(( $(date +%s) - start )) -lt $(( minutes * 60 )) ]; do
  sleep 30
  scrape
  now=$(date +%s); cpu=$(cpu_seconds)
  count=$(metric smartcloudops_collection_duration_seconds_count); sum=$(metric smartcloudops_collection_duration_seconds_sum)
  share=$(awk -v a="$prev_cpu" -v b="$cpu" -v s="$prev_t" -v e="$now" -v c="$cores" 'BEGIN { printf "%.1f", 100 * (b - a) / ((e - s) * c) }')
  mean=$(awk -v c0="$prev_count" -v c1="$count" -v s0="$prev_sum" -v s1="$sum" 'BEGIN { if (c1 > c0) printf "%.0f", 1000 * (s1 - s0) / (c1 - c0); else print "-" }')
  learning=$(field hosts_learning); scoring=$(field hosts_scoring)
  printf '%-6s %-9s %-9s %-7s %-10s %-9s %-9s %-8s %s\n' "$(awk -v s=$((now - start)) 'BEGIN { printf "%.1f", s / 60 }')" \
    "${learning:-?}" "${scoring:-?}" "${count%.*}" "$mean" "$(metric smartcloudops_collection_overruns_total)" \
    "$(grep '^smartcloudops_anomalies_total' "$work/metrics.txt" | awk '{ s += $2 } END { print s + 0 }')" "$share" "$(bench_rss_mb)"
  if [ -z "$all_scoring_at" ] && [ "${scoring:-0}" = "$hosts" ]; then
    sleep 10; scrape  # past the tick in which the last hosts fitted their models
    all_scoring_at=$(date +%s); cpu_at_scoring=$(cpu_seconds); cp "$work/metrics.txt" "$work/metrics-scoring.txt"
  fi
  prev_cpu=$cpu; prev_t=$now; prev_count=$count; prev_sum=$sum
done
scrape
echo
echo "overrun warnings in the agent log: $(grep -c 'longer than the' "$work/agent.log" || true); longest: $(grep -o 'took [0-9]* ms' "$work/agent.log" | sort -k2 -n | tail -1)"
if [ -n "$all_scoring_at" ]; then
  end=$(date +%s); cpu=$(cpu_seconds)
  join <(grep '^smartcloudops_collection_duration_seconds_bucket' "$work/metrics-scoring.txt" | sed 's/.*le="\([^"]*\)"} \(.*\)/\1 \2/' | sort) \
       <(buckets | sort) | sort -g > "$work/delta.txt"
  awk '{ d[NR] = $3 - $2; le[NR] = $1 } END { n = d[NR]; for (i = 1; i <= NR; i++) {
          if (!p50 && d[i] >= 0.5 * n) p50 = le[i]; if (!p99 && d[i] >= 0.99 * n) p99 = le[i]; if (!pmax && d[i] >= n) pmax = le[i] }
        printf "once all %s hosts were scoring: %d collections, p50 <= %s s, p99 <= %s s, max <= %s s (histogram bucket bounds)\n",
          "'"$hosts"'", n, p50, p99, pmax }' "$work/delta.txt"
  awk -v a="$cpu_at_scoring" -v b="$cpu" -v s="$all_scoring_at" -v e="$end" -v c="$cores" -v h="$hosts" 'BEGIN {
    printf "CPU while scoring: %.1f%% of the machine (%.2f cores), %.2f ms of CPU per host per 5 s sample\n",
      100 * (b - a) / ((e - s) * c), (b - a) / (e - s), 1000 * (b - a) / ((e - s) / 5) / h }'
else
  echo "not every host was scoring within $minutes minutes"
fi
rss=$(bench_rss_mb)
heap=$(bench/jvm-heap.sh $agent_pid --full-gc | cut -d' ' -f1)
awk -v r="$rss" -v k="$heap" -v h="$hosts" 'BEGIN { printf "memory: RSS %d MB (%.0f KB per host); heap after a full GC %.0f MB (%.0f KB per host)\n", r, 1024 * r / h, k / 1024, k / h }'
scrape
store_bytes=$(grep -o '"store":{[^}]*}' "$work/status.json" | grep -o '"bytes":[0-9]*' | cut -d: -f2)
store_samples=$(grep -o '"store":{[^}]*}' "$work/status.json" | grep -o '"samples":[0-9]*' | cut -d: -f2)
awk -v s="${store_bytes:-0}" -v n="${store_samples:-0}" -v k="$heap" -v h="$hosts" 'BEGIN {
  printf "per host: samples %.0f KB (series store: %d samples, %.1f B each), everything else %.0f KB (detector state, learning buffers, the agent itself)\n",
    s / 1024 / h, n / h, (n > 0 ? s / n : 0), (k * 1024 - s) / 1024 / h }'
bench_log_summary
echo "results in $results"
