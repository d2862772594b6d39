#!/usr/bin/env bash
# Regenerates the weights of Sibyl's pallets from their benchmarks, on this machine.
#
#   scripts/weights.sh                  # every pallet with benchmarks
#   scripts/weights.sh oracle payments  # some of them
#   STEPS=10 REPEAT=5 scripts/weights.sh inference   # a quicker, noisier run
#   scripts/weights.sh overhead         # block and extrinsic base weights
#
# Builds `sibyl-node` with `runtime-benchmarks` and runs `sibyl-node benchmark pallet` on its
# runtime (genesis: the `development` preset) for each pallet, writing
# `pallets/<name>/src/weights.rs` through the standard template
# (scripts/weights/template.hbs, which records the command and machine in each file's header).
# `overhead` runs `sibyl-node benchmark overhead` instead: an empty block's execution and one
# `System::remark`'s, into runtime/src/weights/{block,extrinsic}_weights.rs, which the runtime's
# `RuntimeBlockWeights` uses.
# The reference machine and the figures of the last run are in docs/building.md ("Weights").
#
# The node is a release build (about 40 minutes here the first time, in its own `release`
# directory): a dev-profile node measured `pallet_balances::transfer_keep_alive` at 421 µs against
# about 47 µs in polkadot-sdk's own weights, since the host's storage overlay, trie and codec code
# are unoptimised there (the runtime itself is release wasm either way).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

STEPS=${STEPS:-50}
REPEAT=${REPEAT:-20}
pallets=("$@")
[ ${#pallets[@]} -gt 0 ] || pallets=(models oracle payments schedules inference overhead)

# frame-benchmarking-cli's own test runtime (for `benchmark storage`, which this script does not
# run) cannot be built from crates.io: wasm-builder does not find it in this workspace's metadata.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
cargo build --locked --release -p sibyl-node --features runtime-benchmarks
node="$CARGO_TARGET_DIR/release/sibyl-node"
# The runtime that build made, with its benchmarks; its genesis is its `development` preset.
runtime="$CARGO_TARGET_DIR/release/wbuild/sibyl-runtime/sibyl_runtime.wasm"

for name in "${pallets[@]}"; do
	if [ "$name" = overhead ]; then
		echo "=== overhead (block and extrinsic base weights)"
		start=$SECONDS
		"$node" benchmark overhead \
			--runtime "$runtime" \
			--genesis-builder runtime \
			--genesis-builder-preset development \
			--wasm-execution compiled \
			--header scripts/weights/header.txt \
			--weight-path runtime/src/weights
		echo "=== overhead: $((SECONDS - start)) s"
		continue
	fi
	[ -f "pallets/$name/src/benchmarking.rs" ] || { echo "no benchmarks in pallets/$name" >&2; exit 1; }
	echo "=== pallet_${name//-/_} (steps $STEPS, repeat $REPEAT)"
	start=$SECONDS
	"$node" benchmark pallet \
		--runtime "$runtime" \
		--genesis-builder runtime \
		--genesis-builder-preset development \
		--pallet "pallet_${name//-/_}" \
		--extrinsic '*' \
		--steps "$STEPS" \
		--repeat "$REPEAT" \
		--wasm-execution compiled \
		--template scripts/weights/template.hbs \
		--header scripts/weights/header.txt \
		--output "pallets/$name/src/weights.rs"
	echo "=== pallet_${name//-/_}: $((SECONDS - start)) s"
done
