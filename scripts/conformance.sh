#!/usr/bin/env bash
# Conformance: the ONNX backend node test suite (every case the pinned `onnx` package generates)
# and seeded differential cases for the ONNX-ML operators (expected outputs from onnxruntime),
# run through the engine. Prints pass / refused / wrong / n/a per operator; fails on any wrong
# answer and on any operator passing fewer cases than primitives/engine/conformance.tsv records.
# `--update` rewrites that baseline after a deliberate change.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
. scripts/bench/models.sh
venv_install

cases="$CARGO_TARGET_DIR/conformance-cases"
"$venv/bin/python" scripts/conformance/cases.py "$cases"
baseline=primitives/engine/conformance.tsv
if [ "${1:-}" = "--update" ]; then
	cargo run --locked -q -p sibyl-engine --example conformance -- "$cases"
	cp "$cases/results.tsv" "$baseline"
	echo "baseline written to $baseline"
else
	cargo run --locked -q -p sibyl-engine --example conformance -- "$cases" "$baseline"
fi
