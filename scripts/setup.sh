#!/usr/bin/env bash
# Installs what building Sibyl needs on a Debian machine with rustup: system packages,
# the wasm target and rust-src for the runtime. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v protoc >/dev/null 2>&1 || need_apt+=(protobuf-compiler)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
dpkg -s libssl-dev >/dev/null 2>&1 || need_apt+=(libssl-dev)
command -v make >/dev/null 2>&1 || need_apt+=(make)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ]; then
	echo "setup: installing ${need_apt[*]}"
	sudo_cmd=""
	[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
	$sudo_cmd apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# rust-toolchain.toml names the toolchain; make sure its target and components are present.
rustup show active-toolchain >/dev/null
rustup target add wasm32v1-none >/dev/null 2>&1 || rustup target add wasm32v1-none
rustup component add rust-src rustfmt clippy >/dev/null 2>&1 || rustup component add rust-src rustfmt clippy

# The JavaScript (the @sibyl/client package and the polkadot.js scripts of the demo and the
# end-to-end tests): one npm workspace at the root, pinned by package-lock.json; the client is
# built into clients/js/dist when its sources changed.
. scripts/js-deps.sh
ensure_js_deps
