#!/usr/bin/env bash
# Benchmark: the engine against onnxruntime, one thread each, on PP-OCR cls/det/rec (shipped by
# PyPI's rapidocr-onnxruntime) and a scikit-learn digits MLP (exported with skl2onnx).
# Prints a Markdown table; exits non-zero if an output differs from onnxruntime by more than
# 1e-4 or is not bit-identical after a restart.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh

venv="$HOME/.cache/sibyl/venv"
models="$HOME/.cache/sibyl/models"
if [ ! -x "$venv/bin/python" ]; then
	python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check \
	"onnxruntime==1.32.*" "rapidocr-onnxruntime==1.4.*" "scikit-learn==1.9.*" "skl2onnx==1.20.*" "numpy<3"
"$venv/bin/python" scripts/bench/models.py "$models"

cargo build --locked -p sibyl-node
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"$venv/bin/python" scripts/bench/compare.py --node "$CARGO_TARGET_DIR/debug/sibyl-node" --models "$models" "$@"
