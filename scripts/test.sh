#!/usr/bin/env bash
# The whole test suite: formatting, lints, pallet and engine unit tests, and integration tests
# that start real sibyl-node processes on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
. scripts/env.sh

stage() { printf '\n=== %s (%ss since start)\n' "$1" "$SECONDS"; }

stage "format"
cargo fmt --all --check

stage "build (node with its wasm runtime)"
cargo build --locked -p sibyl-node

stage "clippy"
SKIP_WASM_BUILD=1 cargo clippy --locked --workspace --all-targets -- -D warnings

stage "tests"
cargo test --locked --workspace

stage "done"
