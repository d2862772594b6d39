#!/usr/bin/env bash
# The dApp client suites against one real dev chain: starts `sibyl-node --dev --tmp` on free
# loopback ports, runs the TypeScript client's tests (clients/js, `npm test -w clients/js`), then
# the Python client's (clients/python/run-tests.sh) and the dApp guide's (scripts/dapp-guide-test.sh),
# and stops the node. Every suite gets the same environment:
#
#   SIBYL_WS      ws://127.0.0.1:PORT, the node
#   SIBYL_NODE    the sibyl-node binary (`model example`, `model upload`, `model run`)
#   SIBYL_MODELS  ~/.cache/sibyl/models, with the PP-OCR models (scripts/bench/models.sh)
#
#   ./scripts/clients-test.sh
#
# Uses $SIBYL_NODE, else the debug build in $CARGO_TARGET_DIR (built if missing). The block time
# is SIBYL_BLOCK_TIME_MS (default 1000). On a failure, prints the node's log tail; exits non-zero
# if any suite failed.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

export SIBYL_NODE="${SIBYL_NODE:-$CARGO_TARGET_DIR/debug/sibyl-node}"
if [ ! -x "$SIBYL_NODE" ]; then
	cargo build --locked -p sibyl-node
fi

# The real models the tests run (built once into the cache by a Python venv).
. scripts/bench/models.sh
ensure_models
export SIBYL_MODELS="$HOME/.cache/sibyl/models"

# The npm workspace, with @sibyl/client built.
. scripts/js-deps.sh
ensure_js_deps

# A loopback TCP port nobody listens on right now.
free_port() {
	node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}
rpc_port="$(free_port)"
p2p_port="$(free_port)"
while [ "$p2p_port" = "$rpc_port" ]; do p2p_port="$(free_port)"; done
export SIBYL_WS="ws://127.0.0.1:$rpc_port"

work="$(mktemp -d)"
log="$work/node.log"
node_pid=""
stop_node() {
	if [ -n "$node_pid" ] && kill -0 "$node_pid" 2>/dev/null; then
		kill "$node_pid" 2>/dev/null || true
		for _ in $(seq 1 50); do
			kill -0 "$node_pid" 2>/dev/null || break
			sleep 0.2
		done
		kill -9 "$node_pid" 2>/dev/null || true
		wait "$node_pid" 2>/dev/null || true
	fi
	node_pid=""
}
trap 'stop_node; rm -rf "$work"' EXIT
log_tail() {
	echo "--- sibyl-node log (last 60 lines of $log) ---" >&2
	tail -n 60 "$log" >&2 || true
}

echo "== sibyl-node --dev on $SIBYL_WS (p2p $p2p_port), log $log"
"$SIBYL_NODE" --dev --tmp --block-time-ms "${SIBYL_BLOCK_TIME_MS:-1000}" \
	--rpc-port "$rpc_port" --port "$p2p_port" --no-prometheus --no-mdns --no-telemetry \
	> "$log" 2>&1 &
node_pid=$!

# Ready once it answers RPC and has authored a block.
ready=""
for _ in $(seq 1 240); do
	if ! kill -0 "$node_pid" 2>/dev/null; then
		echo "clients-test: sibyl-node exited early" >&2
		log_tail
		exit 1
	fi
	header="$(curl -sf -m 2 -H 'Content-Type: application/json' \
		-d '{"id":1,"jsonrpc":"2.0","method":"chain_getHeader","params":[]}' \
		"http://127.0.0.1:$rpc_port" || true)"
	number="$(sed -n 's/.*"number":"\(0x[0-9a-fA-F]*\)".*/\1/p' <<< "$header")"
	if [ -n "$number" ] && [ $((number)) -ge 1 ]; then
		ready=1
		break
	fi
	sleep 0.5
done
if [ -z "$ready" ]; then
	echo "clients-test: sibyl-node did not author a block within 120 s" >&2
	log_tail
	exit 1
fi

failed=()
# Runs one suite with a time limit; records it when it fails.
suite() {
	local name="$1" limit="$2"
	shift 2
	echo
	echo "== $name"
	local start=$SECONDS
	if timeout --kill-after=30 "$limit" "$@"; then
		echo "== $name: passed in $((SECONDS - start)) s"
	else
		echo "== $name: FAILED (exit $?) after $((SECONDS - start)) s" >&2
		failed+=("$name")
		log_tail
	fi
}

# The committed @polkadot/api augmentations (clients/js/src/interfaces) are what typegen makes of
# this runtime's metadata: regenerated here, any difference from the commit is a failure.
suite "TypeScript augmentations up to date (clients/js/scripts/typegen.sh)" 300 bash -c \
	'clients/js/scripts/typegen.sh "$SIBYL_WS" >/dev/null \
		&& git diff --exit-code --stat -- clients/js/src/interfaces \
		&& [ -z "$(git status --porcelain -- clients/js/src/interfaces)" ]'
# First: the guide registers the default example model as `sibyl-demo` (the suites after it
# upload the same bytes under their own names, which would otherwise take it).
if [ -f scripts/dapp-guide-test.sh ]; then
	suite "dApp guide (scripts/dapp-guide-test.sh)" 1200 bash scripts/dapp-guide-test.sh
fi
suite "TypeScript client (clients/js)" 1200 npm test -w clients/js
if [ -x clients/python/run-tests.sh ]; then
	suite "Python client (clients/python)" 1800 clients/python/run-tests.sh
else
	echo
	echo "== Python client: clients/python/run-tests.sh is not there (or not executable); skipped"
fi

echo
if [ ${#failed[@]} -gt 0 ]; then
	echo "clients-test: FAILED: ${failed[*]}" >&2
	exit 1
fi
echo "clients-test: every suite passed"
