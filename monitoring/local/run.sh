#!/usr/bin/env bash
# Local monitoring stack: Debian's Prometheus and node_exporter on loopback,
# with monitoring/prometheus/prometheus.local.yml and the project's rules,
# scraping node_exporter and a local agent. Ctrl-C stops everything it started.
#
#   monitoring/local/run.sh               # agent expected on 127.0.0.1:8080
#   monitoring/local/run.sh --with-agent  # also start agent/target/smartcloudops-agent.jar
#
# Environment (all optional):
#   PROMETHEUS_PORT (9090)  NODE_EXPORTER_PORT (9100)  AGENT_PORT (8080)
#   SMARTCLOUDOPS_MONITORING_DATA  directory for the generated config and TSDB
#                                  (default: a new temporary directory)
#   PROMETHEUS_BIN, NODE_EXPORTER_BIN  binaries (default: Debian's paths)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
prometheus_port="${PROMETHEUS_PORT:-9090}"
node_port="${NODE_EXPORTER_PORT:-9100}"
agent_port="${AGENT_PORT:-8080}"
prometheus_bin="${PROMETHEUS_BIN:-/usr/bin/prometheus}"
node_bin="${NODE_EXPORTER_BIN:-/usr/bin/prometheus-node-exporter}"
with_agent=false

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

for arg in "$@"; do
  case "$arg" in
    --with-agent) with_agent=true ;;
    -h | --help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument: $arg" >&2; usage >&2; exit 2 ;;
  esac
done

for port in "$prometheus_port" "$node_port" "$agent_port"; do
  if ! [[ "$port" =~ ^[0-9]{1,5}$ ]] || (( port < 1 || port > 65535 )); then
    echo "run.sh: not a TCP port: $port" >&2
    exit 2
  fi
done

for bin in "$prometheus_bin" "$node_bin"; do
  if [[ ! -x "$bin" ]]; then
    echo "run.sh: $bin not found. Install Debian's packages: sudo apt-get install prometheus prometheus-node-exporter" >&2
    exit 1
  fi
done

data="${SMARTCLOUDOPS_MONITORING_DATA:-$(mktemp -d -t smartcloudops-monitoring.XXXXXX)}"
mkdir -p "$data/tsdb" "$data/rules"
cp "$repo"/monitoring/prometheus/rules/*.yml "$data/rules/"
# The committed file names the default ports; rewrite only the target addresses.
sed -e "s/127\.0\.0\.1:9090/127.0.0.1:${prometheus_port}/" \
    -e "s/127\.0\.0\.1:9100/127.0.0.1:${node_port}/" \
    -e "s/127\.0\.0\.1:8080/127.0.0.1:${agent_port}/" \
    "$repo/monitoring/prometheus/prometheus.local.yml" > "$data/prometheus.yml"

pids=()
# shellcheck disable=SC2317  # stop runs from the traps below
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$node_bin" \
  --web.listen-address="127.0.0.1:${node_port}" \
  --no-collector.systemd \
  >"$data/node_exporter.log" 2>&1 &
pids+=("$!")

"$prometheus_bin" \
  --config.file="$data/prometheus.yml" \
  --storage.tsdb.path="$data/tsdb" \
  --storage.tsdb.retention.time=2d \
  --web.listen-address="127.0.0.1:${prometheus_port}" \
  >"$data/prometheus.log" 2>&1 &
pids+=("$!")

if [[ "$with_agent" == true ]]; then
  jar="$repo/agent/target/smartcloudops-agent.jar"
  if [[ ! -f "$jar" ]]; then
    echo "run.sh: $jar not found; build it first with ./mvnw -B package -pl agent -am" >&2
    exit 1
  fi
  # Through the launcher ./run.sh --agent-only and systemd use: it finds a Java 25 (the java on the PATH
  # is often older, which refuses the jar) and sizes the heap like a deployed agent.
  (cd "$data" && SMARTCLOUDOPS_JAR="$jar" exec "$repo/packaging/bin/smartcloudops-agent" --source local \
     --bind "127.0.0.1:${agent_port}") >"$data/agent.log" 2>&1 &
  pids+=("$!")
fi

ready() { # url, seconds
  local deadline=$((SECONDS + $2))
  while (( SECONDS < deadline )); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    for pid in "${pids[@]}"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "run.sh: a process exited early; logs are in $data" >&2
        return 1
      fi
    done
    sleep 0.2
  done
  echo "run.sh: $1 did not answer within $2 s; logs are in $data" >&2
  return 1
}

ready "http://127.0.0.1:${node_port}/metrics" 30
ready "http://127.0.0.1:${prometheus_port}/-/ready" 60
if [[ "$with_agent" == true ]]; then
  ready "http://127.0.0.1:${agent_port}/healthz" 60
fi

cat <<MSG
Local monitoring stack is running (data and logs in $data):
  Prometheus     http://127.0.0.1:${prometheus_port}
  node_exporter  http://127.0.0.1:${node_port}/metrics
  agent scraped  http://127.0.0.1:${agent_port}/metrics
Press Ctrl-C to stop.
MSG

wait -n "${pids[@]}" || true
echo "run.sh: a process exited; stopping the others (logs in $data)" >&2
exit 1
