// The validator set through @sibyl/client: a node joins (its own fresh session keys, with their
// proof of possession, registered by its account; root adds the account), a validator leaves
// (root removes it), and the set as the chain sees it.
//
//   node scripts/js/validators.mjs join --url ws://NODE --account //Dave [--sudo //Alice]
//   node scripts/js/validators.mjs leave --url ws://ANY --account //Charlie [--sudo //Alice]
//   node scripts/js/validators.mjs status --url ws://ANY [--names //Alice,//Bob,…]
//
// `join` must talk to the joining node itself: `author_rotateKeysWithOwner` (an unsafe RPC,
// open on a node's localhost) makes the keys in that node's keystore and signs the proof that
// the account holds them; `session.setKeys` registers them, and `sudo(collatorSelection.
// addInvulnerable)` puts the account in the set. Either takes effect two sessions later.
// `status` prints one JSON line: session index, current and queued validators, invulnerables,
// each named account's last authored block (0: never), and best and finalized numbers.
// Exits non-zero with the chain's error name if a transaction fails.

import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { connect } from '@sibyl/client';

function fail(message) {
  console.error(`validators: ${message}`);
  process.exit(1);
}

const [command, ...rest] = process.argv.slice(2);
const args = { url: 'ws://127.0.0.1:9944', account: undefined, sudo: '//Alice', names: [] };
for (let i = 0; i < rest.length; i++) {
  const next = () => rest[++i] ?? fail(`${rest[i - 1]} needs a value`);
  switch (rest[i]) {
    case '--url': args.url = next(); break;
    case '--account': args.account = next(); break;
    case '--sudo': args.sudo = next(); break;
    case '--names': args.names = next().split(',').filter(Boolean); break;
    default: fail(`unknown argument ${rest[i]}`);
  }
}
if (!['join', 'leave', 'status'].includes(command)) fail('usage: validators.mjs join|leave|status --url …');
if (command !== 'status' && !args.account) fail(`${command} needs --account`);

const sibyl = await connect(args.url);
const { api } = sibyl;
const keyring = new Keyring({ type: 'sr25519' });
const name = (e) => (e.pallet ? `${e.pallet}.${e.error}` : e.message);
const send = (tx, pair) => sibyl.send(tx, pair).catch((e) => fail(name(e)));
/// A sudo call succeeds as a transaction even when its inner call fails: read `Sudid`.
const sudo = async (call) => {
  const { events } = await send(api.tx.sudo.sudo(call), keyring.addFromUri(args.sudo));
  const sudid = events.find(({ event }) => api.events.sudo.Sudid.is(event));
  const result = sudid?.event.data.sudoResult;
  if (!result) fail('no Sudid event');
  if (result.isErr) fail(name(sibyl.chainError(result.asErr)));
};

if (command === 'join') {
  const pair = keyring.addFromUri(args.account);
  const generated = await sibyl.provider.send('author_rotateKeysWithOwner', [u8aToHex(pair.publicKey)]);
  if (!generated.proof) fail('the node made keys without a proof of possession');
  await send(api.tx.session.setKeys(generated.keys, generated.proof), pair);
  await sudo(api.tx.collatorSelection.addInvulnerable(pair.address));
  console.log(JSON.stringify({ joined: pair.address, keys: generated.keys }));
} else if (command === 'leave') {
  const pair = keyring.addFromUri(args.account);
  await sudo(api.tx.collatorSelection.removeInvulnerable(pair.address));
  console.log(JSON.stringify({ left: pair.address }));
} else {
  const named = Object.fromEntries(args.names.map((suri) => [keyring.addFromUri(suri).address, suri.replace(/^\/\//, '').toLowerCase()]));
  const who = (a) => named[a.toString()] ?? a.toString();
  const [session, validators, queued, invulnerables, best, finalizedHash] = await Promise.all([
    api.query.session.currentIndex(),
    api.query.session.validators(),
    api.query.session.queuedKeys(),
    api.query.collatorSelection.invulnerables(),
    api.rpc.chain.getHeader(),
    api.rpc.chain.getFinalizedHead(),
  ]);
  const finalized = await api.rpc.chain.getHeader(finalizedHash);
  const lastAuthored = {};
  for (const address of Object.keys(named)) {
    lastAuthored[who(address)] = (await api.query.collatorSelection.lastAuthoredBlock(address)).toNumber();
  }
  console.log(JSON.stringify({
    session: session.toNumber(),
    validators: validators.map(who),
    queued: queued.map(([v]) => who(v)),
    invulnerables: invulnerables.map(who),
    last_authored: lastAuthored,
    best: best.number.toNumber(),
    finalized: finalized.number.toNumber(),
  }));
}
await sibyl.disconnect();
