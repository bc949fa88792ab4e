# shellcheck shell=bash
# Sourced by the benchmarks that run the shaded agent jar as a process (fleet/run.sh, load/soak.sh): one
# preamble instead of a copy in each. After `. bench/lib.sh NAME`, the working directory is the repository
# root, JAVA_HOME is a JDK 25, the jar is built, BENCH_WORK is a scratch directory removed at exit (once the
# agent has stopped, and with every pid in BENCH_PIDS killed), and everything printed also goes to
# bench/NAME/results/<prefix>-<UTC time>.txt once bench_results is called.
#   . "$(dirname "$0")/../lib.sh"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/java-home.sh
BENCH_JAR=agent/target/smartcloudops-agent.jar
[ -f "$BENCH_JAR" ] || ./mvnw -B -q -DskipTests package -pl agent -am
BENCH_WORK=$(mktemp -d)
BENCH_PIDS=()
agent_pid=""

bench_cleanup() {
  bench_stop_agent
  for pid in "${BENCH_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  rm -rf "$BENCH_WORK"
}

# bench_stop_agent: stops the agent and waits until it has exited. It saves every host's detector state into
# $BENCH_WORK/logs/detector-state as it stops (seconds for a fleet): removing BENCH_WORK before that failed
# ("Directory not empty") and left the directory in /tmp. SIGKILL after BENCH_STOP_SECONDS (default 120).
bench_stop_agent() {
  [ -n "$agent_pid" ] || return 0
  local pid=$agent_pid waited=0
  agent_pid=""
  kill "$pid" 2>/dev/null || return 0
  # polled, not a watchdog process: our own exited child stays a zombie (state Z) until it is waited for
  while [ -e "/proc/$pid" ] && [ "$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null)" != Z ]; do
    if [ "$waited" -ge $(( ${BENCH_STOP_SECONDS:-120} * 5 )) ]; then
      echo "the agent did not stop within ${BENCH_STOP_SECONDS:-120} s; killing it" >&2
      kill -9 "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
  wait "$pid" 2>/dev/null || true
  # jcmd's attach socket (bench/jvm-heap.sh), which a JVM that had to be killed leaves behind
  rm -f "/tmp/.java_pid$pid"
}
trap bench_cleanup EXIT

# bench_results DIR PREFIX: from here on, output is also written to DIR/PREFIX-<UTC time>.txt ($BENCH_RESULTS).
bench_results() {
  mkdir -p "$1"
  BENCH_RESULTS=$1/$2-$(date -u +%Y%m%dT%H%M%SZ).txt
  exec > >(tee "$BENCH_RESULTS") 2>&1
}

# bench_fleet_csvs DIR HOSTS ROWS NAME_FORMAT DISK_RISE: HOSTS host CSVs of ROWS rows at 5 s, a daily-looking
# wave plus noise, different per host (seeded by its number); disk grows by DISK_RISE points over the file.
bench_fleet_csvs() {
  local dir=$1 hosts=$2 rows=$3 format=$4 rise=$5 h
  mkdir -p "$dir"
  # shellcheck disable=SC2059 # the format is the caller's file name pattern
  for h in $(seq 1 "$hosts"); do
    awk -v h="$h" -v n="$rows" -v rise="$rise" 'BEGIN { srand(h); pi = 3.14159265
      print "timestamp,cpu,mem,disk,disk_io,net_in,net_out,load1"
      for (i = 0; i < n; i++) {
        w = sin(2 * pi * i / n + h)
        printf "%s,%.1f,%.1f,%.1f,%.1f,%.0f,%.0f,%.2f\n", strftime("%Y-%m-%d %H:%M:%S", 1793491200 + i * 5, 1),
          25 + 10 * w + 4 * rand(), 50 + 3 * w + rand(), 40 + rise * i / n, 5 + 3 * rand(),
          100000 + 30000 * w + 10000 * rand(), 50000 + 15000 * w + 5000 * rand(), 0.6 + 0.3 * w + 0.1 * rand() } }' \
      > "$dir/$(printf "$format" "$h")"
  done
}

# bench_start_agent PORT [NAME=VALUE ...] -- [serve options...]: starts `serve --bind 127.0.0.1:PORT` with
# the environment given and the caller's JVM options $java_opts (log in $BENCH_WORK/agent.log), sets agent_pid, and
# returns once /healthz answers (exits if the agent does not come up).
bench_start_agent() {
  local port=$1 _
  shift
  local environment=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    environment+=("$1")
    shift
  done
  [ $# -gt 0 ] && shift
  # shellcheck disable=SC2086,SC2154 # java_opts: the caller's, split into words on purpose
  env "${environment[@]}" "$JAVA_HOME/bin/java" $java_opts --enable-native-access=ALL-UNNAMED -jar "$BENCH_JAR" serve \
    --bind 127.0.0.1:"$port" "$@" > "$BENCH_WORK/agent.log" 2>&1 &
  agent_pid=$!
  for _ in $(seq 1 200); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && return 0
    kill -0 "$agent_pid" 2>/dev/null || { echo "agent exited:"; tail -20 "$BENCH_WORK/agent.log"; exit 1; }
    sleep 0.5
  done
  echo "agent did not answer /healthz within 100 s:"; tail -20 "$BENCH_WORK/agent.log"; exit 1
}

# The agent's resident memory in MB.
bench_rss_mb() {
  awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$agent_pid/status"
}

# "2026-01-02 10:00 UTC, 2 cores, load average 0.10 0.20 0.30": the machine as a run starts (it may be shared).
bench_machine() {
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# The agent log's ERROR and WARN counts.
bench_log_summary() {
  echo "agent log: $(grep -c ' ERROR ' "$BENCH_WORK/agent.log" || true) errors, $(grep -c ' WARN ' "$BENCH_WORK/agent.log" || true) warnings"
}
