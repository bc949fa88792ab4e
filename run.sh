#!/usr/bin/env bash
# Runs Smart Cloud Ops AI on this machine.
#   ./run.sh [console options]           the operator console; with no remote agent chosen in its Settings
#                                        it starts an embedded agent watching this machine (no accounts,
#                                        no servers). Options: --source SPEC, --bind HOST:PORT, --help.
#   ./run.sh --agent-only [serve options] the headless agent alone (what runs on a server).
# Builds on first use and after a source change (Maven wrapper; only a JDK 25 is needed).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/java-home.sh

needs_build() { # $1 = jar, rest = sources it is built from
  local jar=$1
  shift
  [ ! -f "$jar" ] || [ -n "$(find "$@" -newer "$jar" -print -quit 2>/dev/null)" ]
}

if [ "${1:-}" = "--agent-only" ]; then
  shift
  jar=agent/target/smartcloudops-agent.jar
  if needs_build "$jar" api/src agent/src docs/api pom.xml api/pom.xml agent/pom.xml; then
    echo "run.sh: building the agent (first run downloads dependencies; this takes a minute)..."
    ./mvnw -B -q -DskipTests package -pl agent -am
  fi
  # The same launcher as systemd and the container: heap sized by the configured hosts and retention
  # (packaging/agent-jvm-options), AOT cache in ~/.cache/smartcloudops made by the first run.
  SMARTCLOUDOPS_JAR="$PWD/$jar" exec packaging/bin/smartcloudops-agent "$@"
fi

if [ "$(uname -s)" = "Linux" ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  case " $* " in
    *" --help "*|*" -h "*) ;;
    *)
      echo "run.sh: no display (DISPLAY is not set), so the console cannot open a window." >&2
      echo "run.sh: starting the headless agent instead; ./run.sh --agent-only does this directly." >&2
      exec "$0" --agent-only "$@"
      ;;
  esac
fi

jar=console/target/smartcloudops-console.jar
if needs_build "$jar" api/src agent/src console/src docs/api pom.xml api/pom.xml agent/pom.xml console/pom.xml; then
  echo "run.sh: building the console and its embedded agent (first run downloads dependencies; this takes a minute or two)..."
  ./mvnw -B -q -DskipTests package -pl console -am
fi
# A class-data archive made on the first start makes later starts faster (JDK 19+). Serial GC, a capped
# heap and the C1 compiler only (C2 costs about 80 MB of resident memory for no visible gain in a UI;
# bench/console/rss.sh). The cap is 2.5 times the largest heap left after a full collection in the console
# soak (bench/console/soak.sh: 20 hosts in the embedded agent, every screen, both window sizes, about
# 100 MB); at 160 MB the same soak needed a 0.3 s full collection every 40 s.
console_jvm_opts="-XX:+UseSerialGC -Xms32m -Xmx256m -XX:TieredStopAtLevel=1"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/smartcloudops"
mkdir -p "$cache"
archive="$cache/console-$(cksum < "$jar" | cut -d' ' -f1).jsa"
# The archive is written when the console exits and takes seconds: a console killed meanwhile leaves a
# truncated file, which the JVM then reports at every start ("Not a valid shared archive file") and never
# replaces. A probe that maps it (30-60 ms) tells; an unusable archive is removed and made again at exit.
# shellcheck disable=SC2086
if [ -f "$archive" ] && ! "$JAVA_HOME/bin/java" $console_jvm_opts -Xshare:on -XX:SharedArchiveFile="$archive" \
    -Xlog:disable -Xlog:all=off -cp "$jar" -version >/dev/null 2>&1; then
  rm -f "$archive"
fi
# Native access for JavaFX is granted by the jar's manifest (Enable-Native-Access), not the command line:
# the option on the command line makes the JVM reject the archive's module graph at every start.
# Writing the archive at the first exit lists every class it skips as a warning (about 30 lines of
# "[warning][cds] Skipping ..."): they go to a file beside the archive instead of the terminal.
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" $console_jvm_opts -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$archive" \
  -Xlog:cds*=off -Xlog:cds*=warning:file="$cache/console-cds.log" -jar "$jar" "$@"
