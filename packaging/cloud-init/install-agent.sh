#!/bin/sh
# Installs the agent on an application host (run once by cloud-init): the
# system user, the install layout, the jar checked against its SHA-256, the
# systemd service. Safe to run again.
set -eu

# AGENT_JAR_URL and AGENT_JAR_SHA256, written by cloud-init from Terraform's variables.
# shellcheck source=/dev/null
. /etc/smartcloudops/agent-artifact.env

if ! id smartcloudops >/dev/null 2>&1; then
  useradd --system --home-dir /var/lib/smartcloudops --no-create-home \
    --shell /usr/sbin/nologin --user-group smartcloudops
fi
install -d -m 0755 -o root -g root /opt/smartcloudops
install -d -m 0750 -o smartcloudops -g smartcloudops /var/lib/smartcloudops /var/lib/smartcloudops/logs
chmod 0640 /etc/smartcloudops/agent.yaml /etc/smartcloudops/agent.env
chgrp smartcloudops /etc/smartcloudops/agent.yaml /etc/smartcloudops/agent.env

tmp="$(mktemp /opt/smartcloudops/.download.XXXXXX)"
trap 'rm -f "$tmp"' EXIT
curl --fail --silent --show-error --location --proto '=https' --retry 5 --retry-delay 3 \
  --output "$tmp" "$AGENT_JAR_URL"
echo "$AGENT_JAR_SHA256  $tmp" | sha256sum --check --status || {
  echo "install-agent: SHA-256 of $AGENT_JAR_URL does not match agent_jar_sha256" >&2
  exit 1
}
chmod 0644 "$tmp"
mv "$tmp" /opt/smartcloudops/smartcloudops-agent.jar
trap - EXIT

systemctl daemon-reload
systemctl enable smartcloudops-agent.service
systemctl restart smartcloudops-agent.service
