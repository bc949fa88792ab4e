#!/usr/bin/env bash
# Isolation forest speed, Java (Smile, flat scorer) against scikit-learn on the same features, in one run,
# plus the wall time of a whole NAB development run of `detect`. Prints medians and ratios.
#   bench/detect/run.sh [repeats]
# Needs the shaded agent jar (./mvnw -B -q -DskipTests package -pl agent -am) and Debian's python3-sklearn.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
REPEATS=${1:-7}
JAR=agent/target/smartcloudops-agent.jar
OUT=$(mktemp -d /tmp/forest-bench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
echo "== Java (JDK $("$JAVA_HOME/bin/java" -version 2>&1 | head -1))"
"$JAVA_HOME/bin/java" -cp "$JAR" bench/detect/ForestSpeedBench.java ml_models/datasets/nab/data "$OUT" "$REPEATS" 2>/dev/null | tee "$OUT/java.txt"
echo "== scikit-learn"
/usr/bin/python3 bench/detect/sklearn_bench.py "$OUT" "$REPEATS" | tee "$OUT/python.txt"
echo "== ratios (throughput, higher = Java faster)"
med() { grep "^$1 " "$OUT"/*.txt | sed 's/.*median_s=\([0-9.]*\).*/\1/'; }
for j in java_fit_seeded_sequential java_fit_smile_parallel; do
  awk -v a="$(med sklearn_fit)" -v b="$(med $j)" -v n="$j" 'BEGIN { printf "%s vs sklearn_fit: %.1fx\n", n, a / b }'
done
for j in java_score_flat_batch java_score_flat_per_row java_score_smile_per_row java_score_smile_batch_parallel; do
  awk -v a="$(med sklearn_score)" -v b="$(med $j)" -v n="$j" 'BEGIN { printf "%s vs sklearn_score: %.1fx\n", n, a / b }'
done
echo "== detect on the whole NAB development set (JVM start to exit)"
times=()
for i in $(seq 1 5); do
  s=$(date +%s.%N)
  "$JAVA_HOME/bin/java" -jar "$JAR" detect --input ml_models/datasets/nab/data --output "$OUT/alarms.csv" >/dev/null 2>&1
  e=$(date +%s.%N)
  times+=("$(echo "$e - $s" | bc)")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "detect wall seconds: median %.2f (runs: ", t[int((NR + 1) / 2)]; for (i = 1; i <= NR; i++) printf "%s%.2f", (i > 1 ? ", " : ""), t[i]; print ")" }'
