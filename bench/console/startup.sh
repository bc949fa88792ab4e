#!/usr/bin/env bash
# Start-up benchmark: JVM start to the first dashboard frame with live samples (embedded agent watching
# this machine, as ./run.sh starts it), against a bare JavaFX window as the baseline, alternating runs.
#   bench/console/startup.sh [RUNS]   (default 7; one unmeasured run of each first creates the CDS archives)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
runs=${1:-7}
jar=console/target/smartcloudops-console.jar
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package -pl console -am
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$JAVA_HOME/bin/javac" -cp "$jar" -d "$work/classes" bench/console/BareStart.java
# A jar, not a directory: class-data archives refuse non-empty directories on the class path.
"$JAVA_HOME/bin/jar" --create --file "$work/bare.jar" -C "$work/classes" .

# The console runs with run.sh's JVM options, as a user starts it.
# shellcheck disable=SC2206
jvm_opts=($(sed -n 's/^console_jvm_opts="\(.*\)"$/\1/p' run.sh))
console() {
  # as run.sh: native access from the jar's manifest (on the command line it invalidates the archive)
  xvfb-run -a -s "-screen 0 1280x800x24" "$JAVA_HOME/bin/java" "${jvm_opts[@]}" \
    -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$work/console.jsa" \
    -jar "$jar" --exit-after-first-frame --bind 127.0.0.1:0 --settings-dir "$work/settings" 2>/dev/null \
    | sed -n 's/^first live frame after \([0-9]*\) ms.*/\1/p'
}
bare() {
  xvfb-run -a -s "-screen 0 1280x800x24" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
    -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$work/bare.jsa" \
    -cp "$jar:$work/bare.jar" BareStart 2>/dev/null | sed -n 's/^first frame after \([0-9]*\) ms.*/\1/p'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

console >/dev/null
bare >/dev/null
: >"$work/c"
: >"$work/b"
for i in $(seq "$runs"); do
  c=$(console); b=$(bare)
  echo "run $i: console ${c} ms, bare JavaFX window ${b} ms"
  echo "$c" >>"$work/c"
  echo "$b" >>"$work/b"
done
mc=$(median <"$work/c")
mb=$(median <"$work/b")
echo "median: console first live frame ${mc} ms; bare JavaFX first frame ${mb} ms; ratio $(awk -v a="$mc" -v b="$mb" 'BEGIN {printf "%.2f", a / b}')"
echo "console JVM options: ${jvm_opts[*]}; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
