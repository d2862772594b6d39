#!/usr/bin/env bash
# Benchmark: a real model (PP-OCR v4 rec, 10.9 MB, from PyPI's rapidocr-onnxruntime) registered
# and uploaded on a --dev chain through node A, then fetched over the p2p protocol by node B,
# which has no offchain index. Prints the upload summary (blocks, seconds, MiB/s) and B's
# transfer line. `./scripts/bench-engine.sh` prepares the model; or pass another ONNX file and
# its `--shape` pins: scripts/bench-model-sync.sh FILE [NAME=DIMS ...]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

model="${1:-$HOME/.cache/sibyl/models/ppocr_rec.onnx}"
shift || true
pins=("$@")
[ $# -eq 0 ] && [ "$model" = "$HOME/.cache/sibyl/models/ppocr_rec.onnx" ] && pins=(x=1,3,48,320)
if [ ! -f "$model" ]; then
	echo "no model at $model: run ./scripts/bench-engine.sh first, or pass an ONNX file" >&2
	exit 1
fi

cargo build --locked -p sibyl-node
node="$CARGO_TARGET_DIR/debug/sibyl-node"
work="$(mktemp -d)"
cleanup() {
	kill $(jobs -p) 2>/dev/null || true
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rpc_a=$(free_port); p2p_a=$(free_port); rpc_b=$(free_port); p2p_b=$(free_port)
key_a=$(printf '%064x' 21)

"$node" --dev --base-path "$work/a" --enable-offchain-indexing true --node-key "$key_a" \
	--rpc-port "$rpc_a" --listen-addr "/ip4/127.0.0.1/tcp/$p2p_a" --no-mdns --no-prometheus \
	2>"$work/a.log" &
for _ in $(seq 120); do grep -q "Imported #1" "$work/a.log" && break; sleep 0.5; done
peer_a=$(grep -o "Local node identity is: [A-Za-z0-9]*" "$work/a.log" | awk '{print $5}')

shape_args=()
for pin in "${pins[@]}"; do shape_args+=(--shape "$pin"); done
echo "== upload through A ($(stat -c %s "$model") bytes)"
"$node" model upload --model "$model" "${shape_args[@]}" --name bench --model-version 1 \
	--suri //Alice --url "ws://127.0.0.1:$rpc_a"

echo "== node B joins, without an offchain index"
start=$(date +%s.%N)
"$node" --chain dev --base-path "$work/b" --bootnodes "/ip4/127.0.0.1/tcp/$p2p_a/p2p/$peer_a" \
	--rpc-port "$rpc_b" --listen-addr "/ip4/127.0.0.1/tcp/$p2p_b" --no-mdns --no-prometheus \
	2>"$work/b.log" &
for _ in $(seq 600); do grep -q "Stored model" "$work/b.log" && break; sleep 0.2; done
end=$(date +%s.%N)
grep "Stored model" "$work/b.log" || { tail -40 "$work/b.log"; exit 1; }
echo "B: $(python3 -c "print(f'{$end - $start:.1f}')") s from start to a verified model in its store"
