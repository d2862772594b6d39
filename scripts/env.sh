# Sourced by the scripts: where build output goes. Outside the clone, so that a fresh clone
# on the same machine builds incrementally.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sibyl/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
