#!/usr/bin/env bash
# The testnet's key ceremony: writes chain-specs/testnet.raw.json with fresh keys, none of them
# derived from a public phrase, and their secrets only under SECRETS_DIR (outside the repository).
#
#   ./scripts/testnet-ceremony.sh SECRETS_DIR [--validators N] [--bootnode HOST]...
#
# For each of N validators (default 3): one secret phrase, whose sr25519 key is its account and
# BABE session key and whose ed25519 key is its GRANDPA session key (`validator-I.json`; the
# genesis validator set is these accounts, as root-managed invulnerables), and a libp2p node key
# (`validator-I.node-key`, its peer id in `validator-I.peer-id`). One more phrase is the chain's
# sudo and faucet account (`root.json`). Each --bootnode HOST (a DNS name or an IPv4 address, the
# I-th for validator I) becomes `/dns|ip4/HOST/tcp/30333/p2p/<validator I's peer id>` in the spec's
# bootNodes; with none, validator 1 is announced on 127.0.0.1 (a local rehearsal: the zombienet
# and local scripts pass their own --bootnodes anyway).
#
# Each validator's operator then inserts its keys, with the testnet's chain and base path:
#   sibyl-node key insert --chain testnet --base-path DIR --key-type babe --scheme sr25519 --suri "PHRASE"
#   sibyl-node key insert --chain testnet --base-path DIR --key-type gran --scheme ed25519 --suri "PHRASE"
# and starts with `--chain testnet --validator --node-key-file validator-I.node-key`. Later
# validators join on chain instead (docs/running-a-node.md): `author_rotateKeysWithOwner`,
# `session.setKeys`, and root's `collatorSelection.addInvulnerable`.
#
# The runtime's `testnet` preset is only the template (its keys are replaced here); a running
# testnet upgrades its runtime on chain, not by regenerating this file.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd -P)"

usage() { echo "usage: $0 SECRETS_DIR [--validators N] [--bootnode HOST]..." >&2; exit 2; }
[ $# -ge 1 ] || usage
secrets="$1"
shift
validators=3
hosts=()
while [ $# -gt 0 ]; do
	case "$1" in
		--validators) validators="${2:?}"; shift 2 ;;
		--bootnode) hosts+=("${2:?}"); shift 2 ;;
		*) usage ;;
	esac
done
[[ "$validators" =~ ^[1-9][0-9]?$ ]] || { echo "--validators takes 1 to 99" >&2; exit 2; }

secrets="$(realpath -m "$secrets")"
case "$secrets/" in
	"$repo"/*) echo "testnet-ceremony: $secrets is inside the repository; keep secrets outside it" >&2; exit 1 ;;
esac
mkdir -p "$secrets"
secrets="$(cd "$secrets" && pwd -P)"
if [ -n "$(ls -A "$secrets")" ]; then
	echo "testnet-ceremony: $secrets is not empty; give an empty directory (never reuse keys)" >&2
	exit 1
fi
chmod 700 "$secrets"
umask 077

. scripts/env.sh
BIN="${SIBYL_NODE:-$CARGO_TARGET_DIR/debug/sibyl-node}"
[ -x "$BIN" ] || cargo build --locked -p sibyl-node

phrase_of() { node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).secretPhrase)' "$1"; }
ss58_of() { "$BIN" key inspect --scheme "$1" --output-type json "$2" | node -e \
	'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).ss58PublicKey))'; }

babe=()
grandpa=()
peers=()
for i in $(seq 1 "$validators"); do
	"$BIN" key generate --scheme sr25519 --output-type json > "$secrets/validator-$i.json"
	phrase="$(phrase_of "$secrets/validator-$i.json")"
	babe+=("$(ss58_of sr25519 "$phrase")")
	grandpa+=("$(ss58_of ed25519 "$phrase")")
	"$BIN" key generate-node-key --file "$secrets/validator-$i.node-key" 2> "$secrets/validator-$i.peer-id"
	peers+=("$(tr -d '[:space:]' < "$secrets/validator-$i.peer-id")")
done
"$BIN" key generate --scheme sr25519 --output-type json > "$secrets/root.json"
root="$(ss58_of sr25519 "$(phrase_of "$secrets/root.json")")"

bootnodes=()
if [ ${#hosts[@]} -eq 0 ]; then
	bootnodes+=("/ip4/127.0.0.1/tcp/30333/p2p/${peers[0]}")
else
	for i in "${!hosts[@]}"; do
		[ "$i" -lt "$validators" ] || { echo "more --bootnode hosts than validators" >&2; exit 2; }
		host="${hosts[$i]}"
		proto=dns
		[[ "$host" =~ ^[0-9.]+$ ]] && proto=ip4
		bootnodes+=("/$proto/$host/tcp/30333/p2p/${peers[$i]}")
	done
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$BIN" build-spec --chain testnet-genesis --disable-default-bootnode 2>/dev/null > "$work/plain.json"
# The template has no keys: the ceremony's go in; the root is endowed like the treasury.
node - "$work/plain.json" "$root" "$(IFS=,; echo "${babe[*]}")" "$(IFS=,; echo "${grandpa[*]}")" \
	"$(IFS=,; echo "${bootnodes[*]}")" <<'EOF'
const fs = require('fs');
const [file, root, babe, grandpa, boot] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(file, 'utf8'));
const patch = spec.genesis.runtimeGenesis.patch;
if (patch.session.keys.length || patch.collatorSelection.invulnerables.length || patch.sudo.key) {
  throw new Error('the testnet preset carries keys: it must be a template (runtime/src/genesis_config_presets.rs)');
}
// Each validator's account is its sr25519 key; its session keys are BABE (that key) and GRANDPA.
const grandpaKeys = grandpa.split(',');
const validators = babe.split(',');
patch.session.keys = validators.map((account, i) => [account, account, { babe: account, grandpa: grandpaKeys[i] }]);
patch.collatorSelection.invulnerables = validators;
patch.sudo.key = root;
// The root is the testnet's faucet: endowed like the treasury.
const [[, endowment]] = patch.balances.balances;
patch.balances.balances.push([root, endowment]);
spec.bootNodes = boot.split(',');
fs.writeFileSync(file, JSON.stringify(spec, null, 2));
EOF
"$BIN" build-spec --chain "$work/plain.json" --raw 2>/dev/null > chain-specs/testnet.raw.json

echo "wrote chain-specs/testnet.raw.json ($(wc -c < chain-specs/testnet.raw.json) bytes):"
echo "  validators (BABE sr25519 / GRANDPA ed25519): $(IFS=' '; echo "${babe[*]}") / $(IFS=' '; echo "${grandpa[*]}")"
echo "  root: $root"
echo "  bootnodes: ${bootnodes[*]}"
echo "secrets in $secrets (mode 700): keep them offline; each validator gets only its own files."
