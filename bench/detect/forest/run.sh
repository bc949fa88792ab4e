#!/usr/bin/env bash
# Every isolation-forest design tried on the development data (see ForestDesigns.java and
# docs/benchmarks.md, "Detection: what the isolation forest decides"). ForestDesigns reads the detector's
# package-private parts, so it is compiled against the agent jar into a temporary directory and run from
# the same class path (a single-file program would live in another class loader and be refused access).
#
#   bench/detect/forest/run.sh [TRAILING ...] > results.tsv
#     TRAILING  H,d,R,K,trees,psi,q,joint|pm,C: a forest regrown on the rows [i-H, i-d] while scoring,
#               K trees replaced every R rows, per metric (pm) or over all features (joint), calibrated
#               by the quantile q of its scores on C reference rows (0 = all of them)
#   e.g. bench/detect/forest/run.sh 1152,48,48,10,100,256,0.99,joint,256 1152,48,48,10,100,256,0.99,pm,256
set -euo pipefail
cd "$(dirname "$0")/../../.."
. scripts/java-home.sh
JAR=agent/target/smartcloudops-agent.jar
[ -f "$JAR" ] || { echo "run.sh: build the agent first: ./mvnw -B -pl agent -am -DskipTests package" >&2; exit 2; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
"$JAVA_HOME/bin/javac" -nowarn -cp "$JAR" -d "$OUT" bench/detect/forest/ForestDesigns.java
"$JAVA_HOME/bin/java" -cp "$JAR:$OUT" io.smartcloudops.agent.detect.ForestDesigns "$@"
