#!/usr/bin/env bash
# Benchmark: the engine against onnxruntime, one thread each, on seventeen real models: PP-OCR
# cls/det/rec (shipped by PyPI's rapidocr-onnxruntime), silero-vad (a streaming audio model with
# `If` and LSTM state, shipped by PyPI's silero-vad), a scikit-learn digits MLP, and the
# classical models dApps bring (scikit-learn pipelines, SVMs, forests and gradient boosting,
# XGBoost and LightGBM through onnxmltools), all trained offline by scripts/bench/models.py.
# Prints a Markdown table; exits non-zero if an output differs from onnxruntime by more than
# 1e-4 or is not bit-identical after a restart.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh

. scripts/bench/models.sh
venv_install
"$venv/bin/python" scripts/bench/models.py "$models"

cargo build --locked -p sibyl-node
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"$venv/bin/python" scripts/bench/compare.py --node "$CARGO_TARGET_DIR/debug/sibyl-node" --models "$models" "$@"
