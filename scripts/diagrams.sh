#!/usr/bin/env bash
# Regenerates the diagrams of docs/architecture.md from their Graphviz sources (needs Graphviz: apt-get install graphviz):
#   docs/architecture.dot     -> docs/architecture.png      modules and data flow
#   docs/architecture-aws.dot -> docs/architecture-aws.png  the deployment that terraform/ builds
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dot >/dev/null || { echo "error: Graphviz 'dot' is missing: apt-get install -y graphviz" >&2; exit 1; }
for name in architecture architecture-aws; do
  dot -Tpng -Gdpi=110 "docs/$name.dot" -o "docs/$name.png"
  echo "wrote docs/$name.png"
done
