#!/bin/sh
# Builds a Java runtime with only the modules the agent uses (issue 17), so a host or a container needs
# no full JDK: about 64 MB against 303 MB for the JDK it is linked from. Works from JDK 25's own run-time
# image (no jmods needed).
#   packaging/jlink.sh [OUT_DIR=agent/target/runtime]
# Install it as /opt/smartcloudops/runtime: the launcher (packaging/bin/smartcloudops-agent) uses it there.
# The module list is kept by hand: `jdeps --ignore-missing-deps --print-module-deps --multi-release 25
# agent/target/smartcloudops-agent.jar` gave the first ten (2026-12-06; it takes minutes on the shaded jar),
# plus what is loaded by name at run time (java.management and jdk.management for the agent's own figures,
# jdk.unsupported for OkHttp and JNA, jdk.crypto.ec for TLS, jdk.zipfs, jdk.localedata). JlinkRuntimeIT
# starts the agent on the result.
set -eu
cd "$(dirname "$0")/.."
out=${1:-agent/target/runtime}
if [ -z "${JAVA_HOME:-}" ]; then
  # shellcheck source=/dev/null
  . scripts/java-home.sh
fi
modules=java.base,java.desktop,java.instrument,java.naming,java.net.http,java.prefs,java.rmi,java.security.jgss,java.sql
modules=$modules,java.logging,java.management,java.xml,jdk.management,jdk.unsupported,jdk.crypto.ec,jdk.zipfs,jdk.localedata
rm -rf "$out"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --include-locales=en --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --generate-cds-archive --output "$out"
echo "runtime in $out ($(du -sm "$out" | cut -f1) MB): $("$out/bin/java" -version 2>&1 | head -n 1)"
