#!/usr/bin/env bash
# The engine's cost estimate on real models, against a count measured outside it: for the
# scikit-learn digits MLP and PP-OCR cls, rec and det, `sibyl-node model inspect` (tract's
# multiply-accumulates after optimisation) is compared with scripts/bench/opcount.py (onnxruntime
# runs the model and the multiply-accumulates of every Conv, ConvTranspose, MatMul and Gemm are
# counted from the shapes they had). Fails when they differ by more than 10 %. Also prints the
# declared cost (ops, memory) and the speed each model runs at, which the sandbox's time limits
# and the runtime's MaxModelOps assume (docs/engine.md).
#
# Usage: scripts/engine-cost.sh [path/to/sibyl-node]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
node="${1:-$CARGO_TARGET_DIR/debug/sibyl-node}"
. scripts/bench/models.sh
ensure_models
venv_install

printf '| model | measured MACs | engine FMA | ratio | engine ops | memory MiB | run ms | Gops/s |\n'
printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
failed=0
for m in digits_mlp ppocr_cls ppocr_rec ppocr_det; do
	onnx="$models/$m.onnx"
	input="$models/$m.json"
	measured="$("$venv/bin/python" scripts/bench/opcount.py "$onnx" "$input" |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["macs"])')"
	shape="$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["inputs"][0]; print(t["name"]+"="+",".join(map(str,t["shape"])))' "$input")"
	read -r fma ops memory < <("$node" model inspect --model "$onnx" --shape "$shape" --json |
		python3 -c 'import json,sys; c=json.load(sys.stdin)["cost"]; print(c["fma"], c["ops"], c["memory_bytes"])')
	ms="$("$node" model run --model "$onnx" --input "$input" --repeat 5 --json |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["latency_ms"]["median"])')"
	read -r ratio gops ok < <(python3 -c "
f, m, o, ms = $fma, $measured, $ops, $ms
r = f / m
print(f'{r:.3f}', f'{o / ms / 1e6:.2f}', int(0.9 <= r <= 1.1))")
	printf '| %s | %d | %d | %s | %d | %.1f | %.2f | %s |\n' "$m" "$measured" "$fma" "$ratio" "$ops" \
		"$(python3 -c "print($memory / 2**20)")" "$ms" "$gops"
	if [ "$ok" != 1 ]; then
		echo "MISMATCH: $m: the engine counts $fma multiply-accumulates, onnxruntime's shapes $measured" >&2
		failed=1
	fi
done
[ "$failed" -eq 0 ] && echo "engine cost: 4 real models within 10 % of the measured count"
exit "$failed"
