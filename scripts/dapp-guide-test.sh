#!/usr/bin/env bash
# Runs the code of docs/dapp-guide.md exactly as written (every fenced block whose info string is
# `ts test` or `python test`) against the dev node of $SIBYL_WS, after uploading the example model
# as `sibyl-demo` version 1, the name the guide uses. The TypeScript is type-checked against
# @sibyl/client's types (tsc, strict) and then run; the Python runs in the client's venv
# (clients/python/run-tests.sh makes it). The guide's URL, ws://127.0.0.1:9944, is replaced by
# $SIBYL_WS. Run by scripts/clients-test.sh, which starts the node and sets SIBYL_WS and SIBYL_NODE.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${SIBYL_WS:?run scripts/clients-test.sh}" "${SIBYL_NODE:?run scripts/clients-test.sh}"

guide=docs/dapp-guide.md
work=".dapp-guide"
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

# The guide's model: the default example, as ./scripts/dev.sh's demo uploads it.
"$SIBYL_NODE" model example --out "$work/demo.onnx" --input-out "$work/input.json" >/dev/null
"$SIBYL_NODE" model upload --model "$work/demo.onnx" --name sibyl-demo --model-version 1 \
	--price 1000000000 --suri //Alice --url "$SIBYL_WS" >/dev/null

# Writes the n-th block tagged `$1 test` to $2; fails if there is none.
extract() {
	awk -v tag="$1" '
		/^```/ { if (inside) { inside = 0; next } if ($0 == "```" tag " test") { inside = 1; found = 1; next } }
		inside { print }
		END { exit found ? 0 : 1 }
	' "$guide" | sed "s#ws://127.0.0.1:9944#$SIBYL_WS#g" > "$2"
	[ -s "$2" ] || { echo "dapp-guide-test: no \`$1 test\` block in $guide" >&2; exit 1; }
}

lines() { grep -cv '^\s*$' "$1"; }

extract ts "$work/guide.mts"
echo "TypeScript snippet: $(lines "$work/guide.mts") lines"
[ "$(lines "$work/guide.mts")" -le 15 ] || { echo "the TypeScript snippet is over 15 lines" >&2; exit 1; }
node_modules/.bin/tsc --strict --module nodenext --moduleResolution nodenext --target es2022 \
	--skipLibCheck --rootDir "$work" --outDir "$work/out" "$work/guide.mts"
out="$(node "$work/out/guide.mjs")"
echo "$out"
grep -q "^request [0-9]*: verified 0x[0-9a-f]\{64\}$" <<< "$out"

if grep -q '^```python test$' "$guide"; then
	extract python "$work/guide.py"
	echo "Python snippet: $(lines "$work/guide.py") lines"
	[ "$(lines "$work/guide.py")" -le 15 ] || { echo "the Python snippet is over 15 lines" >&2; exit 1; }
	SIBYL_MODELS="${SIBYL_MODELS:-unused}" clients/python/run-tests.sh --setup-only
	out="$("${SIBYL_PY_VENV:-$HOME/.cache/sibyl/venv-client}/bin/python" "$work/guide.py")"
	echo "$out"
	grep -q "^request [0-9]*: verified 0x[0-9a-f]\{64\}$" <<< "$out"
fi
echo "dapp-guide-test: the guide's snippets ran"
