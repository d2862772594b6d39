#!/usr/bin/env bash
# Runs the Python client's tests against an already running dev node.
#
#   SIBYL_WS=ws://127.0.0.1:9944 SIBYL_NODE=path/to/sibyl-node SIBYL_MODELS=dir \
#     clients/python/run-tests.sh [pytest args…]
#
# SIBYL_MODELS holds ppocr_cls.onnx and ppocr_cls.json (an input in the `model run` format).
# The venv is $HOME/.cache/sibyl/venv-client (SIBYL_PY_VENV to override): created on first use,
# then only reinstalled when pyproject.toml changes.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${SIBYL_PY_VENV:-$HOME/.cache/sibyl/venv-client}"
python="${PYTHON:-python3}"

for var in SIBYL_WS SIBYL_NODE SIBYL_MODELS; do
	if [[ -z "${!var:-}" ]]; then
		echo "run-tests.sh: $var is not set (SIBYL_WS=ws://…, SIBYL_NODE=sibyl-node binary, SIBYL_MODELS=dir with ppocr_cls.onnx/.json)" >&2
		exit 2
	fi
done
[[ -x "$SIBYL_NODE" ]] || { echo "run-tests.sh: SIBYL_NODE=$SIBYL_NODE is not executable" >&2; exit 2; }

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
	echo "run-tests.sh: $python is $("$python" --version 2>&1); the client needs Python 3.10 or later" >&2
	exit 2
fi

# (Re)install when the venv is new or the package's metadata changed since the last install.
stamp="$venv/.sibyl-client-stamp"
want="$(cat "$here/pyproject.toml" | sha256sum | cut -d' ' -f1) $here"
if [[ ! -x "$venv/bin/python" ]]; then
	mkdir -p "$(dirname "$venv")"
	"$python" -m venv "$venv"
fi
if [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
	timeout 900 "$venv/bin/python" -m pip install --quiet --upgrade pip
	timeout 900 "$venv/bin/python" -m pip install --quiet -e "$here[test]"
	echo "$want" >"$stamp"
fi

# `--setup-only`: the venv, without the tests (scripts/dapp-guide-test.sh runs the guide's
# Python snippet in it).
if [[ "${1:-}" == "--setup-only" ]]; then
	exit 0
fi

cd "$here"
# The offline tests (tensors, SCALE, levels) and the chain tests. Every wait in the tests
# has its own timeout; the whole run is bounded too.
exec timeout "${SIBYL_PY_TEST_TIMEOUT:-1800}" "$venv/bin/python" -m pytest -p no:cacheprovider -q "$@"
