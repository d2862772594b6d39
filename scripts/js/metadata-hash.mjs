// Signs as a hardware signer does (RFC 78, `CheckMetadataHash` mode 1) against a running Sibyl
// chain, and says whether the chain accepted it (scripts/metadata-hash-check.sh; docs/building.md).
//
//   node scripts/js/metadata-hash.mjs --url ws://127.0.0.1:9944 --expect hashed|plain
//
// Computes the metadata's digest from the chain's own V15 metadata with
// @polkadot-api/merkleize-metadata (what a Ledger app is given), then sends three
// `system.remark`s from //Alice:
//   mode 0                         valid on every runtime
//   mode 1 with the right digest   valid only on a runtime built with `metadata-hash`
//   mode 1 with a wrong digest     never valid (a signer shown other metadata)
// `--expect hashed` wants [included, included, refused]; `--expect plain` (a runtime built
// without the feature, whose hash is `None`) wants [included, refused, refused].
// Prints one JSON line and exits non-zero when the outcome is not the expected one.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';

function fail(message) {
  console.error(`metadata-hash: ${message}`);
  process.exit(1);
}

const args = { url: 'ws://127.0.0.1:9944' };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const next = () => argv[++i] ?? fail(`${argv[i - 1]} needs a value`);
  switch (argv[i]) {
    case '--url': args.url = next(); break;
    case '--expect': args.expect = next(); break;
    default: fail(`unknown argument ${argv[i]}`);
  }
}
const expected = { hashed: ['included', 'included', 'refused'], plain: ['included', 'refused', 'refused'] }[args.expect];
if (!expected) fail('--expect must be hashed or plain');

const api = await ApiPromise.create({ provider: new WsProvider(args.url), noInitWarn: true });
const alice = new Keyring({ type: 'sr25519' }).addFromUri('//Alice');

// The chain's V15 metadata, the version the wasm builder hashes.
const opaque = await api.call.metadata.metadataAtVersion(15);
if (opaque.isNone) fail('the chain has no V15 metadata');
const props = await api.rpc.system.properties();
const decimals = props.tokenDecimals.unwrap()[0].toNumber();
const tokenSymbol = props.tokenSymbol.unwrap()[0].toString();
const digest = merkleizeMetadata(opaque.unwrap().toU8a(true), { decimals, tokenSymbol }).digest();
const wrong = Uint8Array.from(digest);
wrong[0] ^= 1;

/// `included` once the remark is in a block, else `refused` with the pool's reason.
function outcome(options, note) {
  return new Promise((resolve) => {
    api.tx.system.remark(note)
      .signAndSend(alice, { ...options, nonce: -1 }, ({ status, dispatchError }) => {
        if (dispatchError) resolve({ outcome: 'failed', reason: dispatchError.toString() });
        else if (status.isInBlock) resolve({ outcome: 'included' });
        else if (status.isInvalid || status.isDropped || status.isUsurped) {
          resolve({ outcome: 'refused', reason: status.type });
        }
      })
      .catch((e) => resolve({ outcome: 'refused', reason: e.message }));
  });
}

const results = [];
results.push(await outcome({}, 'mode 0'));
results.push(await outcome({ mode: 1, metadataHash: u8aToHex(digest) }, 'mode 1, right digest'));
results.push(await outcome({ mode: 1, metadataHash: u8aToHex(wrong) }, 'mode 1, wrong digest'));
const version = api.runtimeVersion;
console.log(JSON.stringify({
  spec_version: version.specVersion.toNumber(),
  decimals,
  token_symbol: tokenSymbol,
  digest: u8aToHex(digest),
  mode0: results[0],
  mode1_right_digest: results[1],
  mode1_wrong_digest: results[2],
}));
await api.disconnect();
const got = results.map((r) => r.outcome);
if (got.join() !== expected.join()) {
  fail(`expected [${expected.join(', ')}] for a ${args.expect} runtime, got [${got.join(', ')}]`);
}
