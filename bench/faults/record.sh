#!/usr/bin/env bash
# Records a labelled fault run on this machine: starts a real node_exporter and Prometheus on loopback
# (Debian packages prometheus-node-exporter, prometheus; temporary storage), injects timed faults with
# stress-ng (Debian) and a runaway process, then exports the host CSV with the agent's `export` command
# and writes the fault windows as labels (NAB's combined_windows format).
#
#   bench/faults/record.sh NAME SCHEDULE [OUT_DIR]
#     NAME      run name, e.g. run-1 (the CSV becomes OUT_DIR/NAME/fault-host.csv)
#     SCHEDULE  a, b (fault order and sizes, see below; about 52 minutes each) or smoke (3 minutes)
#     OUT_DIR   default ml_models/datasets/faults
#
# Every fault is bounded in time and size (the machine may be shared): CPU stressors use --timeout,
# the disk fill writes into a temporary directory that is removed, memory is capped.
# Needs: JDK 25 and the built agent jar (./mvnw -pl agent -am -DskipTests package), stress-ng,
# prometheus, prometheus-node-exporter, /usr/bin/python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
NAME=${1:?run name, e.g. run-1}
SCHEDULE=${2:?schedule a or b}
OUT_DIR=${3:-ml_models/datasets/faults}
. scripts/java-home.sh
BUILT_JAR=agent/target/smartcloudops-agent.jar
[ -f "$BUILT_JAR" ] || { echo "record.sh: build the agent first: ./mvnw -B -pl agent -am -DskipTests package" >&2; exit 2; }
for b in stress-ng /usr/bin/prometheus /usr/bin/prometheus-node-exporter /usr/bin/python3; do
  command -v "$b" >/dev/null || { echo "record.sh: $b missing (apt-get install stress-ng prometheus prometheus-node-exporter)" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/smartcloudops-faults.XXXXXX)
FILL_DIR=$(mktemp -d /var/tmp/smartcloudops-fill.XXXXXX)   # on the root filesystem, like a real disk filling up
LOG="$WORK/record.log"
JAR="$WORK/smartcloudops-agent.jar"
cp "$BUILT_JAR" "$JAR"   # a rebuild during the run must not change the exporter
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 1
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  rm -rf "$FILL_DIR"
  echo "record.sh: cleaned up (work dir $WORK kept for the logs)"
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
NE_PORT=$(free_port)
PROM_PORT=$(free_port)
/usr/bin/prometheus-node-exporter --web.listen-address=127.0.0.1:$NE_PORT --no-collector.systemd >"$WORK/node_exporter.log" 2>&1 &
PIDS+=($!)
cat >"$WORK/prometheus.yml" <<YAML
global:
  scrape_interval: 5s
  evaluation_interval: 5s
scrape_configs:
  - job_name: node
    static_configs:
      - targets: ['127.0.0.1:$NE_PORT']
    relabel_configs:
      - target_label: instance
        replacement: fault-host
YAML
/usr/bin/prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/data" \
  --web.listen-address=127.0.0.1:$PROM_PORT --storage.tsdb.retention.time=1d >"$WORK/prometheus.log" 2>&1 &
PIDS+=($!)
for i in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$PROM_PORT/-/ready" >/dev/null && break
  sleep 1
done

now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
WINDOWS=()
# fault KIND SECONDS COMMAND...: runs COMMAND for about SECONDS and records [start, end + 60 s] as a
# window (rate() over 1 m keeps a counter-based metric raised for up to a minute after the fault ends).
fault() {
  local kind=$1 secs=$2; shift 2
  local start; start=$(now)
  echo "$(now) fault $kind for ${secs}s: $*" | tee -a "$LOG"
  "$@" >>"$LOG" 2>&1 || echo "$(now) fault $kind exited with $?" | tee -a "$LOG"
  local end; end=$(date -u -d "$(now) + 60 seconds" +%Y-%m-%dT%H:%M:%SZ)
  WINDOWS+=("[\"$start\", \"$end\"]")
  echo "$(now) fault $kind done; window $start .. $end" | tee -a "$LOG"
}
quiet() { echo "$(now) quiet ${1}s" | tee -a "$LOG"; sleep "$1"; }

