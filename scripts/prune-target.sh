#!/usr/bin/env bash
# Keeps the shared target dir (scripts/env.sh) from filling the disk. Every feature set, profile
# and dependency change leaves its own test binaries (the node's are ~700 MB each) and
# incremental caches behind, and cargo never removes them: after a few weeks of work the target
# dir had grown past 70 GB and a CI link died with "ld terminated with signal 7 [Bus error]"
# when the disk ran out. Run before every build (scripts/test.sh does); it only deletes when the
# disk is short, and only what cargo rebuilds on its own.
#
#   MIN_FREE_GB  free space wanted before a build (default 25: a CI run on a warm target dir
#                adds about 4 GB, a fresh one 30 GB, and with a 30 GB target dir this machine
#                has about 38 GB free, so 40 would drop every incremental cache on every run)
#   STALE_HOURS  a test binary or incremental cache untouched this long is stale (default 12)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

MIN_FREE_GB="${MIN_FREE_GB:-25}"
STALE_HOURS="${STALE_HOURS:-12}"
target="$CARGO_TARGET_DIR"
mkdir -p "$target"

free_gb() { df -Pk "$target" | awk 'NR == 2 { printf "%d", $4 / 1048576 }'; }

before="$(free_gb)"
if ((before >= MIN_FREE_GB)); then
	echo "disk: ${before} GB free for $target (want ${MIN_FREE_GB}); nothing pruned"
	exit 0
fi
echo "disk: ${before} GB free for $target, below ${MIN_FREE_GB}: pruning what cargo rebuilds"

minutes=$((STALE_HOURS * 60))
# Incremental caches, one per crate and feature set, dead once their session is over; the
# arguments narrow which (find tests).
drop_incremental() {
	find "$target" -mindepth 3 -maxdepth 3 -path "$target/*/incremental/*" "$@" -exec rm -rf {} +
}
drop_incremental -mmin +"$minutes"
# Test and bench binaries of feature sets or dependency graphs no longer built. Libraries (rlib,
# rmeta, so) stay: they are what makes the next build incremental.
find "$target" -mindepth 3 -maxdepth 3 -path "$target/*/deps/*" -type f -executable \
	! -name '*.so' -mmin +"$minutes" -delete

after="$(free_gb)"
echo "disk: ${after} GB free after pruning (was ${before})"
if ((after < MIN_FREE_GB)); then
	# Still short: every incremental cache goes (the next build recompiles the workspace's
	# own crates without them). If that is not enough either, say so and go on: the build
	# may still fit.
	drop_incremental
	after="$(free_gb)"
	echo "disk: ${after} GB free after dropping all incremental caches"
	if ((after < MIN_FREE_GB)); then
		echo "disk: warning: still below ${MIN_FREE_GB} GB; a link may fail with SIGBUS" >&2
	fi
fi
