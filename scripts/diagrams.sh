#!/usr/bin/env bash
# Regenerates docs/architecture.png from docs/architecture.dot (needs Graphviz: apt-get install graphviz).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dot >/dev/null || { echo "error: Graphviz 'dot' is missing: apt-get install -y graphviz" >&2; exit 1; }
dot -Tpng -Gdpi=110 docs/architecture.dot -o docs/architecture.png
echo "wrote docs/architecture.png"
