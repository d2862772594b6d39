// Upgrades a running Sibyl chain's runtime as root while requests are in flight, through
// @sibyl/client, and reports what happened (the runtime-upgrade test's client; docs/upgrades.md).
//
//   node scripts/js/upgrade.mjs --url ws://127.0.0.1:9944 --wasm runtime.wasm --model 0x…
//        --input input.json [--sudo //Alice] [--requesters //Bob,//Charlie,//Dave,//Eve]
//
// 1. Gives the upgrade's migration work to do: root creates an oracle feed (rounds of 1,000
//    blocks, so it stays open) and writes `Oracle`'s storage as version 1 left it, one version
//    behind this runtime's: the storage version 1 and the feed's open round holding one
//    submission in the version-1 layout `{node, value, stake}` (`system.setStorage`). It also
//    puts `Inference` at storage version 0 with a wrong open-request count for the model (7),
//    which its version-1 migration must replace by counting the requests themselves.
// 2. Sends one request per requester and root's `system.setCode(wasm)` at once (so that they
//    land in the same block or the code a block later), and waits for all to be included.
// 3. Waits for each request's settlement and for the new runtime version, then reads `Oracle`'s
//    storage version and the feed's round as the new runtime decodes it.
//
// Prints one JSON line: `{before, after, code_updated_at, metadata_version: {before, after},
// requests: [{id, included_at, settled_at, outcome}], oracle: {version_before, version_after,
// submissions}, inference: {version_before, version_after, open_before, open_after}}`. Exits non-zero with the chain's error name if a transaction fails.

import { readFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { bnToU8a, compactToU8a, u8aConcat, u8aToHex } from '@polkadot/util';
import { xxhashAsU8a } from '@polkadot/util-crypto';
import { connect } from '@sibyl/client';

function fail(message) {
  console.error(`upgrade: ${message}`);
  process.exit(1);
}

const args = { url: 'ws://127.0.0.1:9944', sudo: '//Alice', requesters: ['//Bob', '//Charlie', '//Dave', '//Eve'] };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const next = () => argv[++i] ?? fail(`${argv[i - 1]} needs a value`);
  switch (argv[i]) {
    case '--url': args.url = next(); break;
    case '--wasm': args.wasm = next(); break;
    case '--model': args.model = next(); break;
    case '--input': args.input = next(); break;
    case '--sudo': args.sudo = next(); break;
    case '--requesters': args.requesters = next().split(',').filter(Boolean); break;
    default: fail(`unknown argument ${argv[i]}`);
  }
}
if (!args.wasm || !args.model || !args.input) fail('--wasm, --model and --input are required');

const code = readFileSync(args.wasm);
const inputs = JSON.parse(readFileSync(args.input, 'utf8')).inputs ?? fail('the input file has no "inputs"');
const sibyl = await connect(args.url);
const { api } = sibyl;
const keyring = new Keyring({ type: 'sr25519' });
const root = keyring.addFromUri(args.sudo);
const name = (e) => (e.pallet ? `${e.pallet}.${e.error}` : e.message);
const send = (tx, pair) => sibyl.send(tx, pair).catch((e) => fail(name(e)));
/// A sudo call succeeds as a transaction even when its inner call fails: read `Sudid`.
const sudid = (events) => {
  const result = events.find(({ event }) => api.events.sudo.Sudid.is(event))?.event.data.sudoResult;
  if (!result) fail('no Sudid event');
  if (result.isErr) fail(name(sibyl.chainError(result.asErr)));
};

const before = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
const metadataBefore = api.runtimeMetadata.version;

