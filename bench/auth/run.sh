#!/usr/bin/env bash
# Failed-authentication limit (issue 14): 500 wrong tokens from one address against the agent with the
# limit off (auth.failures_per_minute: 0, the old behaviour) and with its default (20), each in a fresh
# agent on 127.0.0.1, REPEAT times each. Prints one line per run (bench/auth/WrongTokens.java).
#   bench/auth/run.sh [N=500] [CONCURRENCY=8] [REPEAT=3]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
n=${1:-500}
concurrency=${2:-8}
repeat=${3:-3}
[ -f agent/target/smartcloudops-agent.jar ] || ./mvnw -B -q -DskipTests package -pl agent -am
jar=agent/target/smartcloudops-agent.jar
work=$(mktemp -d)
cleanup() {
  [ -n "${agent_pid:-}" ] && kill "$agent_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
token=bench-viewer-token-0123456789
port=18191
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$repeat"); do
  for limit in 0 20; do
    printf 'auth:\n  failures_per_minute: %s\ndetect:\n  enabled: false\n' "$limit" > "$work/agent.yaml"
    SMARTCLOUDOPS_VIEWER_TOKEN=$token SMARTCLOUDOPS_OPERATOR_TOKEN=$token-op SMARTCLOUDOPS_LOGS_DIR="$work/logs" \
      "$JAVA_HOME/bin/java" -Xmx256m --enable-native-access=ALL-UNNAMED -jar "$jar" serve --config "$work/agent.yaml" \
      --bind 127.0.0.1:$port > "$work/agent.log" 2>&1 &
    agent_pid=$!
    for i in $(seq 1 200); do
      curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
      kill -0 $agent_pid 2>/dev/null || { echo "agent exited:"; cat "$work/agent.log"; exit 1; }
      sleep 0.2
    done
    # warm the HTTP path with the right token, so both runs start from the same JIT state
    for i in $(seq 1 200); do curl -s -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/status"; done
    printf 'round %s, failures_per_minute %-3s ' "$round" "$limit"
    "$JAVA_HOME/bin/java" bench/auth/WrongTokens.java "http://127.0.0.1:$port" "$n" "$concurrency" "$token"
    kill $agent_pid; wait $agent_pid 2>/dev/null || true
    agent_pid=
  done
done
