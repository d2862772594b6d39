// Bonds accounts for a node role through @sibyl/client, each with its own sr25519 key as node key
// (what `sibyl-node --alice|--bob|…` inserts for that role) and that key's proof of possession.
// With --key and --proof (what `sibyl-node key prove` prints), one account bonds that key instead:
// an operator's path, where the key lives in the node's keystore.
//
//   node scripts/js/bond.mjs --url ws://127.0.0.1:9944 --role Inference|Verifier|Data
//        --accounts //Dave,//Eve [--amount-units 100] [--key 0x… --proof 0x…]
//
// Exits non-zero with the chain's error name (e.g. `Payments.BadKeyProof`) if a bond fails.

import { connect, keyProof, ROLES } from '@sibyl/client';
import { Keyring } from '@polkadot/keyring';

const UNIT = 10n ** 12n;

function fail(message) {
  console.error(`bond: ${message}`);
  process.exit(1);
}

const args = { url: 'ws://127.0.0.1:9944', role: undefined, accounts: [], amount: 100n, key: undefined, proof: undefined };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const next = () => argv[++i] ?? fail(`${argv[i - 1]} needs a value`);
  switch (argv[i]) {
    case '--url': args.url = next(); break;
    case '--role': args.role = next(); break;
    case '--accounts': args.accounts = next().split(',').filter(Boolean); break;
    case '--amount-units': args.amount = BigInt(next()); break;
    case '--key': args.key = next(); break;
    case '--proof': args.proof = next(); break;
    default: fail(`unknown argument ${argv[i]}`);
  }
}
if (!ROLES.includes(args.role)) fail(`--role ${ROLES.join('|')} is required`);
if (args.accounts.length === 0) fail('--accounts is required');
if ((args.key === undefined) !== (args.proof === undefined)) fail('--key and --proof go together');
if (args.key !== undefined && args.accounts.length !== 1) fail('--key and --proof bond one account');

const sibyl = await connect(args.url);
const keyring = new Keyring({ type: 'sr25519' });
const bond = async (suri) => {
  const pair = keyring.addFromUri(suri);
  const key = args.key ?? pair.publicKey;
  const proof = args.proof ?? keyProof(sibyl.api, args.role, pair, pair.address);
  try {
    await sibyl.send(sibyl.api.tx.payments.bond(args.role, args.amount * UNIT, key, proof), pair);
  } catch (e) {
    throw new Error(`${suri}: ${e.pallet ? `${e.pallet}.${e.error}` : e.message}`);
  }
};
try {
  await Promise.all(args.accounts.map(bond));
  console.log(`bonded ${args.accounts.join(', ')} for ${args.role}`);
} catch (e) {
  fail(e.message);
}
await sibyl.disconnect();
