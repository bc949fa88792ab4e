#!/usr/bin/env bash
# The design prototype of issue 13 (see Proto.java): compiled against the agent jar into a temporary directory.
#   bench/detect/proto/run.sh [knob=value ...]
# Needs the shaded agent jar (./mvnw -B -q -DskipTests package -pl agent -am).
set -euo pipefail
cd "$(dirname "$0")/../../.."
. scripts/java-home.sh
JAR=agent/target/smartcloudops-agent.jar
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
"$JAVA_HOME/bin/javac" -nowarn -cp "$JAR" -d "$OUT" bench/detect/proto/Proto.java bench/detect/proto/Plot.java
"$JAVA_HOME/bin/java" -cp "$JAR:$OUT" Proto "$@"