// 1. A feed whose open round holds a submission as storage version 1 stored it.
const created = await send(api.tx.sudo.sudo(api.tx.oracle.createFeed('upgrade test', 2, 1, 1000, 10_000, 2000)), root);
sudid(created.events);
const feed = created.events.find(({ event }) => api.events.oracle.FeedCreated.is(event))?.event.data.feed.toNumber();
if (feed === undefined) fail('no Oracle.FeedCreated event');
const versionKeyOf = (pallet) => u8aConcat(xxhashAsU8a(pallet, 128), xxhashAsU8a(':__STORAGE_VERSION__:', 128));
const versionKey = versionKeyOf('Oracle');
const inferenceVersionKey = versionKeyOf('Inference');
const openRequestsKey = api.query.inference.openRequests.key(args.model);
const submissionsKey = api.query.oracle.submissions.key(feed);
const stake = 10n ** 13n;
const v1Round = u8aConcat(
  compactToU8a(1),
  root.publicKey,
  bnToU8a(12_345n, { bitLength: 128, isLe: true, isNegative: true }),
  bnToU8a(stake, { bitLength: 128, isLe: true }),
);
/// A pallet's storage version on chain (a little-endian u16; absent: 0), `Oracle`'s by default.
const storageVersion = async (key = versionKey) => {
  const raw = await sibyl.provider.send('state_getStorage', [u8aToHex(key)]);
  return raw ? parseInt(raw.slice(2, 4), 16) + 256 * parseInt(raw.slice(4, 6), 16) : 0;
};
const written = await send(api.tx.sudo.sudo(api.tx.system.setStorage([
  [u8aToHex(versionKey), '0x0100'],
  [submissionsKey, u8aToHex(v1Round)],
  [u8aToHex(inferenceVersionKey), '0x0000'],
  [openRequestsKey, '0x07000000'],
])), root);
sudid(written.events);
const versionBefore = await storageVersion();
const inferenceBefore = await storageVersion(inferenceVersionKey);
const openBefore = (await api.query.inference.openRequests(args.model)).toNumber();

// 2. Requests and the new code, at once.
const requests = args.requesters.map((suri) =>
  sibyl.request(args.model, inputs, { signer: keyring.addFromUri(suri), validate: false }).catch((e) => fail(name(e))));
const setCode = api.tx.sudo.sudoUncheckedWeight(api.tx.system.setCode(u8aToHex(code)), { refTime: 0, proofSize: 0 });
const upgraded = send(setCode, root);
const [sent, { events: codeEvents, blockNumber: codeUpdatedAt }] = await Promise.all([Promise.all(requests), upgraded]);
sudid(codeEvents);
if (!codeEvents.some(({ event }) => api.events.system.CodeUpdated.is(event))) fail('no System.CodeUpdated event');

// 3. Settlements, the new version, the migrated storage.
const settled = await Promise.all(sent.map((s) => sibyl.settlement(s.requestId, { timeoutMs: 180_000 })));
let after = before;
for (let i = 0; i < 60 && after === before; i++) {
  after = (await api.rpc.state.getRuntimeVersion()).specVersion.toNumber();
  if (after === before) await new Promise((r) => setTimeout(r, 1000));
}
// The client itself lives on across the upgrade: once polkadot.js has the new version, its
// runtime API calls still work (polkadot.js alone would have reloaded metadata without them).
for (let i = 0; i < 60 && api.runtimeVersion.specVersion.toNumber() !== after; i++) {
  await new Promise((r) => setTimeout(r, 500));
}
if (api.runtimeVersion.specVersion.toNumber() !== after) fail('polkadot.js never saw the new runtime version');
if (!api.call.inferenceApi) fail('the client lost its runtime APIs with the upgrade');
const output = await sibyl.output(sent[0].requestId).catch((e) => fail(`output after the upgrade: ${name(e)}`));
const round = await api.query.oracle.submissions(feed);
console.log(JSON.stringify({
  before,
  after,
  code_updated_at: codeUpdatedAt,
  output_after_upgrade: output !== undefined,
  metadata_version: { before: metadataBefore, after: api.runtimeMetadata.version },
  requests: sent.map((s, i) => ({
    id: s.requestId.toString(),
    included_at: s.blockNumber,
    settled_at: settled[i].settledAt,
    outcome: settled[i].outcome,
  })),
  oracle: {
    feed,
    version_before: versionBefore,
    version_after: await storageVersion(),
    submissions: round.map((s) => ({
      node: s.node.toString(),
      stake: s.stake.toString(),
      commitment: s.commitment.toHex(),
      value: s.value.isSome ? s.value.unwrap().toString() : null,
    })),
  },
  inference: {
    version_before: inferenceBefore,
    version_after: await storageVersion(inferenceVersionKey),
    open_before: openBefore,
    open_after: (await api.query.inference.openRequests(args.model)).toNumber(),
  },
}, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));
await sibyl.disconnect();
