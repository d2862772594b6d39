#!/usr/bin/env bash
# Builds sibyl-node and starts a --dev chain (Alice authors, every role on one node).
# Extra arguments go to the node, e.g. `./scripts/dev.sh --block-time-ms 1000`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh

cargo build --locked -p sibyl-node
exec "$CARGO_TARGET_DIR/debug/sibyl-node" --dev --tmp "$@"
