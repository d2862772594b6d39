# Sourced by the scripts that run the JavaScript clients (setup.sh, demo.sh, zombienet/run.sh,
# clients-test.sh), from the repository root. The repository root is one npm workspace
# (package.json: clients/js, the @sibyl/client package, and scripts/js, the polkadot.js scripts),
# pinned by the root package-lock.json.

# Installs the workspace when the lockfile changed, and builds @sibyl/client (clients/js/dist)
# when its sources changed; both are no-ops otherwise.
ensure_js_deps() {
	# A standalone install of scripts/js from before the workspace would shadow the root's.
	if [ -f scripts/js/node_modules/.package-lock.json ]; then
		rm -rf scripts/js/node_modules
	fi
	if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
		npm ci --no-audit --no-fund --loglevel=error
	fi
	if [ ! -f clients/js/dist/index.js ] || [ -n "$(find clients/js/src clients/js/package.json \
		clients/js/tsconfig.json -newer clients/js/dist/index.js -print -quit)" ]; then
		npm run build -w clients/js --silent
	fi
}
