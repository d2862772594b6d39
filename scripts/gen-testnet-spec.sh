#!/usr/bin/env bash
# Regenerates chain-specs/testnet.raw.json from the runtime's `testnet` preset.
#
# The committed file is the testnet's genesis: regenerate it only to start a new testnet. A
# running network upgrades its runtime on chain, not by editing this file.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo build --locked -p sibyl-node
"$CARGO_TARGET_DIR/debug/sibyl-node" build-spec --chain testnet-genesis --raw --disable-default-bootnode \
	> chain-specs/testnet.raw.json
echo "wrote chain-specs/testnet.raw.json ($(wc -c < chain-specs/testnet.raw.json) bytes)"
