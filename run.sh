#!/usr/bin/env bash
# Runs Smart Cloud Ops AI on this machine: ./run.sh [serve options]
# Builds the agent on first use (Maven wrapper; only a JDK 25 is needed), then starts it watching this
# machine on http://127.0.0.1:8080 and prints the curl line with the token to use.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/java-home.sh
jar=agent/target/smartcloudops-agent.jar
if [ ! -f "$jar" ] || [ -n "$(find api/src agent/src docs/api pom.xml api/pom.xml agent/pom.xml -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "run.sh: building the agent (first run downloads dependencies; this takes a minute)..."
  ./mvnw -B -q -DskipTests package -pl agent -am
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" serve "$@"
