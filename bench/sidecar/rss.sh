#!/usr/bin/env bash
# The agent as a side-car (issue 17): watching only its own host (source local, 5 s interval, detector
# learning then scoring), its resident memory sampled every minute for MINUTES, plus the heap left after a
# full GC at the end. One agent per JVM-options variant, run side by side on free loopback ports, so the
# variants see the same machine load:
#   bench/sidecar/rss.sh [MINUTES=30] [VARIANT...]
# A VARIANT is NAME=JVM_OPTIONS (e.g. 'default=' 'sidecar=@launcher' where @launcher means started by
# packaging/bin/smartcloudops-agent, as systemd and the container start it; '@launcher:OPTIONS' adds OPTIONS
# through SMARTCLOUDOPS_JAVA_OPTS). JAR overrides the jar.
# Output also goes to bench/sidecar/results/rss-<UTC time>.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
minutes=${1:-30}
shift || true
[ $# -gt 0 ] || set -- "default=" "sidecar=@launcher"
jar=$(realpath "${JAR:-agent/target/smartcloudops-agent.jar}")
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl api,agent
work=$(mktemp -d)
mkdir -p bench/sidecar/results
results=bench/sidecar/results/rss-$(date -u +%Y%m%dT%H%M%SZ).txt
exec > >(tee "$results") 2>&1
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  # only the agents: a bare `wait` would also wait for the tee above, which waits for this script (a hang)
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
token=bench-viewer-token-0123456789
names=()
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); jar $(du -m "$jar" | cut -f1) MB"
for v in "$@"; do
  name=${v%%=*}; opts=${v#*=}
  dir="$work/$name"; mkdir -p "$dir"
  printf 'store:\n  retention: 24h\n' > "$dir/agent.yaml"
  port=$(free_port)
  extra=
  case "$opts" in @launcher:*) extra=${opts#@launcher:}; opts=@launcher ;; esac
  export SMARTCLOUDOPS_JAVA_OPTS=$extra
  if [ "$opts" = "@launcher" ]; then
    # a first start records the AOT cache and writes it when stopped; the measured start uses it
    (cd "$dir" && SMARTCLOUDOPS_VIEWER_TOKEN=$token SMARTCLOUDOPS_LOGS_DIR="$dir/logs" SMARTCLOUDOPS_JAR=$jar \
       SMARTCLOUDOPS_CACHE_DIR="$dir/cache" exec "$OLDPWD/packaging/bin/smartcloudops-agent" --config "$dir/agent.yaml" \
       --bind 127.0.0.1:$port > "$dir/warmup.log" 2>&1) &
    warmup=$!
    sleep 15
    kill "$warmup"; wait "$warmup" || true
    (cd "$dir" && SMARTCLOUDOPS_VIEWER_TOKEN=$token SMARTCLOUDOPS_LOGS_DIR="$dir/logs" SMARTCLOUDOPS_JAR=$jar \
       SMARTCLOUDOPS_CACHE_DIR="$dir/cache" exec "$OLDPWD/packaging/bin/smartcloudops-agent" --config "$dir/agent.yaml" \
       --bind 127.0.0.1:$port > "$dir/agent.log" 2>&1) &
  else
    # shellcheck disable=SC2086
    (cd "$dir" && SMARTCLOUDOPS_VIEWER_TOKEN=$token SMARTCLOUDOPS_LOGS_DIR="$dir/logs" exec "$JAVA_HOME/bin/java" $opts \
       --enable-native-access=ALL-UNNAMED -jar "$jar" serve --config "$dir/agent.yaml" --bind 127.0.0.1:$port \
       > "$dir/agent.log" 2>&1) &
  fi
  pids+=($!); names+=("$name")
  echo "$name: JVM options '${opts}', port $port"
done
sleep 5
for i in "${!pids[@]}"; do
  # the launcher execs java: same pid; show the options it chose
  echo "${names[$i]}: $(tr '\0' ' ' < "/proc/${pids[$i]}/cmdline" | cut -c1-300)"
done
sleep 5
for i in "${!pids[@]}"; do kill -0 "${pids[$i]}" 2>/dev/null || { echo "${names[$i]} exited:"; tail -20 "$work/${names[$i]}/agent.log"; exit 1; }; done
printf '%-5s' min; printf ' %-12s' "${names[@]}"; echo "  (RSS MB)"
for m in $(seq 1 "$minutes"); do
  sleep 60
  printf '%-5s' "$m"; for p in "${pids[@]}"; do printf ' %-12s' "$(rss "$p")"; done; echo
done
for i in "${!pids[@]}"; do
  p=${pids[$i]}
  heap=$(bench/jvm-heap.sh "$p" --full-gc | cut -d' ' -f1)
  threads=$(ls "/proc/$p/task" | wc -l)
  printf '%s: RSS %s MB at the end, heap after a full GC %.1f MB, %s threads, log warnings/errors %s\n' "${names[$i]}" \
    "$(rss "$p")" "$(awk -v k="$heap" 'BEGIN { print k / 1024 }')" "$threads" "$(grep -cE ' (WARN|ERROR) ' "$work/${names[$i]}/agent.log" || true)"
done
for n in "${names[@]}"; do grep -hE ' (WARN|ERROR) ' "$work/$n/agent.log" | head -5 | sed "s/^/$n log: /"; done
echo "results in $results"
