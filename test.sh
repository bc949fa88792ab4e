#!/usr/bin/env bash
# Runs every test of Smart Cloud Ops AI: ./test.sh [extra Maven arguments]
# Installs the Debian packages the tests need when they are missing (listed in .ci/debian-packages.txt;
# needs root or sudo), selects a JDK 25, and runs `./mvnw verify` under Xvfb for the JavaFX tests.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/java-home.sh

mapfile -t wanted < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' .ci/debian-packages.txt)
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for entry in "${wanted[@]}"; do
    # "package" or "package:command" (the command may come from elsewhere, e.g. a newer Node.js)
    p=${entry%%:*}
    cmd=${entry#*:}
    if [ "$cmd" != "$entry" ] && command -v "$cmd" >/dev/null 2>&1; then
      continue
    fi
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "test.sh: installing Debian packages the tests need: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "test.sh: not a Debian system; make sure these are installed: ${wanted[*]}" >&2
fi

echo "test.sh: JDK $JAVA_HOME"
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" ./mvnw -B verify "$@"
fi
exec ./mvnw -B verify "$@"
