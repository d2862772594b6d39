#!/usr/bin/env bash
# The whole test suite: formatting, lints, pallet and engine unit tests, and integration tests
# that start real sibyl-node processes on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh

stage() { printf '\n=== %s (%ss since start)\n' "$1" "$SECONDS"; }

# The node is built with its test-only `dishonest` feature, so the verification tests can run
# real cheating nodes (`--dishonest corrupt|lazy`); release builds refuse the feature.
FEATURES=(--features sibyl-node/dishonest)

# The target dir is shared by every clone and feature set and only grows; a full disk kills the
# linker with SIGBUS. Prune what cargo rebuilds on its own when space is short.
stage "disk"
./scripts/prune-target.sh

stage "format"
cargo fmt --all --check

# Build once for everything below. `cargo test --no-run` builds the node binary (with its wasm
# runtime) the integration tests start, with the same features the tests and clippy resolve;
# a plain `cargo build -p sibyl-node` resolves fewer dev-dependency features, and the host crates
# behind the wasm builder (binaryen's C++ among them) would then be built a second time.
stage "build (tests, and the node with its wasm runtime)"
cargo test --locked --workspace "${FEATURES[@]}" --no-run

# Clippy reuses the build scripts and proc-macros built above; SKIP_WASM_BUILD would change
# the runtime's build-script inputs and force a rebuild for the tests.
stage "clippy"
cargo clippy --locked --workspace --all-targets "${FEATURES[@]}" -- -D warnings

# --show-output prints what passing tests report (settlement blocks, verification overhead).
stage "tests"
cargo test --locked --workspace "${FEATURES[@]}" -- --show-output

# Every benchmark of the pallets that have them, run once as a test on the pallet's mock
# (frame-benchmarking v2's test suite): a benchmark that no longer sets up its worst case, or
# whose call fails, fails here. Built with `runtime-benchmarks`, a feature set of its own.
stage "benchmarks (as tests)"
cargo test --locked -p pallet-models -p pallet-oracle -p pallet-payments -p pallet-schedules \
	-p pallet-inference \
	--features pallet-models/runtime-benchmarks,pallet-oracle/runtime-benchmarks \
	--features pallet-payments/runtime-benchmarks,pallet-schedules/runtime-benchmarks \
	--features pallet-inference/runtime-benchmarks \
	--lib -- benchmark

# The same bits on every x86-64 CPU generation: four real models under emulated older CPUs
# (TRACT_CPU_ISA), identical output hashes, a CPU without AVX refused in one line.
stage "determinism"
./scripts/determinism.sh

# The cost every model declares on chain, against a count measured outside the engine
# (onnxruntime's shapes) on four real models: within 10 %.
stage "engine cost"
./scripts/engine-cost.sh

# The ONNX backend node suite and differential ONNX-ML cases against onnxruntime: no operator
# may answer differently, none may pass fewer cases than primitives/engine/conformance.tsv.
stage "conformance"
./scripts/conformance.sh

# The dApp clients against one real --dev node: the TypeScript package (clients/js) and the
# Python one (clients/python) call the example model and a PP-OCR model and compare with
# `sibyl-node model run`, map refusals to typed errors, follow requests; the committed typegen
# augmentations match the runtime; docs/dapp-guide.md's snippets run as written.
stage "clients (TypeScript, Python, the dApp guide)"
./scripts/clients-test.sh

# The six-node local network of zombienet/sibyl.json (native provider, the binary built above):
# blocks and finality everywhere, a model over p2p, a request settled, a feed following its source.
stage "network (zombienet)"
./zombienet/run.sh test

stage "done"
