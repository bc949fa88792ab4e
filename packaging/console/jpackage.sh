#!/usr/bin/env bash
# Packages the operator console with jpackage (JDK 25): a self-contained app image with its own Java
# runtime, and the native installer of this platform.
#   packaging/console/jpackage.sh app-image   # any OS: target/jpackage/<name>/ (Linux: bin/smartcloudops-console)
#   packaging/console/jpackage.sh deb         # Debian/Ubuntu (needs dpkg-deb and fakeroot)
#   packaging/console/jpackage.sh dmg         # macOS runner
#   packaging/console/jpackage.sh msi         # Windows runner (needs WiX 3 on the PATH)
#   packaging/console/jpackage.sh all         # app-image plus this platform's installer
# Output goes to console/target/jpackage/. The JavaFX jars inside are the ones Maven picked for the OS the
# script runs on, so build each platform's package on that platform (see packaging/console/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh

type=${1:-app-image}
case "$type" in
  app-image|deb|rpm|dmg|pkg|msi|exe) types=("$type") ;;
  all)
    case "$(uname -s)" in
      Linux) types=(app-image deb) ;;
      Darwin) types=(app-image dmg) ;;
      MINGW*|MSYS*|CYGWIN*) types=(app-image msi) ;;
      *) types=(app-image) ;;
    esac ;;
  *) echo "usage: $0 [app-image|deb|rpm|dmg|pkg|msi|exe|all]" >&2; exit 2 ;;
esac

jar=console/target/smartcloudops-console.jar
if [ ! -f "$jar" ] || [ "${SKIP_BUILD:-}" != "1" ]; then
  ./mvnw -B -q -DskipTests package -pl console -am
fi
project_version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
app_version=${project_version%%-*}   # jpackage wants numbers only: 0.1.0-SNAPSHOT -> 0.1.0

out=console/target/jpackage
input=console/target/jpackage-input
rm -rf "$input"
mkdir -p "$input" "$out"
cp "$jar" "$input/"

case "$(uname -s)" in
  Darwin) icon=packaging/console/icon.icns ;;
  MINGW*|MSYS*|CYGWIN*) icon=packaging/console/icon.ico ;;
  *) icon=packaging/console/icon.png ;;
esac

# jdeps cannot analyse TilesFX, so the runtime's modules are listed by hand (TOOLCHAIN): desktop and
# logging for JavaFX, net.http/naming/management for the embedded agent (Jetty, logback, OSHI),
# jdk.crypto.ec for HTTPS to a remote agent, jdk.unsupported for JavaFX and JNA.
modules=java.base,java.desktop,java.logging,java.xml,java.naming,java.management,java.net.http,java.sql,jdk.unsupported,jdk.crypto.ec,jdk.management

common=(
  --name smartcloudops-console
  --app-version "$app_version"
  --vendor "Smart Cloud Ops AI"
  --description "Operator console for the Smart Cloud Ops AI agent: live charts, anomalies, chat, remediation"
  --copyright "GPL-3.0-or-later"
  --icon "$icon"
  --input "$input"
  --main-jar smartcloudops-console.jar
  --main-class io.smartcloudops.console.Launcher
  --java-options "--enable-native-access=ALL-UNNAMED"
  --java-options "-XX:+UseSerialGC"
  --java-options "-Xms32m"
  --java-options "-Xmx256m"
  --java-options "-XX:TieredStopAtLevel=1"
  --add-modules "$modules"
  --jlink-options "--strip-debug --no-man-pages --no-header-files"
  --dest "$out"
)

for t in "${types[@]}"; do
  echo "jpackage: building $t in $out"
  extra=()
  case "$t" in
    app-image) rm -rf "$out/smartcloudops-console" "$out/smartcloudops-console.app" ;;
    deb|rpm)
      extra=(--license-file LICENSE --linux-shortcut --linux-menu-group "System;Monitor"
             --linux-app-category admin --linux-package-name smartcloudops-console
             --linux-deb-maintainer "smartcloudops@localhost"
             --linux-package-deps "libgtk-3-0, libgl1") ;;
    dmg|pkg) extra=(--license-file LICENSE --mac-package-name "Smart Cloud Ops") ;;
    msi|exe) extra=(--license-file LICENSE --win-menu --win-shortcut --win-dir-chooser --win-menu-group "Smart Cloud Ops AI") ;;
  esac
  "$JAVA_HOME/bin/jpackage" --type "$t" "${common[@]}" "${extra[@]}"
done
ls -la "$out"