cpu()      { fault cpu_saturation "$1" stress-ng --cpu 2 --cpu-load 100 --timeout "${1}s" --metrics-brief; }
memory()   { fault memory_pressure "$1" stress-ng --vm 1 --vm-bytes "$2" --vm-keep --vm-hang 0 --timeout "${1}s"; }
disk_io()  { fault disk_io_saturation "$1" stress-ng --hdd 2 --hdd-bytes 512M --temp-path "$FILL_DIR" --timeout "${1}s"; }
disk_fill() {
  # grows by 256 MB every 5 s up to $2 GB, holds 60 s, then the files are removed
  fault disk_filling "$1" bash -c '
    end=$((SECONDS + '"$1"' - 60)); n=0
    while [ $SECONDS -lt $end ] && [ $n -lt $(('"$2"' * 4)) ]; do
      fallocate -l 256M "'"$FILL_DIR"'/fill.$n"; n=$((n + 1)); sleep 5
    done
    sleep 60; rm -f "'"$FILL_DIR"'"/fill.*'
}
runaway()  { fault runaway_process "$1" /usr/bin/python3 bench/faults/runaway.py "$1" "$2" 6000; }

T0=$(now)
echo "$T0 start: node_exporter 127.0.0.1:$NE_PORT, Prometheus 127.0.0.1:$PROM_PORT, schedule $SCHEDULE" | tee -a "$LOG"
case "$SCHEDULE" in
  a)
    quiet 720
    cpu 120;            quiet 300
    disk_io 150;        quiet 300
    memory 150 4G;      quiet 300
    disk_fill 180 8;    quiet 300
    runaway 180 30;     quiet 240
    ;;
  b)
    quiet 720
    memory 150 3G;      quiet 300
    runaway 180 40;     quiet 300
    disk_fill 180 6;    quiet 300
    cpu 150;            quiet 300
    disk_io 120;        quiet 240
    ;;
  smoke)   # a 3-minute check that every part works; not a recording
    quiet 40
    cpu 10; memory 10 1G; disk_io 10; disk_fill 65 1; runaway 10 30; quiet 10
    ;;
  *) echo "record.sh: unknown schedule $SCHEDULE (a, b or smoke)" >&2; exit 2 ;;
esac
T1=$(now)
echo "$T1 end" | tee -a "$LOG"
sleep 10   # let the last scrapes land

mkdir -p "$OUT_DIR/$NAME"
RANGE=$(( $(date -u -d "$T1" +%s) - $(date -u -d "$T0" +%s) ))
"$JAVA_HOME/bin/java" -jar "$JAR" export --prometheus "http://127.0.0.1:$PROM_PORT" \
  --range "${RANGE}s" --end "$T1" --step 5s --rate-window 1m --out "$OUT_DIR/$NAME" | tee -a "$LOG"
{
  echo "{"
  echo "  \"$NAME/fault-host.csv\": ["
  for i in "${!WINDOWS[@]}"; do
    sep=","; [ "$i" -eq $((${#WINDOWS[@]} - 1)) ] && sep=""
    echo "    ${WINDOWS[$i]}$sep"
  done
  echo "  ]"
  echo "}"
} >"$OUT_DIR/$NAME/labels.json"
cp "$LOG" "$OUT_DIR/$NAME/record.log"
# every run's windows in one file, keys relative to OUT_DIR (what evaluate --labels reads)
/usr/bin/python3 - "$OUT_DIR" <<'PY'
import glob, json, os, sys
out = sys.argv[1]
merged = {}
for f in sorted(glob.glob(os.path.join(out, "*", "labels.json"))):
    merged.update(json.load(open(f)))
with open(os.path.join(out, "labels.json"), "w") as fh:
    json.dump(merged, fh, indent=2)
    fh.write("\n")
PY
echo "record.sh: wrote $OUT_DIR/$NAME/fault-host.csv, $OUT_DIR/$NAME/labels.json and $OUT_DIR/labels.json"
