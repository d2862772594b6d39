#!/usr/bin/env bash
# The main job on a running dev chain: upload a small model, ask for a call of it with a real
# @polkadot/api client, wait until it is executed by the node's offchain worker and settled,
# and print the on-chain result next to the same model run locally by `sibyl-node model run`.
#
#   ./scripts/demo.sh [ws://127.0.0.1:9944]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
URL="${1:-ws://127.0.0.1:9944}"
HTTP="${URL/ws:/http:}"
BIN="${SIBYL_NODE:-$CARGO_TARGET_DIR/debug/sibyl-node}"
. scripts/js-deps.sh
ensure_js_deps >/dev/null

for _ in $(seq 1 120); do
	curl -sf -H 'Content-Type: application/json' \
		-d '{"id":1,"jsonrpc":"2.0","method":"system_health","params":[]}' "$HTTP" >/dev/null && break
	sleep 1
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "== 1. a model: a seeded MLP, x: f32[1,8] -> y: f32[1,4]"
id="$("$BIN" model example --out "$work/demo.onnx" --input-out "$work/input.json")"
echo "   model id $id"

echo "== 2. register and upload it (Alice), with a price of 0.001 UNIT per call"
"$BIN" model upload --model "$work/demo.onnx" --name sibyl-demo --model-version 1 \
	--price 1000000000 --suri //Alice --url "$URL"

echo "== 3. request a call with @polkadot/api (Alice pays), wait for the settlement"
node scripts/js/request.mjs --url "$URL" --model "$id" --input "$work/input.json"

echo "== 4. the same input, run locally by the engine"
"$BIN" model run --model "$work/demo.onnx" --input "$work/input.json"
echo "   (the output hash matches the chain's; the commitments differ by design: the chain's is"
echo "    bound to this chain's genesis and the request id, a local run's to no chain)"
