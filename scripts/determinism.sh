#!/usr/bin/env bash
# Determinism across x86-64 CPUs: runs `sibyl-node model run` on seven real models (the example
# MLP, a scikit-learn digits MLP, silero-vad (an `If` and LSTM state), PP-OCR cls and rec, an XGBoost classifier and a scikit-learn
# scaler + RBF SVC pipeline) with tract's CPU detection edited to
# emulate other CPUs on this machine: TRACT_CPU_ISA unset and -avx512f, and TRACT_X86_KIND
# intel and amd (tract's per-vendor kernel choice). Every output hash must be identical; a CPU
# without AVX2 and FMA (-avx512f,-avx2,-fma) must be refused with one line naming what it lacks.
# Then prints what pinning the kernels costs in latency (SIBYL_UNPINNED_KERNELS=1 measures
# tract's own choice for comparison).
#
# Usage: scripts/determinism.sh [path/to/sibyl-node]   (exits non-zero on any mismatch)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
node="${1:-$CARGO_TARGET_DIR/debug/sibyl-node}"

. scripts/bench/models.sh
ensure_models
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$node" model example --out "$work/example.onnx" --input-out "$work/example.json" >/dev/null
cp "$models/digits_mlp.onnx" "$models/digits_mlp.json" "$work/"
for m in silero_vad ppocr_cls ppocr_rec xgb_cls sk_svc; do cp "$models/$m.onnx" "$models/$m.json" "$work/"; done

hash_of() { # model, then any environment for the run
	local model="$1"; shift
	env "$@" "$node" model run --model "$work/$model.onnx" --input "$work/$model.json" --json \
		| python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["output_hash"], r["latency_ms"]["median"])'
}

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); flags:" \
	"$(grep -m1 -o -w -E 'avx512f|avx2|fma|avx' /proc/cpuinfo | sort -u | xargs)"
printf '| model | unset | TRACT_CPU_ISA=-avx512f | TRACT_X86_KIND=intel | TRACT_X86_KIND=amd | pinned ms | unpinned ms | unpinned hash |\n'
printf '| --- | --- | --- | --- | --- | ---: | ---: | --- |\n'
failed=0
for m in example digits_mlp silero_vad ppocr_cls ppocr_rec xgb_cls sk_svc; do
	read -r h0 ms0 < <(hash_of "$m")
	read -r h1 _ < <(hash_of "$m" TRACT_CPU_ISA=-avx512f)
	read -r h2 _ < <(hash_of "$m" TRACT_X86_KIND=intel)
	read -r h3 _ < <(hash_of "$m" TRACT_X86_KIND=amd)
	read -r hu msu < <(hash_of "$m" SIBYL_UNPINNED_KERNELS=1)
	printf '| %s | %s | %s | %s | %s | %.3f | %.3f | %s |\n' "$m" "${h0:0:14}…" "${h1:0:14}…" \
		"${h2:0:14}…" "${h3:0:14}…" "$ms0" "$msu" "$([ "$hu" = "$h0" ] && echo same || echo "differs ${hu:0:10}…")"
	if [ "$h0" != "$h1" ] || [ "$h0" != "$h2" ] || [ "$h0" != "$h3" ]; then
		echo "MISMATCH: $m gives different bits across emulated CPUs" >&2
		failed=1
	fi
done

# A CPU without AVX2 and FMA cannot run the pinned kernels: refused, in one line naming them.
if refusal="$(TRACT_CPU_ISA=-avx512f,-avx2,-fma "$node" model run --model "$work/example.onnx" \
	--input "$work/example.json" 2>&1)"; then
	echo "MISMATCH: a CPU without AVX2 and FMA was served instead of refused" >&2
	failed=1
else
	echo "TRACT_CPU_ISA=-avx512f,-avx2,-fma: $refusal"
	case "$refusal" in *"lacks avx2, fma"*) ;; *) echo "unexpected refusal" >&2; failed=1 ;; esac
	[ "$(printf '%s\n' "$refusal" | wc -l)" -eq 1 ] || { echo "refusal is not one line" >&2; failed=1; }
fi
[ "$failed" -eq 0 ] && echo "determinism: 7 models x 4 CPU settings, identical output hashes"
exit "$failed"
