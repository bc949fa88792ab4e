#!/usr/bin/env bash
# Does the isolation forest still help? The detector's per-row novelty replayed through IncidentTracker with every
# judge of the borderline band (persistence as shipped, none, accepted, the forest, forest or persistence) and the
# forest alone, each scored on the whole suite (see ForestDesigns.java and docs/benchmarks.md).
#   bench/detect/forest/run.sh > bench/detect/results/forest-judges.tsv
# Needs the shaded agent jar (./mvnw -B -q -DskipTests package -pl agent -am).
set -euo pipefail
cd "$(dirname "$0")/../../.."
. scripts/java-home.sh
JAR=agent/target/smartcloudops-agent.jar
[ -f "$JAR" ] || { echo "run.sh: build the agent first: ./mvnw -B -pl agent -am -DskipTests package" >&2; exit 2; }
"$JAVA_HOME/bin/java" -cp "$JAR" bench/detect/forest/ForestDesigns.java
