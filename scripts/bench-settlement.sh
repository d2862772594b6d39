#!/usr/bin/env bash
# Benchmark: settlement under a burst, on a --dev node and on a four-node local network (three
# validators: alice executes, bob and charlie verify; dave executes too), for the digits MLP and
# PP-OCR's direction classifier. For each: blocks from inclusion to settlement (median, p99),
# settled requests per minute of chain time, outcomes, the Missed and Slashed events of the run
# (every node here is honest, so there should be none), and the peak RSS of every node. Prints
# one line per run.
#
#   ./scripts/bench-settlement.sh [--digits 1000] [--ppocr 200] [--block-time-ms 1000] [--only dev|local]
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh

digits=1000
ppocr=200
block_ms=1000
only=""
while [ $# -gt 0 ]; do
	case "$1" in
		--digits) digits="$2"; shift 2 ;;
		--ppocr) ppocr="$2"; shift 2 ;;
		--block-time-ms) block_ms="$2"; shift 2 ;;
		--only) only="$2"; shift 2 ;;
		*) echo "unknown argument $1" >&2; exit 2 ;;
	esac
done

. scripts/bench/models.sh
ensure_models
cargo build --locked -p sibyl-node
node_bin="$CARGO_TARGET_DIR/debug/sibyl-node"
work="$(mktemp -d)"
pids=()
cleanup() {
	local pid
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

start() { # name port args…
	local name="$1" port="$2"; shift 2
	"$node_bin" --base-path "$work/$name" --rpc-port "$port" --port $((port + 1000)) \
		--prometheus-port $((port + 2000)) --no-mdns --no-telemetry "$@" 2>"$work/$name.log" &
	pids+=($!)
	for _ in $(seq 120); do
		curl -s -H 'content-type: application/json' -d '{"id":1,"jsonrpc":"2.0","method":"system_health","params":[]}' \
			"http://127.0.0.1:$port" >/dev/null 2>&1 && return 0
		sleep 1
	done
	echo "$name did not start; see $work/$name.log" >&2; exit 1
}

upload() { # url model name [--shape NAME=DIMS] → model id
	local url="$1" model="$2" name="$3"; shift 3
	"$node_bin" model upload --model "$model" --name "$name" --model-version 1 --price 1000000000 \
		--suri //Alice --url "$url" "$@" >&2
	"$node_bin" model inspect --model "$model" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["model_id"])'
}

rss() {
	local pid
	for pid in "${pids[@]}"; do
		awk '/VmHWM/ {printf "%d MiB ", $2/1024}' "/proc/$pid/status" 2>/dev/null || true
	done
}

run() { # label url model-id input count
	local report
	report=$(node scripts/js/burst.mjs --url "$2" --model "$3" --input "$4" --count "$5" \
		--accounts //Eve,//Ferdie,//Eve//stash,//Ferdie//stash --json) || true # printed either way
	python3 - "$1" "$report" "$(rss)" <<'PY'
import json, sys
label, r, rss = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
b = r["blocks_to_settle"]
problems = "" if r["reconciled"] else f" PROBLEMS: {r['problems'][:5]}"
pen = r["penalties"]
print(f"{label}: {r['settled']}/{r['requests']} settled {r['outcomes']}, penalties {pen['missed']} missed {pen['slashed']} slashed {pen['by']}, blocks to settle median {b['median']} p99 {b['p99']} max {b['max']}, "
      f"{r['settled_per_minute']} settled/min over {r['chain_minutes']} chain min, reconciled {r['reconciled']}, peak RSS {rss.strip()}{problems}")
PY
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); debug build; ${block_ms} ms blocks"

if [ "$only" != local ]; then
start dev 19944 --dev --block-time-ms "$block_ms"
d=$(upload ws://127.0.0.1:19944 "$models/digits_mlp.onnx" digits)
p=$(upload ws://127.0.0.1:19944 "$models/ppocr_cls.onnx" ppocr-cls --shape x=1,3,48,192)
run "--dev digits_mlp" ws://127.0.0.1:19944 "$d" "$models/digits_mlp.json" "$digits"
run "--dev ppocr_cls" ws://127.0.0.1:19944 "$p" "$models/ppocr_cls.json" "$ppocr"
for pid in "${pids[@]}"; do kill "$pid"; done
wait 2>/dev/null || true
pids=()
fi
[ "$only" = dev ] && exit 0

local=(--chain local --block-time-ms "$block_ms" --enable-offchain-indexing true)
start alice 19954 "${local[@]}" --alice --inference --node-key "$(printf '%064x' 1)"
peer=$(grep -o 'Local node identity is: [[:alnum:]]*' "$work/alice.log" | awk '{print $5}')
boot="/ip4/127.0.0.1/tcp/20954/p2p/$peer"
start bob 19964 "${local[@]}" --bob --verify --node-key "$(printf '%064x' 2)" --bootnodes "$boot"
start charlie 19974 "${local[@]}" --charlie --verify --node-key "$(printf '%064x' 3)" --bootnodes "$boot"
start dave 19984 "${local[@]}" --dave --inference --node-key "$(printf '%064x' 4)" --bootnodes "$boot"
node scripts/js/bond.mjs --url ws://127.0.0.1:19954 --role Inference --accounts //Dave >&2
sleep 10
d=$(upload ws://127.0.0.1:19954 "$models/digits_mlp.onnx" digits)
p=$(upload ws://127.0.0.1:19954 "$models/ppocr_cls.onnx" ppocr-cls --shape x=1,3,48,192)
sleep 10
run "local network digits_mlp" ws://127.0.0.1:19954 "$d" "$models/digits_mlp.json" "$digits"
run "local network ppocr_cls" ws://127.0.0.1:19954 "$p" "$models/ppocr_cls.json" "$ppocr"
