#!/usr/bin/env bash
# Benchmark: the latency the engine sandbox adds to a call (a warm worker process, the request
# and the outputs over a pipe) on the example model and PP-OCR det. The example runs REPEAT
# times (default 1,000), PP-OCR det (about 0.3 s a call) DET_REPEAT times (default 100), after
# one warm-up run, in the CLI's own process (`--in-process`) and in
# an engine worker (`sibyl-node model run`, as the node runs it), and the script prints the
# median and p99 of both and their difference. Target: under 1 ms added for small models.
#
# Usage: scripts/bench-sandbox.sh [REPEAT [DET_REPEAT]]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
repeat="${1:-1000}"
det_repeat="${2:-100}"
node="$CARGO_TARGET_DIR/debug/sibyl-node"
. scripts/bench/models.sh
ensure_models
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$node" model example --out "$work/example.onnx" --input-out "$work/example.json" >/dev/null
cp "$models/ppocr_det.onnx" "$models/ppocr_det.json" "$work/"

latency() { # model, repeat, then extra flags: "median p99"
	local model="$1" n="$2"; shift 2
	"$node" model run --model "$work/$model.onnx" --input "$work/$model.json" \
		--repeat "$n" --json "$@" |
		python3 -c 'import json,sys; l=json.load(sys.stdin)["latency_ms"]; print(l["median"], l["p99"])'
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); example $repeat calls, det $det_repeat calls"
printf '| model | in process median / p99 ms | sandboxed median / p99 ms | added median / p99 ms |\n'
printf '| --- | ---: | ---: | ---: |\n'
for m in example ppocr_det; do
	n="$repeat"
	[ "$m" = ppocr_det ] && n="$det_repeat"
	read -r im ip < <(latency "$m" "$n" --in-process)
	read -r sm sp < <(latency "$m" "$n")
	python3 -c "print('| $m | %.3f / %.3f | %.3f / %.3f | %.3f / %.3f |' % ($im, $ip, $sm, $sp, $sm - $im, $sp - $ip))"
done
