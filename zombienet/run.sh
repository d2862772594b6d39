#!/usr/bin/env bash
# The Sibyl local network with zombienet's native provider (see sibyl.json and docs/network.md):
#   ./zombienet/run.sh          start it, run sibyl.zndsl against it, stop
#   ./zombienet/run.sh spawn    start it and keep it running (Ctrl-C stops it)
# Uses the debug sibyl-node that ./scripts/test.sh or ./scripts/dev.sh builds (SIBYL_NODE to
# choose another binary).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
if [ ! -x zombienet/node_modules/.bin/zombienet ]; then
	npm ci --prefix zombienet --no-audit --no-fund
fi
export SIBYL_NODE="${SIBYL_NODE:-$CARGO_TARGET_DIR/debug/sibyl-node}"
if [ ! -x "$SIBYL_NODE" ]; then
	cargo build --locked -p sibyl-node
fi
export SIBYL_FEED_PORT="${SIBYL_FEED_PORT:-18080}"
SIBYL_FEEDS="$(mktemp -d)/feeds.json"
export SIBYL_FEEDS
printf '{"feeds":[{"feed":0,"url":"http://127.0.0.1:%s/price","path":"data.usd"}]}\n' \
	"$SIBYL_FEED_PORT" > "$SIBYL_FEEDS"
# zombienet's test runner loads the js-scripts, which run scripts/js's @polkadot/api clients
# (the root npm workspace, with @sibyl/client built).
. scripts/js-deps.sh
ensure_js_deps
case "${1:-test}" in
	spawn) exec zombienet/node_modules/.bin/zombienet spawn --provider native zombienet/sibyl.json ;;
	test)
		# The nodes' databases and logs (~80 MB a run) go to a directory of our own: removed
		# when the test passes, kept (and named) when it fails.
		dir="${TMPDIR:-/tmp}/sibyl-zombienet-$$"
		rc=0
		zombienet/node_modules/.bin/zombienet test --provider native --dir "$dir" \
			zombienet/sibyl.zndsl || rc=$?
		if ((rc == 0)); then
			rm -rf "$dir" "$(dirname "$SIBYL_FEEDS")"
		else
			echo "zombienet: the network's files (node logs under <name>.log) are kept in $dir" >&2
		fi
		exit "$rc"
		;;
	*) echo "usage: $0 [test|spawn]" >&2; exit 2 ;;
esac
