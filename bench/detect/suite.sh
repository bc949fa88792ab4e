#!/usr/bin/env bash
# The whole detection suite in one run: the NAB development set, the NAB wide set and every fault recording
# (ml_models/datasets/{nab,nab-wide,faults}), event F1 with the FP cap of 12 per category, per data set and for
# both NAB sets, the worst NAB category, false alarms on artificialNoAnomaly and anomaly records per detected
# fault window. Writes the table to bench/detect/results/suite-<name>.txt as well.
#   bench/detect/suite.sh NAME [evaluate options, e.g. --model FILE]
# Needs the shaded agent jar (./mvnw -B -q -DskipTests package -pl agent -am).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
NAME=${1:?usage: bench/detect/suite.sh NAME [evaluate options]}
shift
JAR=agent/target/smartcloudops-agent.jar
[ -f "$JAR" ] || { echo "suite.sh: build the agent first: ./mvnw -B -q -DskipTests package -pl agent -am" >&2; exit 2; }
mkdir -p bench/detect/results
{
  echo "# bench/detect/suite.sh $NAME $*   ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(git rev-parse --short HEAD 2>/dev/null || echo no-git))"
  "$JAVA_HOME/bin/java" -jar "$JAR" evaluate --suite ml_models/datasets "$@"
} | tee "bench/detect/results/suite-$NAME.txt"
