// Bonds accounts for a node role with @polkadot/api, each with its own sr25519 key as node key
// (what `sibyl-node --alice|--bob|…` inserts for that role).
//
//   node scripts/js/bond.mjs --url ws://127.0.0.1:9944 --role Inference|Verifier|Data
//        --accounts //Dave,//Eve [--amount-units 100]
//
// Exits non-zero with the chain's error name if a bond fails.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const UNIT = 10n ** 12n;

function fail(message) {
  console.error(`bond: ${message}`);
  process.exit(1);
}

const args = { url: 'ws://127.0.0.1:9944', role: undefined, accounts: [], amount: 100n };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const next = () => argv[++i] ?? fail(`${argv[i - 1]} needs a value`);
  switch (argv[i]) {
    case '--url': args.url = next(); break;
    case '--role': args.role = next(); break;
    case '--accounts': args.accounts = next().split(',').filter(Boolean); break;
    case '--amount-units': args.amount = BigInt(next()); break;
    default: fail(`unknown argument ${argv[i]}`);
  }
}
if (!['Inference', 'Verifier', 'Data'].includes(args.role)) fail('--role Inference|Verifier|Data is required');
if (args.accounts.length === 0) fail('--accounts is required');

await cryptoWaitReady();
const api = await ApiPromise.create({ provider: new WsProvider(args.url), noInitWarn: true, throwOnConnect: true });
const keyring = new Keyring({ type: 'sr25519' });
const bond = (suri) => new Promise((resolve, reject) => {
  const pair = keyring.addFromUri(suri);
  let unsub = () => {};
  api.tx.payments.bond(args.role, args.amount * UNIT, pair.publicKey)
    .signAndSend(pair, ({ status, dispatchError }) => {
      if (dispatchError) {
        unsub();
        const { section, name } = dispatchError.isModule ? api.registry.findMetaError(dispatchError.asModule) : { section: '', name: dispatchError.toString() };
        reject(new Error(`${suri}: ${section}.${name}`));
      } else if (status.isInBlock) {
        unsub();
        resolve();
      } else if (status.isDropped || status.isInvalid || status.isUsurped) {
        unsub();
        reject(new Error(`${suri}: transaction ${status.type}`));
      }
    })
    .then((u) => { unsub = u; })
    .catch(reject);
});
try {
  await Promise.all(args.accounts.map(bond));
  console.log(`bonded ${args.accounts.join(', ')} for ${args.role}`);
} catch (e) {
  fail(e.message);
}
await api.disconnect();
