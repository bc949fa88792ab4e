#!/usr/bin/env bash
# Memory benchmark: resident set size of the console watching 20 hosts, each replaying 24 h at 15 s
# (5,760 samples) within the first minute. Measured three ways in one run:
#   1. the console connected to a separate agent (how a fleet is watched: the agent runs on a server);
#   2. that agent alone (the baseline: what the data costs without any UI);
#   3. the console with its embedded agent replaying the same 20 hosts in one process.
#   bench/console/rss.sh [SECONDS]   (default 90; RSS read at the end of each run)
# The console runs with the JVM options run.sh uses (CONSOLE_JVM_OPTS overrides them).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
seconds=${1:-90}
console_jar=console/target/smartcloudops-console.jar
agent_jar=agent/target/smartcloudops-agent.jar
[ -f "$console_jar" ] || ./mvnw -B -q -DskipTests package -pl console -am
[ -f "$agent_jar" ] || ./mvnw -B -q -DskipTests package -pl agent -am
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

python3 - "$work/hosts" <<'PY'
import math, os, sys, datetime
out = sys.argv[1]
os.makedirs(out)
start = datetime.datetime(2026, 1, 5)
for h in range(20):
    with open(os.path.join(out, f"host-{h:02d}.csv"), "w") as f:
        f.write("timestamp,cpu,mem,disk,disk_io,net_in,net_out,load1\n")
        for i in range(5760):
            t = (start + datetime.timedelta(seconds=15 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")
            s = math.sin(i / 40.0 + h)
            f.write(f"{t},{40 + 20 * s:.1f},{55 + 10 * s:.1f},{60 + h:.1f},{5 + 3 * s:.2f},"
                    f"{120000 + 40000 * s:.0f},{80000 - 25000 * s:.0f},{1 + s:.2f}\n")
PY
source="replay:$work/hosts?speed=1440"   # 24 h of 15 s rows in 60 s
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token=bench-operator-token-0123456789

display=":$((200 + RANDOM % 300))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1

rss_of() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }
# shellcheck disable=SC2206
jvm_opts=(${CONSOLE_JVM_OPTS:-$(sed -n 's/^console_jvm_opts="\(.*\)"$/\1/p' run.sh)})

# 1 + 2: a separate agent, and the console connected to it as a remote agent.
SMARTCLOUDOPS_OPERATOR_TOKEN=$token "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$agent_jar" \
  serve --source "$source" --bind "127.0.0.1:$port" --logs-dir "$work/logs" >"$work/agent.log" 2>&1 &
apid=$!
pids+=($apid)
mkdir -p "$work/remote"
printf 'mode=remote\nremote_url=http\\://127.0.0.1\\:%s\n' "$port" >"$work/remote/console.properties"
printf '%s\n' "$token" >"$work/remote/console-remote-token"
sleep 2
DISPLAY=$display "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "${jvm_opts[@]}" -jar "$console_jar" \
  --settings-dir "$work/remote" >"$work/console-remote.log" 2>&1 &
rpid=$!
pids+=($rpid)
sleep "$seconds"
remote_rss=$(rss_of "$rpid")
agent_rss=$(rss_of "$apid")
kill "$rpid" "$apid"
wait "$rpid" "$apid" 2>/dev/null || true

# 3: the console with its embedded agent on the same replay.
DISPLAY=$display "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "${jvm_opts[@]}" -jar "$console_jar" \
  --source "$source" --bind 127.0.0.1:0 --settings-dir "$work/embedded" >"$work/console.log" 2>&1 &
epid=$!
pids+=($epid)
sleep "$seconds"
embedded_rss=$(rss_of "$epid")
kill "$epid"
wait "$epid" 2>/dev/null || true

grep -q "remote agent · http://127.0.0.1:$port" "$work/console-remote.log" 2>/dev/null || true
echo "console connected to a separate agent, 20 hosts x 5,760 samples: RSS ${remote_rss} MB after ${seconds} s"
echo "that agent alone (baseline, JVM defaults):                     RSS ${agent_rss} MB"
echo "console with its embedded agent on the same 20 hosts:          RSS ${embedded_rss} MB"
echo "ratio console / agent: $(awk -v a="$remote_rss" -v b="$agent_rss" 'BEGIN {printf "%.2f", a / b}')"
echo "console JVM options: ${jvm_opts[*]:-none}; $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GB RAM"
