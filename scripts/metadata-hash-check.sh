#!/usr/bin/env bash
# Shows that a hardware signer can sign for a runtime built with `metadata-hash` and for no
# other (docs/building.md, "The metadata hash"). Not part of scripts/test.sh: the feature builds
# the runtime in a target dir of its own (about 20 minutes and 9 GB the first time), so that the
# everyday wasm the node embeds is never replaced by the hashed one.
#
# 1. Builds sibyl-runtime with `--features metadata-hash` in $MDHASH_TARGET_DIR.
# 2. Starts the debug sibyl-node --dev with that wasm as a runtime override (same
#    spec_version), and runs scripts/js/metadata-hash.mjs --expect hashed: mode 0 and mode 1
#    with the right digest are included, mode 1 with a wrong digest is refused.
# 3. Starts it again on the everyday runtime: --expect plain (both mode-1 remarks refused).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh
. scripts/js-deps.sh
ensure_js_deps

MDHASH_TARGET_DIR="${MDHASH_TARGET_DIR:-$HOME/.cache/sibyl/mdhash}"
PORT="${PORT:-9988}"

cargo build --locked -p sibyl-node
CARGO_TARGET_DIR="$MDHASH_TARGET_DIR" cargo build --locked -p sibyl-runtime \
	--features metadata-hash
overrides="$(mktemp -d)"
# The compacted, compressed blob where the build makes one, the plain wasm otherwise (a debug
# build here makes only that; either is a valid override).
wbuild="$MDHASH_TARGET_DIR/debug/wbuild/sibyl-runtime"
blob="$wbuild/sibyl_runtime.compact.compressed.wasm"
[ -f "$blob" ] || blob="$wbuild/sibyl_runtime.wasm"
cp "$blob" "$overrides/sibyl_runtime.wasm"

node_pid=
stop() {
	if [[ -n "$node_pid" ]]; then
		kill "$node_pid" 2>/dev/null || true
		wait "$node_pid" 2>/dev/null || true
		node_pid=
	fi
}
trap 'stop; rm -rf "$overrides"' EXIT INT TERM

# Runs a --dev node with the given extra arguments and the check with the given expectation.
check() {
	local expect="$1"
	shift
	local log
	log="$(mktemp -t sibyl-mdhash-XXXX.log)"
	"$CARGO_TARGET_DIR/debug/sibyl-node" --dev --tmp --rpc-port "$PORT" --port 30988 \
		--no-prometheus "$@" 2>"$log" &
	node_pid=$!
	for _ in $(seq 60); do
		if curl -sf -H 'Content-Type: application/json' \
			-d '{"id":1,"jsonrpc":"2.0","method":"system_health"}' \
			"http://127.0.0.1:$PORT" >/dev/null; then
			break
		fi
		sleep 1
	done
	echo "--- $expect runtime (node log: $log)"
	node scripts/js/metadata-hash.mjs --url "ws://127.0.0.1:$PORT" --expect "$expect"
	stop
}

check hashed --wasm-runtime-overrides "$overrides"
check plain
echo "metadata hash: a hardware signer's mode-1 transaction is valid exactly on the hashed runtime"
