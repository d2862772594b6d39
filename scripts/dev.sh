#!/usr/bin/env bash
# Builds sibyl-node, starts a --dev chain (Alice authors and runs every role), and shows the main
# job on it: a model is uploaded, a polkadot.js client asks for a call, the node's offchain worker
# runs it, and the result is settled on chain (scripts/demo.sh). The chain keeps running after the
# demo, at ws://127.0.0.1:9944, until Ctrl-C.
# Extra arguments go to the node, e.g. `./scripts/dev.sh --block-time-ms 1000`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh

cargo build --locked -p sibyl-node
log="$(mktemp -t sibyl-dev-XXXX.log)"
"$CARGO_TARGET_DIR/debug/sibyl-node" --dev --tmp "$@" 2>"$log" &
node_pid=$!
trap 'kill $node_pid 2>/dev/null || true' EXIT INT TERM
echo "sibyl-node --dev started (pid $node_pid), log: $log"

./scripts/demo.sh ws://127.0.0.1:9944

echo
echo "The dev chain keeps running at ws://127.0.0.1:9944 (polkadot.js apps, or scripts/js)."
echo "Its log follows; Ctrl-C stops it."
tail -n 5 -f "$log" &
wait $node_pid
