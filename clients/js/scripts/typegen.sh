#!/usr/bin/env bash
# Regenerates src/interfaces/ — the @polkadot/api augmentations (augment-api-*.ts: api.tx,
# api.query, api.events, api.errors, api.consts, api.call with this runtime's own runtime APIs,
# api.rpc with the node's sibyl_* and inference_* methods) and the lookup types
# (types-lookup.ts, lookup.ts, registry.ts) — from a running node's metadata, then type-checks the
# package against them. Run it after a runtime change, against a node of the new runtime:
#
#   clients/js/scripts/typegen.sh [ws://127.0.0.1:9944]     (or: npm run typegen -w clients/js -- URL)
#
# Inputs kept by hand: src/interfaces/definitions.ts and */definitions.ts (the RPC definitions).
set -euo pipefail
cd "$(dirname "$0")/.."
url="${1:-${SIBYL_WS:-ws://127.0.0.1:9944}}"

bin=../../node_modules/.bin
[ -x "$bin/polkadot-types-from-chain" ] || bin=node_modules/.bin
[ -x "$bin/polkadot-types-from-chain" ] || { echo "typegen: @polkadot/typegen is not installed (npm ci at the repository root)" >&2; exit 1; }

# Typegen reads --endpoint files relative to the working directory.
meta=".metadata-$$.json"
trap 'rm -f "$meta"' EXIT
# Metadata v15 (typegen would ask a ws:// URL for v14, which has no runtime APIs).
node scripts/metadata.mjs "$url" "$meta"

# Start from the hand-written definitions alone.
find src/interfaces -name '*.ts' ! -name 'definitions.ts' -delete

# scripts/ts-hooks.mjs lets typegen import the definitions.ts files on Node.js. (Its registry
# warns that it does not know the runtime's AuthorizeCall and SeatsLeft extensions: neither signs
# anything extra, see `signedExtensions` in src/client.ts.)
typegen() {
	node --import ./scripts/ts-hooks.mjs "$bin/$1" --package @sibyl/client/interfaces "${@:2}" \
		--endpoint "./$meta" > /dev/null 2> >(grep -v 'Unknown signed extensions' >&2)
}
typegen polkadot-types-from-defs --input ./src/interfaces
typegen polkadot-types-from-chain --output ./src/interfaces --strict

# Two names typegen 16 emits without declaring them (its alias table knows other runtimes only):
# the runtime's `RuntimeCall` (polkadot.js's `Call`; `IMethod` is already in those unions) and
# `RequestId`, a `u64` newtype the lookup flattens to `u64`.
sed -i 's/SibylRuntimeRuntimeCall | IMethod/IMethod/g; s/SibylPrimitivesModelRequestId/u64/g' \
	src/interfaces/augment-api-runtime.ts
if grep -n 'SibylRuntimeRuntimeCall\|SibylPrimitivesModelRequestId' src/interfaces/*.ts; then
	echo "typegen: undeclared names left (above): extend the fix-ups in $0" >&2
	exit 1
fi

npx tsc -p tsconfig.json
echo "typegen: src/interfaces/ regenerated from $url ($(grep -c 'interface ' src/interfaces/types-lookup.ts) lookup types); package builds"
